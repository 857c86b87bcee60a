import { InferenceError } from '../../errors.js';
import type { TensorSpec } from '../../model/description.js';
import { isTensorElementType } from './element-types.js';
import { labelsFromMetadata } from './labels.js';
import { requireExternalData, type OnnxModel } from './onnx-model.js';
import { appendGraphOutputs, planOutputs, type OutputPlan } from './output-plan.js';
import { assertRunnable } from './runnability.js';
import type { ExecutionBackend, OnnxRunner, OnnxSession, OnnxSessionOptions } from './runner.js';
import { defaultShape, type DimensionValues } from './shapes.js';
import { createTensorData, elementCount, type TensorData } from './tensor-data.js';

/** One output of a run, as the app shows it. */
export interface ModelOutput {
  readonly name: string;
  readonly tensor: TensorData;
  /**
   * Class labels for the last dimension of `tensor`: a ZipMap's classes, or labels from the model's metadata
   * when their count matches.
   */
  readonly labels?: readonly (string | number)[];
  /** For a ZipMap output: the tensor fetched in its place (its probabilities). */
  readonly fetchedAs?: string;
}

/** Timings of a session in milliseconds. */
export interface SessionTimings {
  readonly createMs: number;
  /** The warm-up run (zeros; symbolic dimensions 1), when it was done and succeeded. */
  readonly firstRunMs?: number;
  /** Why the warm-up run failed (the model may still run on real inputs). */
  readonly warmUpError?: string;
}

/** Options of {@link startModelSession}. */
export interface ModelSessionOptions extends Omit<OnnxSessionOptions, 'externalData'> {
  /** External data files by their `location` in the model. */
  readonly externalData?: ReadonlyMap<string, Uint8Array>;
  /** Do a warm-up run after creating the session (default true). */
  readonly warmUp?: boolean;
  /** Values of symbolic dimensions for the warm-up inputs. */
  readonly warmUpDims?: DimensionValues;
}

/** What a run returned. */
export interface ModelRunResult {
  readonly outputs: readonly ModelOutput[];
  /** Outputs that cannot be shown (non-tensor values with no tensor behind them), with the reason. */
  readonly skipped: readonly { readonly name: string; readonly reason: string }[];
  readonly runMs: number;
}

/**
 * A model ready to run: an {@link OnnxSession} plus the engine's handling of what onnxruntime-web cannot do
 * itself (non-tensor outputs, labels).
 */
export interface ModelSession {
  readonly inputs: readonly TensorSpec[];
  readonly outputs: readonly TensorSpec[];
  readonly backend: ExecutionBackend;
  readonly threads: number;
  readonly fallbackReason?: string;
  readonly timings: SessionTimings;
  /** @throws InferenceError; InvalidValueError for feeds that do not fit. */
  run(feeds: Readonly<Record<string, TensorData>>): Promise<ModelRunResult>;
  release(): Promise<void>;
}

/**
 * Checks that the model can run (types, custom operators, opsets, external data), creates a session with only
 * tensor outputs fetched — a ZipMap's input tensor in place of its map output — and does a warm-up run.
 *
 * @throws InferenceError (code naming the cause) when the model cannot run; FormatError when an external data
 * file is missing.
 */
export async function startModelSession(runner: OnnxRunner, model: OnnxModel, options: ModelSessionOptions = {}): Promise<ModelSession> {
  assertRunnable(model);
  const files = options.externalData ?? new Map<string, Uint8Array>();
  requireExternalData(model, files);
  const { plans, addedOutputs } = planOutputs(model);
  if (plans.every((plan) => plan.kind === 'unavailable')) {
    throw new InferenceError(
      `None of the model's outputs can be read: ${plans.map((plan) => (plan.kind === 'unavailable' ? plan.reason : '')).join(' ')}`,
      'inference.nonTensor',
    );
  }
  const bytes = addedOutputs.length > 0 ? appendGraphOutputs(model.bytes, addedOutputs) : model.bytes;
  const session = await runner.createSession(bytes, {
    ...(options.executionProvider ? { executionProvider: options.executionProvider } : {}),
    ...(options.numThreads !== undefined ? { numThreads: options.numThreads } : {}),
    ...(files.size > 0 ? { externalData: [...files].map(([path, data]) => ({ path, data })) } : {}),
  });
  const metadataLabels = labelsFromMetadata(model.description.metadata);
  const inputs = model.description.inputTensors;
  const run = (feeds: Readonly<Record<string, TensorData>>) => runPlans(session, plans, feeds, metadataLabels);
  let timings: SessionTimings = { createMs: session.createMs };
  if (options.warmUp !== false) {
    try {
      const result = await run(warmUpFeeds(inputs, options.warmUpDims));
      timings = { ...timings, firstRunMs: result.runMs };
    } catch (error) {
      timings = { ...timings, warmUpError: error instanceof Error ? error.message : String(error) };
    }
  }
  return {
    inputs,
    outputs: model.description.outputTensors,
    backend: session.backend,
    threads: session.threads,
    ...(session.fallbackReason ? { fallbackReason: session.fallbackReason } : {}),
    timings,
    run,
    release: () => session.release(),
  };
}

async function runPlans(
  session: OnnxSession,
  plans: readonly OutputPlan[],
  feeds: Readonly<Record<string, TensorData>>,
  metadataLabels: readonly string[] | undefined,
): Promise<ModelRunResult> {
  const fetch = [...new Set(plans.flatMap((plan) => (plan.kind === 'unavailable' ? [] : [plan.fetch])))];
  const result = await session.run(feeds, fetch);
  const outputs: ModelOutput[] = [];
  const skipped: { name: string; reason: string }[] = [];
  for (const plan of plans) {
    if (plan.kind === 'unavailable') {
      skipped.push({ name: plan.name, reason: plan.reason });
      continue;
    }
    const tensor = result.outputs[plan.fetch];
    if (plan.kind === 'zipmap') {
      outputs.push({ name: plan.name, tensor, labels: plan.labels, fetchedAs: plan.fetch });
      continue;
    }
    const classes = tensor.dims[tensor.dims.length - 1];
    const labels = metadataLabels && metadataLabels.length === classes && tensor.type.startsWith('float') ? metadataLabels : undefined;
    outputs.push({ name: plan.name, tensor, ...(labels ? { labels } : {}) });
  }
  return { outputs, skipped, runMs: result.runMs };
}

/** Zeros (empty strings, false) of each input's shape, symbolic dimensions 1 unless given. */
export function warmUpFeeds(inputs: readonly TensorSpec[], dims: DimensionValues = {}): Record<string, TensorData> {
  const feeds: Record<string, TensorData> = {};
  for (const spec of inputs) {
    if (!spec.isTensor || !isTensorElementType(spec.type)) {
      continue;
    }
    const shape = defaultShape(spec, 1, dims);
    const zero = spec.type === 'string' ? '' : spec.type === 'bool' ? false : 0;
    feeds[spec.name] = createTensorData(spec.type, shape, new Array(elementCount(shape)).fill(zero), spec.name);
  }
  return feeds;
}
