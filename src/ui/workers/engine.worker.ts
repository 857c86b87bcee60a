/// <reference lib="webworker" />
import { verifyModel, type PmmlModel } from '../../engine/formats/pmml/index.js';
import { detectFormat, openModelFile } from '../../engine/index.js';
import { toAppError } from '../state/app-error.js';
import { scoreCsv } from './batch-scoring.js';
import { cloneableDescription } from './clone-description.js';
import type { EngineRequest, EngineRequestMessage, EngineResponseMessage, EvaluateReply, OpenReply, ResultFieldInfo } from './engine-protocol.js';
import { KeptOnnxModels } from './tensor-values.js';

/*
 * The engine worker: format detection, parsing (PMML and ONNX structure) and PMML evaluation, off the main
 * thread. The engine has no DOM, so it runs here unchanged. Opened PMML models stay here, addressed by handle;
 * so do the latest ONNX models, for decoding their weights when a panel asks.
 */
const models = new Map<number, PmmlModel>();
const onnxModels = new KeptOnnxModels();
let nextHandle = 1;

async function handle(request: EngineRequest): Promise<{ value: unknown; transfer?: Transferable[] }> {
  switch (request.type) {
    case 'open': {
      const started = performance.now();
      const opened = await openModelFile({ fileName: request.fileName, bytes: new Uint8Array(request.bytes) });
      const parseMs = performance.now() - started;
      if (opened.format === 'pmml') {
        const handleId = nextHandle++;
        models.set(handleId, opened.model);
        const reply: OpenReply = {
          format: 'pmml',
          description: opened.model.description,
          handle: handleId,
          resultFields: resultFields(opened.model),
          externalDataFiles: [],
          parseMs,
          verification: verifyModel(opened.model),
        };
        return { value: reply };
      }
      const handleId = nextHandle++;
      onnxModels.keep(handleId, opened.model.description, request.bytes.byteLength);
      const reply: OpenReply = {
        format: 'onnx',
        description: cloneableDescription(opened.model.description),
        handle: handleId,
        resultFields: [],
        externalDataFiles: opened.model.externalDataFiles,
        parseMs,
      };
      return { value: reply };
    }
    case 'evaluate': {
      const model = models.get(request.handle);
      if (!model) throw new Error('The model is no longer open in the engine; reopen it.');
      const started = performance.now();
      const result = model.evaluate(request.record, { trace: true });
      const reply: EvaluateReply = {
        values: new Map(result.values),
        decisionPath: result.decisionPath,
        trace: result.trace,
        latencyMs: performance.now() - started,
      };
      return { value: reply };
    }
    case 'scoreCsv': {
      const model = models.get(request.handle);
      if (!model) throw new Error('The model is no longer open in the engine; reopen it.');
      return { value: scoreCsv(model, request.text, resultFields(model).map((f) => f.name)) };
    }
    case 'detect': {
      const head = { fileName: request.fileName, bytes: new Uint8Array(request.head) };
      const format = await detectFormat(head);
      // No format knows the peek: openModelFile says why, naming the file and what it looks like instead.
      if (format === undefined) await openModelFile(head);
      return { value: format };
    }
    case 'tensorValues':
      return { value: onnxModels.values(request.handle, request.location, request.limit) };
    case 'close':
      models.delete(request.handle);
      onnxModels.release(request.handle);
      return { value: undefined };
  }
}

function resultFields(model: PmmlModel): ResultFieldInfo[] {
  // PMML 4.4 OutputField: isFinalResult="false" marks intermediate values that are not part of the result.
  return model.resultFields
    .filter((field) => field.isFinalResult !== false)
    .map((field) => {
      const { name, dataType, feature, value } = field as typeof field & { value?: unknown };
      return { name, dataType, feature: field.kind === 'target' ? 'target' : feature, value: value === undefined || value === null ? undefined : String(value) };
    });
}

self.addEventListener('message', (event: MessageEvent<EngineRequestMessage>) => {
  const { id, ...request } = event.data;
  handle(request as EngineRequest).then(
    ({ value, transfer }) => postMessage({ id, ok: true, value } satisfies EngineResponseMessage, { transfer: transfer ?? [] }),
    (error: unknown) => postMessage({ id, ok: false, error: toAppError(error, request.type === 'open' ? request.fileName : undefined) } satisfies EngineResponseMessage),
  );
});
