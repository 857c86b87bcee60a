import { tensorValues, type TensorData } from './tensor-data.js';

/** Tolerances of {@link compareTensors}: |actual − expected| ≤ atol + rtol·|expected| (numpy `allclose`). */
export interface Tolerance {
  readonly rtol: number;
  readonly atol: number;
}

/**
 * `undefined` when the tensors agree; otherwise a sentence naming the first difference. Shapes must be equal;
 * numbers agree within the tolerance (NaN with NaN); strings that are both numbers are compared as numbers
 * (runtimes print floats with different digit counts: "0.60484552" and "0.6048455"); anything else exactly.
 */
export function compareTensors(name: string, expected: TensorData, actual: TensorData, tolerance: Tolerance): string | undefined {
  if (expected.dims.join() !== actual.dims.join()) {
    return `Output '${name}' has shape [${actual.dims.join(', ')}], expected [${expected.dims.join(', ')}].`;
  }
  const want = tensorValues(expected);
  const got = tensorValues(actual);
  for (let i = 0; i < want.length; i++) {
    if (!areElementsClose(want[i], got[i], tolerance)) {
      return `Output '${name}' element ${i} is ${String(got[i])}, expected ${String(want[i])} (rtol ${tolerance.rtol}, atol ${tolerance.atol}).`;
    }
  }
  return undefined;
}

function areElementsClose(expected: unknown, actual: unknown, tolerance: Tolerance): boolean {
  if (typeof expected === 'number' && typeof actual === 'number') {
    return areNumbersClose(expected, actual, tolerance);
  }
  if (typeof expected === 'string' && typeof actual === 'string') {
    return expected === actual || (isNumeric(expected) && isNumeric(actual) && areNumbersClose(toNumber(expected), toNumber(actual), tolerance));
  }
  return expected === actual;
}

function areNumbersClose(expected: number, actual: number, { rtol, atol }: Tolerance): boolean {
  if (Number.isNaN(expected) || Number.isNaN(actual)) {
    return Number.isNaN(expected) && Number.isNaN(actual);
  }
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) {
    return expected === actual;
  }
  return Math.abs(actual - expected) <= atol + rtol * Math.abs(expected);
}

function toNumber(text: string): number {
  return Number(text.trim().toLowerCase().replace(/^([+-]?)inf(inity)?$/, '$1Infinity').replace(/^nan$/, 'NaN'));
}

function isNumeric(text: string): boolean {
  return text.trim() !== '' && (!Number.isNaN(toNumber(text)) || /^\s*nan\s*$/i.test(text));
}
