/**
 * Compares a run's tensors with a data set's expected ones the way ONNX's backend test runner does
 * (`numpy.testing.assert_allclose`: |actual − expected| ≤ atol + rtol·|expected|), with the tolerances the
 * project uses for onnxruntime-web.
 */
import { tensorValues, type TensorData } from '../../engine/formats/onnx/index.js';

/** rtol 1e-3 (ONNX's default), atol 1e-5 (ONNX's 1e-7 is too tight for WASM float kernels against other builds). */
export const RTOL = 1e-3;
export const ATOL = 1e-5;

/** `undefined` when the tensors match; otherwise a sentence naming the first difference. */
export function compareTensors(name: string, expected: TensorData, actual: TensorData): string | undefined {
  if (expected.dims.join() !== actual.dims.join()) {
    return `Output '${name}' has shape [${actual.dims.join(', ')}], expected [${expected.dims.join(', ')}].`;
  }
  const want = tensorValues(expected);
  const got = tensorValues(actual);
  for (let i = 0; i < want.length; i++) {
    if (!areElementsClose(want[i], got[i])) {
      return `Output '${name}' element ${i} is ${String(got[i])}, expected ${String(want[i])} (rtol ${RTOL}, atol ${ATOL}).`;
    }
  }
  return undefined;
}

function areElementsClose(expected: unknown, actual: unknown): boolean {
  if (typeof expected === 'number' && typeof actual === 'number') {
    return areNumbersClose(expected, actual);
  }
  if (typeof expected === 'string' && typeof actual === 'string') {
    // Runtimes print floats with different digit counts (Cast float → string: "0.60484552" vs "0.6048455");
    // numeric strings are compared as numbers (shared/conformance/onnx/README.md).
    return expected === actual || (isNumeric(expected) && isNumeric(actual) && areNumbersClose(Number(expected), Number(actual)));
  }
  return expected === actual;
}

function areNumbersClose(expected: number, actual: number): boolean {
  if (Number.isNaN(expected) || Number.isNaN(actual)) {
    return Number.isNaN(expected) && Number.isNaN(actual);
  }
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) {
    return expected === actual;
  }
  return Math.abs(actual - expected) <= ATOL + RTOL * Math.abs(expected);
}

function isNumeric(text: string): boolean {
  return text.trim() !== '' && !Number.isNaN(Number(text.toLowerCase().replace(/^([+-]?)inf(inity)?$/, '$1Infinity')));
}

/** Index of the largest value of a tensor (row 0), for `how: 'argmax'` labels. */
export function argmax(tensor: TensorData): number {
  const values = tensorValues(tensor).map(Number);
  return values.reduce((best, value, index) => (value > values[best] ? index : best), 0);
}
