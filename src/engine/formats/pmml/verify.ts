import { EngineError } from '../../errors.js';
import type { RawValue } from './context.js';
import { formatResultValue, isValueList, parseValueListText, type ResultScalar, type ResultValue } from './result-value.js';
import type { ModelVerification } from './schema/model-verification.js';

/** One expected result that the model did not reproduce. */
export interface VerificationMismatch {
  /** 1-based row of the ModelVerification table. */
  readonly row: number;
  readonly field: string;
  readonly expected: string;
  readonly actual: ResultValue;
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
  /** A transactional model's group field: its records span several rows of the table. */
  readonly groupField?: string;
  evaluate(record: Readonly<Record<string, RawValue>>): { readonly values: ReadonlyMap<string, ResultValue> };
}

/** PMML 4.4 VerificationField: numbers match within `precision` (relative) or both within `zeroThreshold` of 0. */
function matches(expected: string, actual: ResultScalar | null, precision: number, zeroThreshold: number): boolean {
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

/** A list result matches a list of expected cells element by element, each with the field's tolerances. */
function listMatches(expected: readonly string[], actual: ResultValue, precision: number, zeroThreshold: number): boolean {
  if (!isValueList(actual)) return expected.length === 1 && matches(expected[0], actual, precision, zeroThreshold);
  return expected.length === actual.length && actual.every((value, i) => matches(expected[i], value, precision, zeroThreshold));
}

/** One record to score: the table rows it came from (1-based), and each column's cells in those rows. */
interface VerificationRecord {
  readonly row: number;
  readonly cells: ReadonlyMap<string, readonly string[]>;
}

/**
 * The table's records. A transactional model's record is one group: the rows that share a group-field value
 * (in order of first appearance) give the group's items and, for a multi-valued field, its list of expected
 * values, each cell in row order and empty cells left out (jpmml CollectionVerificationTest).
 */
function verificationRecords(rows: readonly ReadonlyMap<string, string>[], groupColumn: string | undefined): VerificationRecord[] {
  if (groupColumn === undefined) {
    return rows.map((cells, index) => ({ row: index + 1, cells: new Map([...cells].map(([column, cell]) => [column, [cell]])) }));
  }
  const groups = new Map<string, { row: number; cells: Map<string, string[]> }>();
  rows.forEach((cells, index) => {
    const key = cells.get(groupColumn) ?? '';
    let group = groups.get(key);
    if (group === undefined) {
      group = { row: index + 1, cells: new Map([[groupColumn, [key]]]) };
      groups.set(key, group);
    }
    for (const [column, cell] of cells) {
      if (column === groupColumn || cell === '') continue;
      const list = group.cells.get(column) ?? [];
      list.push(cell);
      group.cells.set(column, list);
    }
  });
  return [...groups.values()];
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
  const groupColumn = inputs.find((f) => f.field === model.groupField)?.column;
  for (const { row, cells } of verificationRecords(verification.InlineTable.rows, groupColumn)) {
    const record: Record<string, RawValue> = {};
    for (const input of inputs) {
      const column = cells.get(input.column);
      const present = column?.filter((cell) => cell !== '') ?? [];
      // A group's active field is the list of its items; elsewhere a field is one cell.
      record[input.field] = present.length === 0 ? null : groupColumn === undefined || input.column === groupColumn ? present[0] : present;
    }
    let values: ReadonlyMap<string, ResultValue>;
    try {
      values = model.evaluate(record).values;
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      errors.push({ row, message: error.message });
      continue;
    }
    for (const output of outputs) {
      const column = cells.get(output.column);
      if (column === undefined) continue;
      const actual = values.get(output.field) ?? null;
      const { precision, zeroThreshold } = output;
      const isMatch =
        groupColumn !== undefined
          ? listMatches(column, actual, precision, zeroThreshold)
          : isValueList(actual)
            ? listMatches(parseValueListText(column[0]) ?? [column[0]], actual, precision, zeroThreshold)
            : matches(column[0], actual, precision, zeroThreshold);
      if (!isMatch) {
        const expected = groupColumn !== undefined && isValueList(actual) ? formatResultValue(column) : column.join(', ');
        mismatches.push({ row, field: output.field, expected, actual });
      }
    }
  }
  const recordCount = verification.InlineTable.rows.length;
  const comparedFields = outputs.map(({ field, precision, zeroThreshold }) => ({ field, precision, zeroThreshold }));
  return { recordCount, comparedFields, mismatches, errors, passed: mismatches.length === 0 && errors.length === 0 };
}
