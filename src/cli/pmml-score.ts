/**
 * Scores a CSV file with a PMML model, one record per row, streaming: rows are read, scored and written in
 * batches, so the input is never held whole in memory.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { loadPmml, type PmmlModel } from '../engine/formats/pmml/index.js';
import { describeError, ScoringError } from './cli-error.js';
import { CsvError, DEFAULT_MISSING_TOKENS, formatCsvRows, streamCsvBatches, toCell } from './csv.js';
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

/** Scores every row of the request's CSV with `model`; resolves with the number of rows scored. */
export async function scoreWithModel(
  model: Pick<PmmlModel, 'inputFields' | 'resultFields' | 'evaluate'>,
  request: ScoreRequest,
): Promise<{ rows: number }> {
  const fields = model.resultFields.filter((field) => request.includeAll || field.isFinalResult);
  const inputName = basename(request.inputPath);
  let header: string[] | undefined;
  let batch: string[][] = [fields.map((field) => field.name)];
  let rows = 0;
  for await (const rowsRead of streamCsvBatches(request.inputPath, request.separator)) {
    for (const row of rowsRead) {
      if (header === undefined) {
        header = row;
        warnAboutAbsentInputs(model, header, inputName, request);
        continue;
      }
      rows += 1;
      if (row.length !== header.length) {
        throw new CsvError(`Row ${rows} of ${inputName} has ${row.length} cells, but the header has ${header.length}.`);
      }
      const values = evaluateRow(model, header, row, () => `Row ${rows} of ${inputName}`);
      batch.push(fields.map((field) => formatValue(values.get(field.name))));
    }
    if (batch.length >= BATCH_ROWS) {
      await request.write(formatCsvRows(batch, ','));
      batch = [];
    }
  }
  if (header === undefined) {
    throw new CsvError(`${inputName} is empty: it has no header row.`);
  }
  await request.write(formatCsvRows(batch, ','));
  return { rows };
}

function evaluateRow(
  model: Pick<PmmlModel, 'evaluate'>,
  header: readonly string[],
  row: readonly string[],
  nameRow: () => string,
): ReadonlyMap<string, string | number | boolean | null> {
  const record = Object.fromEntries(header.map((name, index) => [name, toCell(row[index], DEFAULT_MISSING_TOKENS)]));
  try {
    return model.evaluate(record).values;
  } catch (error) {
    throw new ScoringError(`${nameRow()} could not be scored: ${describeError(error)}`, { cause: error });
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

/** A result as CSV text: missing values are empty cells; numbers in JavaScript's shortest round-trip form. */
function formatValue(value: string | number | boolean | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}
