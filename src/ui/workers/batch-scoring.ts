import Papa from 'papaparse';
import { formatResultValue, type PmmlModel, type ResultValue } from '../../engine/formats/pmml/index.js';
import type { BatchReply, RawValue } from './engine-protocol.js';

/** Cells read as missing, as R (`NA`), JPMML (`N/A`) and pandas (empty) write them. */
const MISSING_TOKENS = new Set(['', 'NA', 'N/A']);
/** Rows sent back for the on-page preview; the download holds them all. */
const PREVIEW_ROWS = 100;

/**
 * Scores every row of a CSV file (header = field names; separator detected) with a PMML model. A row the model
 * cannot score keeps its inputs and gets its error message in an `error` column instead of failing the file.
 */
export function scoreCsv(model: PmmlModel, text: string, resultNames: readonly string[]): BatchReply {
  const started = performance.now();
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [header = [], ...rows] = parsed.data;
  const known = new Set(model.inputFields.map((f) => f.name));
  const matched = header.filter((name) => known.has(name));
  const output: string[][] = [[...header, ...resultNames, 'error']];
  const preview: BatchReply['preview'][number][] = [];
  let failed = 0;
  for (const row of rows) {
    const record: Record<string, RawValue> = {};
    header.forEach((name, i) => {
      const cell = row[i]?.trim() ?? '';
      record[name] = MISSING_TOKENS.has(cell) ? null : cell;
    });
    let values: ResultValue[] = [];
    let error = '';
    try {
      const result = model.evaluate(record);
      values = resultNames.map((name) => result.values.get(name) ?? null);
    } catch (caught) {
      failed += 1;
      error = caught instanceof Error ? caught.message : String(caught);
    }
    output.push([...header.map((_, i) => row[i] ?? ''), ...resultNames.map((_, i) => formatResultValue(values[i])), error]);
    if (preview.length < PREVIEW_ROWS) preview.push({ inputs: header.map((name) => record[name]), values, error: error || undefined });
  }
  return {
    header,
    resultNames: [...resultNames],
    missingFields: model.inputFields.filter((f) => !header.includes(f.name)).map((f) => f.name),
    matchedFields: matched,
    rowCount: rows.length,
    failed,
    preview,
    csv: Papa.unparse(output),
    ms: performance.now() - started,
  };
}
