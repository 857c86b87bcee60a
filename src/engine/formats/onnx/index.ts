/**
 * The ONNX format: structure (protobuf → {@link ModelDescription}) and running through the {@link OnnxRunner}
 * port. Nothing here imports a runtime; the browser and Node inject `onnxruntime-web` into `createOrtRunner`.
 */
export { onnxFormat } from './onnx-format.js';
export { looksLikeOnnxModel } from './model-proto-scan.js';
export { openOnnxModel, requireExternalData, type OnnxModel, type OpenOnnxOptions } from './onnx-model.js';
export type {
  ExecutionBackend,
  ExecutionProviderChoice,
  ExternalDataFile,
  OnnxRunner,
  OnnxSession,
  OnnxSessionOptions,
  RunResult,
  SessionValueMetadata,
} from './runner.js';
export { createOrtRunner, type OrtModule } from './ort-runner.js';
export { findRunBlockers, assertRunnable, type RunBlocker } from './runnability.js';
export {
  startModelSession,
  warmUpFeeds,
  type ModelOutput,
  type ModelRunResult,
  type ModelSession,
  type ModelSessionOptions,
  type SessionTimings,
} from './model-session.js';
export { planOutputs, type OutputPlan } from './output-plan.js';
export { createTensorData, elementCount, tensorValues, type ElementInput, type TensorData } from './tensor-data.js';
export { compareTensors, type Tolerance } from './compare-tensors.js';
export { isTensorElementType, type TensorElementType } from './element-types.js';
export {
  csvRowsFeed,
  feedsFromCsvRows,
  feedsFromJson,
  findCsvInput,
  isCsvHeader,
  tensorFromText,
  type CsvInput,
  type CsvRowsOptions,
  type Feeds,
} from './feeds.js';
export { tabulateOutputs, type OutputCell, type OutputTable } from './output-table.js';
export { defaultShape, formatShape, resolveShape, symbolicDimensions, type DimensionValues } from './shapes.js';
export { imageToTensor, type ImageTensorOptions, type RgbaImage } from './image-tensor.js';
export { labelsFromMetadata, parseLabelList, rankScores, type RankedLabel } from './labels.js';
export { decodeTensorFile, type TestValue } from './test-data.js';
