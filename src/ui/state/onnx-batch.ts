import type { TensorSpec } from '../../engine/model/description.js';
import { csvRowsFeed, findCsvInput, isCsvHeader, type CsvInput, type Feeds } from '../../engine/formats/onnx/feeds.js';
import type { ModelOutput } from '../../engine/formats/onnx/model-session.js';
import { tabulateOutputs, type OutputCell } from '../../engine/formats/onnx/output-table.js';
import type { ResultScalar } from '../../engine/formats/pmml/result-value.js';
import type { BatchReply } from '../workers/engine-protocol.js';
import { toAppError, type AppError } from './app-error.js';
import { BATCH_PREVIEW_ROWS, formatCsvText, parseCsvText, type BatchScoreOptions, type BatchScorer } from './batch-scorer.js';

/**
 * Rows per run. Large enough that the per-message cost to the worker is small beside the model's work, small
 * enough that progress moves and a cancel takes effect quickly.
 */
export const CSV_CHUNK_ROWS = 256;

/** Runs the model once: the open session's `run` in its worker (`OnnxSession.run`). */
export type RunFeeds = (feeds: Feeds) => Promise<{ readonly outputs: readonly ModelOutput[] }>;

/**
 * Scores a CSV file through an ONNX model whose only input is `[N, F]`: one row per example, as `modelport score`
 * reads it (a first row that is not all numbers is a header). The rows go to the model's worker session in
 * chunks, so the page stays responsive and shows progress; the results are laid out as the CLI prints them.
 */
export class OnnxBatchScorer implements BatchScorer {
  readonly inputHint: string;

  /** The scorer for a model with one `[N, F]` input; `undefined` for any other inputs (no CSV fits them). */
  static forInputs(specs: readonly TensorSpec[], run: RunFeeds, chunkRows = CSV_CHUNK_ROWS): OnnxBatchScorer | undefined {
    const input = findCsvInput(specs);
    return input && new OnnxBatchScorer(input, run, chunkRows);
  }

  constructor(
    private readonly input: CsvInput,
    private readonly run: RunFeeds,
    private readonly chunkRows = CSV_CHUNK_ROWS,
  ) {
    const suggested = input.spec.suggestedShape?.[1];
    const values =
      input.width !== undefined ? `${input.width} values per row` : `the same number of values in every row${suggested === undefined ? '' : ` (the model reads ${suggested})`}`;
    // A string input's header would read as an example: nothing tells it apart (see isCsvHeader).
    const header = input.type === 'string' ? 'no header row' : 'a header row is optional';
    this.inputHint = `A CSV with ${values} for '${input.spec.name}', one row per example (${header})`;
  }

  /**
   * A row that does not fit (its values, their count) or whose run failed gets the reason in an `error` column.
   * @throws AppError when the file as a whole cannot be read (no rows, a header that does not fit).
   */
  async scoreCsv(text: string, { onProgress, signal }: BatchScoreOptions = {}): Promise<BatchReply> {
    const started = performance.now();
    const rows = parseCsvText(text);
    const hasHeader = isCsvHeader(this.input, rows[0]);
    const data = hasHeader ? rows.slice(1) : rows;
    if (data.length === 0) throw { code: 'value.missing', message: 'The file has no rows to score.' } satisfies AppError;
    const width = this.input.width ?? data[0].length;
    const header = hasHeader ? rows[0] : Array.from({ length: width }, (_, i) => `${this.input.spec.name}[${i}]`);
    if (header.length !== width) {
      throw { code: 'value.invalid', message: `The header row has ${header.length} columns, but the rows have ${width} values each.` } satisfies AppError;
    }
    let resultNames: readonly string[] | undefined;
    const results: { readonly values: readonly OutputCell[]; readonly error?: string }[] = [];
    const columns = hasHeader ? { columns: header } : {};
    for (let start = 0; start < data.length; start += this.chunkRows) {
      signal?.throwIfAborted();
      const chunk = data.slice(start, start + this.chunkRows);
      const firstRow = start + (hasHeader ? 2 : 1);
      // As with PMML, a row that cannot be read keeps its place and says why in the `error` column; the rest run.
      const problems = new Map<number, string>();
      chunk.forEach((row, i) => {
        try {
          csvRowsFeed(this.input, [row], { firstRow: firstRow + i, width, ...columns });
        } catch (error) {
          problems.set(i, toAppError(error).message);
        }
      });
      const good = chunk.filter((_, i) => !problems.has(i));
      let rows: readonly (readonly OutputCell[])[] = [];
      let runError: string | undefined;
      if (good.length > 0) {
        try {
          const table = tabulateOutputs(await this.#run(csvRowsFeed(this.input, good, { width, ...columns }), firstRow, chunk.length), good.length);
          if (!table) {
            throw { code: 'inference.failed', message: "The model's outputs do not have one row per example, so they cannot be laid out as a table." } satisfies AppError;
          }
          resultNames ??= table.header;
          rows = table.rows;
        } catch (error) {
          runError = toAppError(error).message;
        }
      }
      let next = 0;
      chunk.forEach((_, i) => {
        const problem = problems.get(i) ?? runError;
        results.push(problem === undefined ? { values: rows[next] } : { values: [], error: problem });
        if (!problems.has(i)) next += 1;
      });
      onProgress?.({ done: start + chunk.length, total: data.length });
    }
    const names = resultNames ?? [];
    const cellsOf = (result: (typeof results)[number]) => (result.error === undefined ? result.values : names.map(() => ''));
    return {
      header,
      resultNames: names,
      missingFields: [],
      matchedFields: header,
      rowCount: data.length,
      failed: results.filter((r) => r.error !== undefined).length,
      preview: results.slice(0, BATCH_PREVIEW_ROWS).map((result, i) => ({
        inputs: data[i],
        values: result.error === undefined ? result.values.map(shownCell) : names.map(() => null),
        ...(result.error === undefined ? {} : { error: result.error }),
      })),
      csv: formatCsvText([[...header, ...names, 'error'], ...data.map((row, i) => [...row, ...cellsOf(results[i]).map(String), results[i].error ?? ''])]),
      ms: performance.now() - started,
    };
  }

  /** One chunk through the model; a failure names the rows it held, since the runtime's message cannot. */
  async #run(feeds: Feeds, firstRow: number, count: number): Promise<readonly ModelOutput[]> {
    try {
      return (await this.run(feeds)).outputs;
    } catch (error) {
      const failure = toAppError(error);
      const rows = count === 1 ? `Row ${firstRow}` : `Rows ${firstRow}–${firstRow + count - 1}`;
      throw { ...failure, message: `${rows} could not be scored: ${failure.message}` } satisfies AppError;
    }
  }
}

/** A 64-bit integer as a number when that is exact (labels are small), else as its digits. */
function shownCell(cell: OutputCell): ResultScalar {
  if (typeof cell !== 'bigint') return cell;
  return Number.isSafeInteger(Number(cell)) ? Number(cell) : cell.toString();
}
