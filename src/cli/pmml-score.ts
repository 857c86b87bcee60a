/**
 * Scores a CSV file with a PMML model, one record per row, streaming: rows are read, scored and written in
 * batches, so the input is never held whole in memory (except transactional input, grouped before scoring).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { formatResultValue, loadPmml, type PmmlModel, type PmmlResult } from '../engine/formats/pmml/index.js';
import { describeError, ScoringError } from './cli-error.js';
import { CsvError, DEFAULT_MISSING_TOKENS, formatCsvRows, streamCsvBatches, toCell, type Cell } from './csv.js';
import { groupRecords, toRecord, type PmmlRecord } from './group-records.js';
import type { ModelScorer, ScoreRequest } from './model-scorer.js';

/** Result rows collected before a `write`: few large writes are cheaper than many small ones. */
const BATCH_ROWS = 512;

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export const pmmlScorer: ModelScorer = {
  format: 'pmml',
  match: (head) => startsWithMarkup(head),
  score: async (request) => scoreWithModel(loadPmml(await readFile(request.modelPath), { fileName: basename(request.modelPath) }), request),
};

/**
 * True when the first character other than a UTF-8 byte order mark and white space is `<` (XML, so PMML).
 * UTF-16 documents start with a byte order mark `FF FE` or `FE FF` (https://www.w3.org/TR/xml/#sec-guessing).
 */
export function startsWithMarkup(head: Uint8Array): boolean {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    return true;
  }
  let index = UTF8_BOM.every((byte, i) => head[i] === byte) ? UTF8_BOM.length : 0;
  while (index < head.length && (head[index] === 0x20 || head[index] === 0x09 || head[index] === 0x0a || head[index] === 0x0d)) {
    index += 1;
  }
  return head[index] === 0x3c;
}

type ScorableModel = Pick<PmmlModel, 'inputFields' | 'resultFields' | 'evaluate' | 'groupField'>;

/**
 * Scores the request's CSV with `model`: one result row per input row, or, for a model with a `group` field, one
 * per group, led by the group's value. Resolves with the number of result rows.
 */
export async function scoreWithModel(model: ScorableModel, request: ScoreRequest): Promise<{ rows: number }> {
  const fields = model.resultFields.filter((field) => request.includeAll || field.isFinalResult);
  const inputName = basename(request.inputPath);
  if (model.groupField !== undefined) {
    return scoreGroups(model, model.groupField, fields, request);
  }
  let batch: string[][] = [fields.map((field) => field.name)];
  let rows = 0;
  for await (const { header, rowBatch } of readInput(model, request)) {
    for (const row of rowBatch) {
      rows += 1;
      const values = evaluate(model, toRecord(header, row), () => `Row ${rows} of ${inputName}`);
      batch.push(fields.map((field) => formatResultValue(values.get(field.name))));
    }
    if (batch.length >= BATCH_ROWS) {
      await request.write(formatCsvRows(batch, ','));
      batch = [];
    }
  }
  await request.write(formatCsvRows(batch, ','));
  return { rows };
}

/** Transactional input cannot stream: a group's rows may lie anywhere in the file, so all rows are read first. */
async function scoreGroups(
  model: ScorableModel,
  groupField: string,
  fields: ScorableModel['resultFields'],
  request: ScoreRequest,
): Promise<{ rows: number }> {
  let header: readonly string[] = [];
  const rows: Cell[][] = [];
  for await (const input of readInput(model, request)) {
    header = input.header;
    rows.push(...input.rowBatch);
  }
  const groups = groupRecords(header, rows, groupField);
  const table = [[groupField, ...fields.map((field) => field.name)]];
  for (const { groupValue, record } of groups) {
    const values = evaluate(model, record, () => `Group '${groupValue}' of ${basename(request.inputPath)}`);
    table.push([formatResultValue(groupValue), ...fields.map((field) => formatResultValue(values.get(field.name)))]);
  }
  await request.write(formatCsvRows(table, ','));
  return { rows: groups.length };
}

/**
 * The input's data rows in batches, with missing cells as `null`, each batch with the header; every row checked
 * to be as wide as the header. Warns once about model inputs that have no column.
 */
async function* readInput(
  model: Pick<PmmlModel, 'inputFields'>,
  request: ScoreRequest,
): AsyncGenerator<{ header: readonly string[]; rowBatch: Cell[][] }> {
  const inputName = basename(request.inputPath);
  let header: string[] | undefined;
  let rowNumber = 0;
  for await (const batch of streamCsvBatches(request.inputPath, request.separator)) {
    const rowBatch: Cell[][] = [];
    for (const row of batch) {
      if (header === undefined) {
        header = row;
        warnAboutAbsentInputs(model, header, inputName, request);
        continue;
      }
      rowNumber += 1;
      if (row.length !== header.length) {
        throw new CsvError(`Row ${rowNumber} of ${inputName} has ${row.length} cells, but the header has ${header.length}.`);
      }
      rowBatch.push(row.map((cell) => toCell(cell, DEFAULT_MISSING_TOKENS)));
    }
    if (header !== undefined) {
      yield { header, rowBatch };
    }
  }
  if (header === undefined) {
    throw new CsvError(`${inputName} is empty: it has no header row.`);
  }
}

function evaluate(model: Pick<PmmlModel, 'evaluate'>, record: PmmlRecord, nameRecord: () => string): PmmlResult['values'] {
  try {
    return model.evaluate(record).values;
  } catch (error) {
    throw new ScoringError(`${nameRecord()} could not be scored: ${describeError(error)}`, { cause: error });
  }
}

/** A model input that is no column of the CSV is missing in every row: almost always a misnamed column. */
function warnAboutAbsentInputs(
  model: Pick<PmmlModel, 'inputFields'>,
  header: readonly string[],
  inputName: string,
  request: ScoreRequest,
): void {
  const columns = new Set(header);
  const absent = model.inputFields.filter((field) => !columns.has(field.name)).map((field) => `'${field.name}'`);
  if (absent.length > 0) {
    request.warn(`${inputName} has no column for the input field(s) ${absent.join(', ')}; they are missing in every row.`);
  }
}
