/**
 * CSV in and out of the CLI, through papaparse. Two readers: a streaming one for `score` (ordinary CSV with
 * quoting, any size) and a whole-file one for conformance cases, which are written without quoting.
 */
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';
import { CliError } from './cli-error.js';

/** Cells that mean "missing" when the caller names no others (R writes `NA`, JPMML `N/A`; empty is pandas' NaN). */
export const DEFAULT_MISSING_TOKENS: readonly string[] = ['NA', 'N/A'];

/** A cell after missing-value tokens are read: the text, or `null` for missing. */
export type Cell = string | null;

/** A whole CSV file: the header row and the data rows, each as long as the header. */
export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

export interface UnquotedCsvOptions {
  readonly separator: string;
  /** Cells equal to one of these (and empty cells) are missing. */
  readonly missingTokens: readonly string[];
  /** Names the file in error messages. */
  readonly fileName: string;
}

/** A CSV file the CLI cannot read; the message names the file and line. */
export class CsvError extends CliError {
  override name = 'CsvError';
}

/**
 * Reads a CSV written without quoting (conformance cases: a `"` is an ordinary character), so a cell never holds
 * a separator or a line break. Lines may end in `\n` or `\r\n`; blank lines follow {@link BlankLines}.
 */
export function readUnquotedCsv(text: string, options: UnquotedCsvOptions): CsvTable {
  const parsed = Papa.parse<string[]>(stripByteOrderMark(text), { delimiter: options.separator, fastMode: true });
  const blankLines = new BlankLines();
  const [header, ...records] = [...blankLines.filter(parsed.data), ...blankLines.finish()];
  if (header === undefined) {
    throw new CsvError(`${options.fileName} is empty: it has no header row.`);
  }
  const rows = records.map((record, index) => {
    if (record.length !== header.length) {
      throw new CsvError(
        `Row ${index + 1} of ${options.fileName} has ${record.length} cells, but the header has ${header.length}.`,
      );
    }
    return record.map((cell) => toCell(cell, options.missingTokens));
  });
  return { header, rows };
}

/**
 * What a blank line is. Papaparse gives one as the row `['']`. In a one-column file it is a record whose only cell
 * is empty, i.e. missing (dropping it would shift every later result by a row); in a wider file it cannot be a
 * record and is skipped, as pandas and R skip it. Blank lines before the header and the empty "line" after the
 * file's final line break are never records.
 */
export class BlankLines {
  #width: number | undefined;
  #pending = 0;

  /** The rows of one parsed batch, blank lines resolved; a blank line's verdict may wait for the next batch. */
  filter(rows: readonly string[][]): string[][] {
    const kept: string[][] = [];
    for (const row of rows) {
      const isBlank = row.length === 1 && row[0] === '';
      if (!isBlank) {
        this.#width ??= row.length;
        if (this.#pending > 0) {
          kept.push(...this.#takePending(this.#pending));
        }
        kept.push(row);
      } else if (this.#width === 1) {
        this.#pending += 1;
      }
    }
    return kept;
  }

  /** At the end of the file: the blank lines still waiting, but the last (the final line break's). */
  finish(): string[][] {
    return this.#takePending(this.#pending - 1);
  }

  #takePending(count: number): string[][] {
    this.#pending = 0;
    return Array.from({ length: Math.max(count, 0) }, () => ['']);
  }
}

/** Maps a cell's text to `null` when it is empty or a missing-value token. */
export function toCell(text: string, missingTokens: readonly string[]): Cell {
  return text === '' || missingTokens.includes(text) ? null : text;
}

/** Parsed batches held before the file is paused: bounds memory while the consumer scores. */
const MAX_QUEUED_BATCHES = 4;

/**
 * Streams the rows of a CSV file (header row first) in batches, without reading it whole. Papaparse parses each
 * chunk the file stream delivers; the file is paused while {@link MAX_QUEUED_BATCHES} parsed batches wait for the
 * consumer. (Papaparse's own duplex stream pushes row by row: 35 times slower on a 200,000-row file.) Quoted cells follow
 * RFC 4180.
 */
export async function* streamCsvBatches(path: string, separator: string): AsyncGenerator<string[][]> {
  const source = createReadStream(path, { encoding: 'utf8' });
  const queue: string[][][] = [];
  let isDone = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    wake?.();
    wake = undefined;
  };
  const blankLines = new BlankLines();
  Papa.parse<string[]>(source, {
    delimiter: separator,
    chunk: (results) => {
      queue.push(blankLines.filter(results.data));
      if (queue.length >= MAX_QUEUED_BATCHES) {
        source.pause();
      }
      notify();
    },
    complete: () => {
      queue.push(blankLines.finish());
      isDone = true;
      notify();
    },
    error: (error: unknown) => {
      failure = error;
      notify();
    },
  });
  try {
    let isFirst = true;
    for (;;) {
      const batch = queue.shift();
      if (batch !== undefined) {
        if (queue.length < MAX_QUEUED_BATCHES && source.isPaused()) {
          source.resume();
        }
        if (isFirst && batch.length > 0) {
          batch[0][0] = stripByteOrderMark(batch[0][0]);
          isFirst = false;
        }
        yield batch;
      } else if (failure !== undefined) {
        throw failure;
      } else if (isDone) {
        return;
      } else {
        await new Promise<void>((resolve) => (wake = resolve));
      }
    }
  } finally {
    source.destroy();
  }
}

/** Drops a leading U+FEFF, which editors on Windows write at the start of UTF-8 files. */
function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Formats rows as CSV text (quoting cells that need it), each row ending in `\n`. */
export function formatCsvRows(rows: readonly (readonly string[])[], separator: string): string {
  if (rows.length === 0) {
    return '';
  }
  return Papa.unparse(rows as string[][], { delimiter: separator, newline: '\n' }) + '\n';
}
