/**
 * How an engine's result value is judged against the expected CSV cell of a conformance case
 * (`case.json` → `equivalence`). The kinds and their rules are JPMML-Evaluator's
 * (`PMMLEquivalence`, `FloatEquivalence`, `RealNumberEquivalence`), as the cases' `semantics` text states them.
 */

import { isValueList, parseValueListText, type ResultValue } from '../../engine/formats/pmml/index.js';

/** A result value as the engine returns it; `null` is PMML's missing value; multi-valued results are lists. */
export type { ResultValue };

/** The `equivalence` object of a `case.json`. */
export type Equivalence =
  | { readonly type: 'PMMLEquivalence'; readonly precision: number; readonly zeroThreshold: number }
  | { readonly type: 'FloatEquivalence'; readonly toleranceUlps: number }
  | { readonly type: 'RealNumberEquivalence'; readonly toleranceUlps: number };

/**
 * True when `actual` matches the expected cell text. `expected` is `null` when the cell was empty or a
 * missing-value token: then the result must be missing too.
 */
export function isEquivalent(equivalence: Equivalence, expected: string | null, actual: ResultValue): boolean {
  if (expected === null || actual === null) {
    return expected === null && actual === null;
  }
  if (isValueList(actual)) {
    // A list cell is written as the CLI writes it, `[a, b]`; its items are compared one by one.
    const items = parseValueListText(expected);
    return items !== undefined && items.length === actual.length && actual.every((value, i) => isEquivalent(equivalence, items[i], value));
  }
  if (typeof actual === 'number') {
    const expectedNumber = parseNumber(expected);
    return expectedNumber !== undefined && areNumbersEquivalent(equivalence, expectedNumber, actual);
  }
  if (typeof actual === 'boolean') {
    return parseBoolean(expected) === actual;
  }
  if (actual === expected) {
    return true;
  }
  // A label the engine returns as text may be written by the framework as a number in another spelling
  // (`1` against `1.0`): equal numbers are the same label.
  const expectedNumber = parseNumber(expected);
  const actualNumber = parseNumber(actual);
  return expectedNumber !== undefined && actualNumber !== undefined && expectedNumber === actualNumber;
}

/** Describes the rule in a few words, for failure messages. */
export function describeEquivalence(equivalence: Equivalence): string {
  switch (equivalence.type) {
    case 'PMMLEquivalence':
      return `PMMLEquivalence(precision ${equivalence.precision}, zeroThreshold ${equivalence.zeroThreshold})`;
    case 'FloatEquivalence':
      return `FloatEquivalence(${equivalence.toleranceUlps} float32 ULPs)`;
    case 'RealNumberEquivalence':
      return `RealNumberEquivalence(${equivalence.toleranceUlps} float64 ULPs)`;
  }
}

/**
 * How far a numeric result is from the expected cell, in the rule's own unit (relative difference, or ULPs of the
 * expected value); `undefined` when either side is not a finite number.
 */
export function describeDifference(equivalence: Equivalence, expected: string | null, actual: ResultValue): string | undefined {
  const expectedNumber = expected === null ? undefined : parseNumber(expected);
  if (typeof actual !== 'number' || expectedNumber === undefined || !Number.isFinite(actual) || !Number.isFinite(expectedNumber)) {
    return undefined;
  }
  switch (equivalence.type) {
    case 'PMMLEquivalence': {
      const relative = expectedNumber === 0 ? Infinity : Math.abs((actual - expectedNumber) / expectedNumber);
      return `relative difference ${relative.toPrecision(2)}`;
    }
    case 'FloatEquivalence': {
      const e = Math.fround(expectedNumber);
      return `${(Math.abs(Math.fround(actual) - e) / ulpOfFloat32(e)).toPrecision(3)} float32 ULPs`;
    }
    case 'RealNumberEquivalence':
      return `${(Math.abs(actual - expectedNumber) / ulpOfFloat64(expectedNumber)).toPrecision(3)} float64 ULPs`;
  }
}

function areNumbersEquivalent(equivalence: Equivalence, expected: number, actual: number): boolean {
  if (Number.isNaN(expected) || Number.isNaN(actual)) {
    return Number.isNaN(expected) && Number.isNaN(actual);
  }
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) {
    return expected === actual;
  }
  switch (equivalence.type) {
    case 'PMMLEquivalence':
      return isWithinPrecision(expected, actual, equivalence.precision, equivalence.zeroThreshold);
    case 'FloatEquivalence': {
      // case.json: "|actual-expected| <= tolerance_ulps * ulp(expected) after casting both to float32"
      const e = Math.fround(expected);
      if (!Number.isFinite(e)) {
        return e === Math.fround(actual);
      }
      return Math.abs(Math.fround(actual) - e) <= equivalence.toleranceUlps * ulpOfFloat32(e);
    }
    case 'RealNumberEquivalence':
      // case.json: "|actual-expected| <= tolerance_ulps * ulp(expected) (float or double)"
      return Math.abs(actual - expected) <= equivalence.toleranceUlps * ulpOfFloat64(expected);
  }
}

/**
 * JPMML-Evaluator `VerificationUtil.acceptable`: both values within the zero threshold of zero, or the actual
 * value within expected·(1 − precision) … expected·(1 + precision). For a negative expected value the two
 * bounds swap places.
 */
export function isWithinPrecision(expected: number, actual: number, precision: number, zeroThreshold: number): boolean {
  if (Math.abs(expected) <= zeroThreshold && Math.abs(actual) <= zeroThreshold) {
    return true;
  }
  const a = expected * (1 - precision);
  const b = expected * (1 + precision);
  return actual >= Math.min(a, b) && actual <= Math.max(a, b);
}

const float32 = new Float32Array(1);
const float32Bits = new Uint32Array(float32.buffer);
const float64 = new Float64Array(1);
const float64Bits = new BigUint64Array(float64.buffer);

/** Java `Math.ulp(float)`: the distance from a float32 to the next float32 larger in magnitude. */
export function ulpOfFloat32(value: number): number {
  float32[0] = Math.abs(value);
  const magnitude = float32[0];
  if (magnitude === 3.4028234663852886e38) {
    return 2 ** 104; // Java: "If the argument is ±Float.MAX_VALUE, then the result is equal to 2^104."
  }
  float32Bits[0] += 1;
  return float32[0] - magnitude;
}

/** Java `Math.ulp(double)`: the distance from a float64 to the next float64 larger in magnitude. */
export function ulpOfFloat64(value: number): number {
  const magnitude = Math.abs(value);
  if (magnitude === Number.MAX_VALUE) {
    return 2 ** 971; // Java: "If the argument is ±Double.MAX_VALUE, then the result is equal to 2^971."
  }
  float64[0] = magnitude;
  float64Bits[0] += 1n;
  return float64[0] - magnitude;
}

/**
 * Reads a number the way the frameworks write them (`1`, `1.0`, `-2.5e-07`, `NaN`, `inf`, `-Infinity`);
 * `undefined` for anything else.
 */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') {
    return undefined;
  }
  const lower = trimmed.toLowerCase();
  if (lower === 'nan') {
    return Number.NaN;
  }
  const unsigned = lower.replace(/^[+-]/, '');
  if (unsigned === 'inf' || unsigned === 'infinity') {
    return lower.startsWith('-') ? -Infinity : Infinity;
  }
  const value = Number(trimmed);
  return Number.isNaN(value) ? undefined : value;
}

/**
 * Reads a boolean as PMML and the frameworks write it: `true`/`false` in any case (Python writes `True`),
 * or the numbers 1 and 0; `undefined` for anything else.
 */
export function parseBoolean(text: string): boolean | undefined {
  const lower = text.trim().toLowerCase();
  if (lower === 'true') {
    return true;
  }
  if (lower === 'false') {
    return false;
  }
  const number = parseNumber(lower);
  return number === 1 ? true : number === 0 ? false : undefined;
}
