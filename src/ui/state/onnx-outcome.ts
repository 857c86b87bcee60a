import type { TensorSpec } from '../../engine/model/description.js';
import type { ClassProbability, PredictionOutcome, ResultValue } from './predictor.js';

/** One output of a run as the ONNX client returns it (the engine's `ModelOutput`). */
export interface RunOutput {
  readonly name: string;
  readonly tensor: { readonly type: string; readonly dims: readonly number[]; readonly data: ArrayLike<number | bigint | string | boolean> };
  /** Class labels for the last dimension (ZipMap classes, or labels from the model's metadata). */
  readonly labels?: readonly (string | number)[];
}

/** Output values kept for display; a 1000-class vector fits, a feature map is cut. */
const MAX_VALUES = 4096;
const MAX_CLASSES = 1000;

/** Shapes ONNX outputs for the result panel: values, and class bars for a single vector of scores. */
export function onnxOutcome(specs: readonly TensorSpec[], outputs: readonly RunOutput[], latencyMs: number, backend?: string): PredictionOutcome {
  const order = (name: string) => {
    const index = specs.findIndex((s) => s.name === name);
    return index < 0 ? specs.length : index;
  };
  const sorted = [...outputs].sort((a, b) => order(a.name) - order(b.name));
  const fields: ResultValue[] = sorted.map(({ name, tensor }) => {
    const values = Array.from({ length: Math.min(tensor.data.length, MAX_VALUES) }, (_, i) => plain(tensor.data[i], tensor.type));
    return { name, value: values[0] ?? null, values, shape: tensor.dims, type: tensor.type };
  });
  const labelled = sorted.findIndex((o) => o.labels !== undefined);
  return { fields, probabilities: classBars(fields, labelled < 0 ? undefined : sorted[labelled]), latencyMs, backend };
}

/** A value for display: onnxruntime-web hands bool tensors over as 0/1 bytes, shown here as false/true. */
function plain(value: number | bigint | string | boolean, type: string): number | string | boolean {
  if (type === 'bool') return Boolean(value);
  // 64-bit integers beyond 2^53 would round as numbers; their digits are shown instead.
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : String(value);
  return value;
}

/**
 * Class bars for one vector of 2–1000 float scores (the labelled output when there is one, else a [1, K] one): probabilities as
 * they are when they already sum to 1, otherwise their softmax. Classes are named by label or index.
 */
export function classBars(fields: readonly ResultValue[], labelled?: RunOutput): ClassProbability[] | undefined {
  const isVector = (f: ResultValue) => f.type?.startsWith('float') && f.shape && f.shape.filter((d) => d > 1).length === 1 && f.values && f.values.length >= 2 && f.values.length <= MAX_CLASSES;
  // An unlabelled vector counts as class scores only with a batch dim and the classes last ([1, K]), as classifiers
  // export them; a bare [K] or a [K, 1] is as likely a sum, a state or a loop result (onnx-node-scan9_sum's y,
  // onnx-node-loop11's res_scan), where bars would mislead.
  const isBatched = (f: ResultValue) => (f.shape?.length ?? 0) >= 2 && f.shape!.at(-1)! > 1;
  const field = (labelled && fields.find((f) => f.name === labelled.name && isVector(f))) ?? fields.find((f) => isVector(f) && isBatched(f));
  if (!field?.values) return undefined;
  const scores = field.values as number[];
  const sum = scores.reduce((a, b) => a + b, 0);
  const isDistribution = scores.every((s) => s >= 0 && s <= 1) && Math.abs(sum - 1) < 1e-3;
  const probabilities = isDistribution ? scores : softmax(scores);
  const labels = labelled?.name === field.name ? labelled.labels : undefined;
  return probabilities.map((probability, i) => ({ label: String(labels?.[i] ?? i), probability }));
}

export function softmax(scores: readonly number[]): number[] {
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}
