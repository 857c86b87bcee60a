import { toAppError, type AppError } from './app-error.js';
import type { BatchProgress, BatchScorer } from './batch-scorer.js';
import type { BatchReply } from '../workers/engine-protocol.js';

/** Scoring a whole CSV file with the open model (PMML or ONNX), and offering the results as a download. */
export class BatchState {
  reply = $state.raw<BatchReply | null>(null);
  fileName = $state('');
  isRunning = $state(false);
  /** Rows scored so far, while running, when the scorer reports it. */
  progress = $state.raw<BatchProgress | null>(null);
  /** Whether the last run was cancelled (its partial results are dropped). */
  wasCancelled = $state(false);
  error = $state.raw<AppError | null>(null);
  #run: AbortController | null = null;

  constructor(private readonly scorer: BatchScorer) {}

  /** What the file should hold, for the panel's hint. */
  get inputHint(): string {
    return this.scorer.inputHint;
  }

  async score(file: File): Promise<void> {
    this.#run?.abort();
    const run = new AbortController();
    this.#run = run;
    this.isRunning = true;
    this.reply = null;
    this.error = null;
    this.wasCancelled = false;
    this.progress = null;
    this.fileName = file.name;
    try {
      const onProgress = (progress: BatchProgress) => {
        if (this.#isCurrent(run)) this.progress = progress;
      };
      const reply = await untilAborted(this.scorer.scoreCsv(await file.text(), { signal: run.signal, onProgress }), run.signal);
      if (this.#isCurrent(run)) this.reply = reply;
    } catch (error) {
      if (!this.#isCurrent(run)) return;
      if (run.signal.aborted) this.wasCancelled = true;
      else this.error = toAppError(error, file.name);
    } finally {
      if (this.#isCurrent(run)) {
        this.isRunning = false;
        this.progress = null;
        this.#run = null;
      }
    }
  }

  /**
   * Stops the file being scored. An ONNX scorer stops before its next chunk; PMML scores in one step in the engine
   * worker, which finishes on its own, its result dropped.
   */
  cancel(): void {
    this.#run?.abort();
  }

  /** Saves `<name>-scored.csv`: the file's columns, one column per result, and (PMML) `error`. */
  download(): void {
    if (!this.reply) return;
    const url = URL.createObjectURL(new Blob([this.reply.csv], { type: 'text/csv' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: `${this.fileName.replace(/\.[^.]*$/, '')}-scored.csv` });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  #isCurrent(run: AbortController): boolean {
    return this.#run === run;
  }
}

/** Settles with `promise`, or rejects as soon as `signal` aborts (a scorer that cannot stop is no longer waited for). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    if (signal.aborted) abort();
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
