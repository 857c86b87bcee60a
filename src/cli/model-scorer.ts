/**
 * The port between `modelport score` and one model format. The command peeks at the model file's first bytes and
 * gives the whole job to the first scorer in `scorers.ts` whose {@link ModelScorer.match} accepts them.
 */
import type { FormatId } from '../engine/model/description.js';

/** One scoring job: a model file, a CSV of records, and where the results go. */
export interface ScoreRequest {
  readonly modelPath: string;
  readonly inputPath: string;
  /** The input's cell separator (one character). */
  readonly separator: string;
  /** Write every result field, not only the final results. */
  readonly includeAll: boolean;
  /** Receives the output CSV text chunk by chunk; resolves when the chunk may be followed by more (backpressure). */
  readonly write: (chunk: string) => Promise<void>;
  /** Prints a warning line to the user (standard error). */
  readonly warn: (line: string) => void;
}

/**
 * Scores CSV files with the models of one format.
 *
 * To add a format, write `src/cli/<format>-score.ts` exporting a `ModelScorer` and add it to `modelScorers` in
 * `scorers.ts` (one line). Formats are tried in table order, so a scorer whose `match` accepts anything belongs last.
 */
export interface ModelScorer {
  readonly format: FormatId;
  /** True when `head` (the file's first bytes, at most `MAX_PEEK_BYTES`) looks like this format. */
  match(head: Uint8Array, fileName: string): boolean;
  /**
   * Loads the model, scores every row and writes a header row and one result row per input row.
   * Resolves with the number of rows scored; throws an `EngineError` when the model cannot be loaded, a
   * `ScoringError` naming the row when one cannot be scored.
   */
  score(request: ScoreRequest): Promise<{ readonly rows: number }>;
}
