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
    const values = input.width === undefined ? 'the same number of values in every row' : `${input.width} values per row`;
    // A string input's header would read as an example: nothing tells it apart (see isCsvHeader).
    const header = input.type === 'string' ? 'no header row' : 'a header row is optional';
    this.inputHint = `A CSV with ${values} for '${input.spec.name}', one row per example (${header})`;
  }

  /** @throws AppError data naming the row (and column) that does not fit, or the rows whose run failed. */
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
    const results: (readonly OutputCell[])[] = [];
    for (let start = 0; start < data.length; start += this.chunkRows) {
      signal?.throwIfAborted();
      const chunk = data.slice(start, start + this.chunkRows);
      const firstRow = start + (hasHeader ? 2 : 1);
      const feeds = csvRowsFeed(this.input, chunk, { firstRow, width, ...(hasHeader ? { columns: header } : {}) });
      const table = tabulateOutputs(await this.#run(feeds, firstRow, chunk.length), chunk.length);
      if (!table) {
        throw { code: 'inference.failed', message: "The model's outputs do not have one row per example, so they cannot be laid out as a table." } satisfies AppError;
      }
      resultNames ??= table.header;
      results.push(...table.rows);
      onProgress?.({ done: start + chunk.length, total: data.length });
    }
    const names = resultNames ?? [];
    return {
      header,
      resultNames: names,
      missingFields: [],
      matchedFields: header,
      rowCount: data.length,
      failed: 0,
      preview: results.slice(0, BATCH_PREVIEW_ROWS).map((values, i) => ({ inputs: data[i], values: values.map(shownCell) })),
      csv: formatCsvText([[...header, ...names], ...data.map((row, i) => [...row, ...results[i].map(String)])]),
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
