import { toAppError, type AppError } from './app-error.js';
import type { PmmlPredictor } from './pmml-predictor.js';
import type { BatchReply } from '../workers/engine-protocol.js';

/** Scoring a whole CSV file with the open PMML model, and offering the results as a download. */
export class BatchState {
  reply = $state.raw<BatchReply | null>(null);
  fileName = $state('');
  isRunning = $state(false);
  error = $state.raw<AppError | null>(null);

  constructor(private readonly scorer: PmmlPredictor) {}

  async score(file: File): Promise<void> {
    this.isRunning = true;
    this.error = null;
    this.fileName = file.name;
    try {
      this.reply = await this.scorer.scoreCsv(await file.text());
    } catch (error) {
      this.reply = null;
      this.error = toAppError(error, file.name);
    } finally {
      this.isRunning = false;
    }
  }

  /** Saves `<name>-scored.csv`: the file's columns, one column per result field, and `error`. */
  download(): void {
    if (!this.reply) return;
    const url = URL.createObjectURL(new Blob([this.reply.csv], { type: 'text/csv' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: `${this.fileName.replace(/\.[^.]*$/, '')}-scored.csv` });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
