/**
 * Runs a PMML conformance case: `model.pmml` scores every row of `input.csv`, and the compared columns of
 * `expected.csv` are matched row by row under the case's equivalence (jpmml `ArchiveBatch` + `PMMLEquivalence`).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatResultValue, type PmmlModel } from '../../engine/formats/pmml/index.js';
import { describeError } from '../cli-error.js';
import { readUnquotedCsv, type CsvTable } from '../csv.js';
import { groupRecords, toRecord, type PmmlRecord } from '../group-records.js';
import type { CaseOutcome, CaseRunner } from './case-runner.js';
import { describeDifference, describeEquivalence, isEquivalent, type ResultValue } from './equivalence.js';
import { CaseFileError, readPmmlCase, type PmmlCase } from './pmml-case.js';

/** Parses a PMML document; the engine's `loadPmml`, or a fake in tests. */
export type PmmlLoader = (source: Uint8Array, options: { fileName: string }) => PmmlModel;

/** A compared column: where it is in `expected.csv` and which result field answers it. */
interface ComparedColumn {
  readonly name: string;
  readonly index: number;
  readonly field: string;
}

/** A case runner for folders holding `case.json` and `model.pmml`, scoring with `load`. */
export function createPmmlCaseRunner(load: PmmlLoader): CaseRunner {
  return {
    format: 'pmml',
    detect: (caseDir) => existsSync(join(caseDir, 'case.json')) && existsSync(join(caseDir, 'model.pmml')),
    run: async (caseDir) => {
      const caseFile = join(caseDir, 'case.json');
      const spec = readPmmlCase(JSON.parse(await readFile(caseFile, 'utf8')), caseFile);
      const outcome = { id: spec.id, groups: { source: spec.source, element: spec.topModelElement } };
      try {
        const model = load(await readFile(join(caseDir, 'model.pmml')), { fileName: `${spec.id}/model.pmml` });
        const [input, expected] = await Promise.all([
          readCaseCsv(join(caseDir, 'input.csv'), spec),
          readCaseCsv(join(caseDir, 'expected.csv'), spec),
        ]);
        return { ...outcome, ...compareCase(model, input, expected, spec) };
      } catch (error) {
        return { ...outcome, passed: false, message: describeError(error) };
      }
    },
  };
}

async function readCaseCsv(path: string, spec: PmmlCase): Promise<CsvTable> {
  return readUnquotedCsv(await readFile(path, 'utf8'), {
    separator: spec.separator,
    missingTokens: spec.missingTokens,
    fileName: path,
  });
}

/** Scores every input row and matches the compared columns; the message describes the first difference. */
export function compareCase(
  model: Pick<PmmlModel, 'resultFields' | 'evaluate' | 'groupField'>,
  input: CsvTable,
  expected: CsvTable,
  spec: PmmlCase,
): Pick<CaseOutcome, 'passed' | 'message' | 'rows'> {
  const columns = spec.comparedColumns.map((name): ComparedColumn => {
    const index = expected.header.indexOf(name);
    if (index < 0) {
      throw new CaseFileError(`Compared column '${name}' of case ${spec.id} is not a column of expected.csv.`);
    }
    return { name, index, field: spec.columnMapping[name] ?? name };
  });
  const produced = new Set(model.resultFields.map((field) => field.name));
  const absent = columns.filter((column) => !produced.has(column.field));
  if (absent.length > 0) {
    const names = absent.map((column) => `'${column.field}'`).join(', ');
    const fields = [...produced].map((name) => `'${name}'`).join(', ') || 'none';
    return { passed: false, message: `The model does not produce ${names} (its result fields: ${fields}).` };
  }
  const records = buildRecords(input, model.groupField);
  if (records.length !== expected.rows.length) {
    const unit = model.groupField === undefined ? 'rows' : `groups of '${model.groupField}'`;
    return { passed: false, message: `input.csv has ${records.length} ${unit} but expected.csv has ${expected.rows.length} rows.` };
  }
  let firstDifference: string | undefined;
  let matched = 0;
  records.forEach((record, rowIndex) => {
    const difference = compareRow(model, record, expected.rows[rowIndex], columns, spec);
    if (difference === undefined) {
      matched += 1;
    } else {
      firstDifference ??= `row ${rowIndex + 1}${difference}`;
    }
  });
  const total = records.length;
  const rows = { matched, total };
  if (firstDifference === undefined) {
    return { passed: true, rows };
  }
  return { passed: false, rows, message: `${firstDifference} (${total - matched} of ${total} rows differ)` };
}

/** One record per input row, or per group for a model with a `group` field (see {@link groupRecords}). */
function buildRecords(input: CsvTable, groupField: string | undefined): PmmlRecord[] {
  if (groupField === undefined) {
    return input.rows.map((row) => toRecord(input.header, row));
  }
  return groupRecords(input.header, input.rows, groupField).map((group) => group.record);
}

/** `undefined` when the row matches; otherwise the rest of a sentence naming the column or the error. */
function compareRow(
  model: Pick<PmmlModel, 'evaluate'>,
  record: PmmlRecord,
  expectedRow: readonly (string | null)[],
  columns: readonly ComparedColumn[],
  spec: PmmlCase,
): string | undefined {
  let values: ReadonlyMap<string, ResultValue>;
  try {
    values = model.evaluate(record).values;
  } catch (error) {
    return `: ${describeError(error)}`;
  }
  for (const column of columns) {
    const expected = expectedRow[column.index];
    const actual = values.get(column.field) ?? null;
    if (!isEquivalent(spec.equivalence, expected, actual)) {
      const field = column.field === column.name ? '' : ` (field '${column.field}')`;
      const difference = describeDifference(spec.equivalence, expected, actual);
      return (
        `, column '${column.name}'${field}: expected ${formatExpected(expected)}, actual ${formatActual(actual)}` +
        `${difference === undefined ? '' : ` (${difference})`} under ${describeEquivalence(spec.equivalence)}`
      );
    }
  }
  return undefined;
}

function formatExpected(value: string | null): string {
  return value === null ? 'missing' : `'${value}'`;
}

function formatActual(value: ResultValue): string {
  if (value === null) {
    return 'missing';
  }
  return typeof value === 'string' ? `'${value}'` : formatResultValue(value);
}
