import type { TensorSpec } from '../../engine/model/description.js';
import type { ClassProbability, PredictionOutcome, ResultValue } from './predictor.js';

/** An output tensor as the ONNX client returns it. */
export interface RawTensor {
  readonly type: string;
  readonly dims: readonly number[];
  readonly data: ArrayLike<number | bigint | string | boolean>;
}

/** Output values kept for display; a 1000-class vector fits, a feature map is cut. */
const MAX_VALUES = 4096;
const MAX_CLASSES = 1000;

/** Shapes ONNX outputs for the result panel: values, and class bars for a single vector of scores. */
export function onnxOutcome(specs: readonly TensorSpec[], outputs: Readonly<Record<string, RawTensor>>, latencyMs: number, backend?: string): PredictionOutcome {
  const names = [...specs.map((s) => s.name).filter((n) => n in outputs), ...Object.keys(outputs).filter((n) => !specs.some((s) => s.name === n))];
  const fields: ResultValue[] = names.map((name) => {
    const tensor = outputs[name];
    const values = Array.from({ length: Math.min(tensor.data.length, MAX_VALUES) }, (_, i) => plain(tensor.data[i]));
    return { name, value: values[0] ?? null, values, shape: tensor.dims, type: tensor.type };
  });
  return { fields, probabilities: classBars(fields), latencyMs, backend };
}

function plain(value: number | bigint | string | boolean): number | string | boolean {
  return typeof value === 'bigint' ? Number(value) : value;
}

/**
 * Class bars for the first float output that is one vector of 2–1000 scores: probabilities as they are when they
 * already sum to 1, otherwise their softmax (labelled by class index).
 */
export function classBars(fields: readonly ResultValue[]): ClassProbability[] | undefined {
  const field = fields.find((f) => f.type?.startsWith('float') && f.shape && f.shape.filter((d) => d > 1).length === 1 && f.values && f.values.length >= 2 && f.values.length <= MAX_CLASSES);
  if (!field?.values) return undefined;
  const scores = field.values as number[];
  const sum = scores.reduce((a, b) => a + b, 0);
  const isDistribution = scores.every((s) => s >= 0 && s <= 1) && Math.abs(sum - 1) < 1e-3;
  const probabilities = isDistribution ? scores : softmax(scores);
  return probabilities.map((probability, i) => ({ label: String(i), probability }));
}

export function softmax(scores: readonly number[]): number[] {
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}
