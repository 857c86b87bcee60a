import Papa from 'papaparse';
import type { BatchReply } from '../workers/engine-protocol.js';

/** Rows a batch reply carries for the on-page preview; the download holds them all. */
export const BATCH_PREVIEW_ROWS = 100;

/** How far a batch has come: rows scored of the rows in the file. */
export interface BatchProgress {
  readonly done: number;
  readonly total: number;
}

export interface BatchScoreOptions {
  /** Called as rows are scored, when the scorer can tell (ONNX scores in chunks; PMML in one go does not). */
  readonly onProgress?: (progress: BatchProgress) => void;
  /** Stops a scorer that works in steps before its next one; it then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/**
 * Scores whole CSV files with the open model, for the "Score a file" panel: PMML in the engine worker
 * (`PmmlPredictor`), ONNX through the model's own worker session in chunks (`OnnxBatchScorer`). Both reply with
 * the input columns, one column per result, and the whole result as CSV text for download.
 */
export interface BatchScorer {
  /** What the file should hold, for the panel's hint: e.g. `A CSV with one column per input field`. */
  readonly inputHint: string;
  /** @throws AppError data, or an EngineError, when the file cannot be scored. */
  scoreCsv(text: string, options?: BatchScoreOptions): Promise<BatchReply>;
}

/** A CSV file's rows of cells (separator detected, byte order mark and blank lines dropped). */
export function parseCsvText(text: string): string[][] {
  return Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' }).data;
}

/** Rows of cells as CSV text for download (cells quoted where they need it). */
export function formatCsvText(rows: readonly (readonly string[])[]): string {
  return Papa.unparse(rows as string[][]);
}
