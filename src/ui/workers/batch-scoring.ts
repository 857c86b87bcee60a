import { formatResultValue, type PmmlModel, type ResultValue } from '../../engine/formats/pmml/index.js';
import { BATCH_PREVIEW_ROWS, formatCsvText, parseCsvText } from '../state/batch-scorer.js';
import type { BatchReply, RawValue } from './engine-protocol.js';

/** Cells read as missing, as R (`NA`), JPMML (`N/A`) and pandas (empty) write them. */
const MISSING_TOKENS = new Set(['', 'NA', 'N/A']);

/**
 * Scores every row of a CSV file (header = field names; separator detected) with a PMML model. A row the model
 * cannot score keeps its inputs and gets its error message in an `error` column instead of failing the file.
 * Transactional input gives one output row per transaction (see groupRecords).
 */
export function scoreCsv(model: PmmlModel, text: string, resultNames: readonly string[]): BatchReply {
  const started = performance.now();
  const [header = [], ...rows] = parseCsvText(text);
  const known = new Set(model.inputFields.map((f) => f.name));
  const matched = header.filter((name) => known.has(name));
  const output: string[][] = [[...header, ...resultNames, 'error']];
  const preview: BatchReply['preview'][number][] = [];
  let failed = 0;
  const cellRecords = rows.map((row) => {
    const record: Record<string, string | null> = {};
    header.forEach((name, i) => {
      const cell = row[i]?.trim() ?? '';
      record[name] = MISSING_TOKENS.has(cell) ? null : cell;
    });
    return record;
  });
  const isGrouped = model.groupField !== undefined && header.includes(model.groupField);
  const records = isGrouped ? groupRecords(cellRecords, header, model.groupField!) : cellRecords;
  for (const [index, record] of records.entries()) {
    let values: ResultValue[] = [];
    let error = '';
    try {
      const result = model.evaluate(record);
      values = resultNames.map((name) => result.values.get(name) ?? null);
    } catch (caught) {
      failed += 1;
      error = caught instanceof Error ? caught.message : String(caught);
    }
    const cells = isGrouped ? header.map((name) => formatResultValue(record[name])) : header.map((_, i) => rows[index][i] ?? '');
    output.push([...cells, ...resultNames.map((_, i) => formatResultValue(values[i])), error]);
    if (preview.length < BATCH_PREVIEW_ROWS) preview.push({ inputs: header.map((name) => record[name]), values, error: error || undefined });
  }
  return {
    header,
    resultNames: [...resultNames],
    missingFields: model.inputFields.filter((f) => !header.includes(f.name)).map((f) => f.name),
    matchedFields: matched,
    rowCount: records.length,
    failed,
    preview,
    csv: formatCsvText(output),
    ms: performance.now() - started,
  };
}

/**
 * Transactional input (the model's MiningSchema names a `group` field): rows that share the group value are one
 * record whose other columns hold the lists of their values, missing cells left out, in the order of each group's
 * first row — as the CLI's `score` and JPMML-Evaluator's `EvaluatorUtil.groupRows` do.
 */
function groupRecords(records: readonly Record<string, string | null>[], header: readonly string[], groupField: string): Record<string, RawValue>[] {
  const groups = new Map<string | null, Record<string, RawValue>>();
  for (const record of records) {
    const key = record[groupField];
    let group = groups.get(key);
    if (group === undefined) {
      group = Object.fromEntries(header.map((name) => [name, name === groupField ? key : []]));
      groups.set(key, group);
    }
    for (const name of header) {
      const cell = record[name];
      if (name !== groupField && cell !== null) (group[name] as string[]).push(cell);
    }
  }
  return [...groups.values()];
}
