/**
 * How the ONNX conformance suite compares a run with a data set: ONNX's backend test rule
 * (`numpy.testing.assert_allclose`) with the project's tolerances for onnxruntime-web.
 */
import { compareTensors, tensorValues, type TensorData } from '../../engine/formats/onnx/index.js';

/** rtol 1e-3 (ONNX's default); atol 1e-5 (ONNX's 1e-7 is tighter than WASM float kernels against other builds). */
export const CONFORMANCE_TOLERANCE = { rtol: 1e-3, atol: 1e-5 } as const;

/** `undefined` when the output matches its expected tensor; otherwise the first difference. */
export function compareOutput(name: string, expected: TensorData, actual: TensorData): string | undefined {
  return compareTensors(name, expected, actual, CONFORMANCE_TOLERANCE);
}

/** Index of the largest value of a tensor (row 0), for `how: 'argmax'` labels. */
export function argmax(tensor: TensorData): number {
  const values = tensorValues(tensor).map(Number);
  return values.reduce((best, value, index) => (value > values[best] ? index : best), 0);
}
