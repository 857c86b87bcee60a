import { EngineError } from '../../errors.js';
import type { RawValue } from './context.js';
import type { ModelVerification } from './schema/model-verification.js';

/** One expected result that the model did not reproduce. */
export interface VerificationMismatch {
  /** 1-based row of the ModelVerification table. */
  readonly row: number;
  readonly field: string;
  readonly expected: string;
  readonly actual: string | number | boolean | null;
}

/** A result field the ModelVerification compares, with the tolerances its VerificationField gives. */
export interface VerifiedField {
  readonly field: string;
  readonly precision: number;
  readonly zeroThreshold: number;
}

/** The outcome of running a document's embedded ModelVerification records. */
export interface VerificationResult {
  readonly recordCount: number;
  /** The result fields compared, in VerificationField order. */
  readonly comparedFields: readonly VerifiedField[];
  readonly mismatches: readonly VerificationMismatch[];
  /** Rows whose evaluation failed, with the error's message. */
  readonly errors: readonly { readonly row: number; readonly message: string }[];
  readonly passed: boolean;
}

interface Scorer {
  readonly resultFields: readonly { readonly name: string }[];
  evaluate(record: Readonly<Record<string, RawValue>>): { readonly values: ReadonlyMap<string, string | number | boolean | null> };
}

/** PMML 4.4 VerificationField: numbers match within `precision` (relative) or both within `zeroThreshold` of 0. */
function matches(expected: string, actual: string | number | boolean | null, precision: number, zeroThreshold: number): boolean {
  if (actual === null) return expected.trim() === '';
  if (typeof actual === 'number') {
    const e = Number(expected);
    if (Number.isNaN(e)) return false;
    if (Math.abs(e) <= zeroThreshold && Math.abs(actual) <= zeroThreshold) return true;
    return Math.abs(actual - e) <= precision * Math.abs(e);
  }
  if (typeof actual === 'boolean') return expected.trim().toLowerCase() === String(actual);
  return actual === expected;
}

/**
 * Scores every ModelVerification record and compares the result fields it lists (jpmml `verify()`): the
 * document's own self-test, run when a model is opened.
 */
export function runVerification(model: Scorer, verification: ModelVerification): VerificationResult {
  const results = new Set(model.resultFields.map((f) => f.name));
  const inputs = verification.VerificationField.filter((f) => !results.has(f.field));
  const outputs = verification.VerificationField.filter((f) => results.has(f.field));
  const mismatches: VerificationMismatch[] = [];
  const errors: { row: number; message: string }[] = [];
  verification.InlineTable.rows.forEach((cells, index) => {
    const record: Record<string, RawValue> = {};
    for (const input of inputs) {
      const cell = cells.get(input.column);
      record[input.field] = cell === undefined || cell === '' ? null : cell;
    }
    let values: ReadonlyMap<string, string | number | boolean | null>;
    try {
      values = model.evaluate(record).values;
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      errors.push({ row: index + 1, message: error.message });
      return;
    }
    for (const output of outputs) {
      const expected = cells.get(output.column);
      if (expected === undefined) continue;
      const actual = values.get(output.field) ?? null;
      if (!matches(expected, actual, output.precision, output.zeroThreshold)) {
        mismatches.push({ row: index + 1, field: output.field, expected, actual });
      }
    }
  });
  const recordCount = verification.InlineTable.rows.length;
  const comparedFields = outputs.map(({ field, precision, zeroThreshold }) => ({ field, precision, zeroThreshold }));
  return { recordCount, comparedFields, mismatches, errors, passed: mismatches.length === 0 && errors.length === 0 };
}
