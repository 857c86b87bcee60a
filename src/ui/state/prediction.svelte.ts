import { toAppError, type AppError } from './app-error.js';
import type { PredictionOutcome, Predictor } from './predictor.js';

/** The current inputs, or why they cannot be predicted on (e.g. a tensor editor holds invalid JSON). */
export type CollectedInputs =
  | { readonly ok: true; readonly inputs: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly error: AppError };

/** Debounce between an edit and the prediction it triggers: short enough to feel live while a slider moves. */
const DEBOUNCE_MS = 40;

/**
 * Live prediction: each change to the inputs asks for a new prediction; edits that come while one runs are
 * folded into a single follow-up, so a slow model never builds a queue.
 */
export class PredictionState {
  result = $state.raw<PredictionOutcome | null>(null);
  error = $state.raw<AppError | null>(null);
  isRunning = $state(false);
  /** Number of predictions completed, so tests and views can tell a new result from the old one. */
  count = $state(0);

  #timer: ReturnType<typeof setTimeout> | undefined;
  #isPending = false;
  #isDisposed = false;

  constructor(
    private readonly predictor: Predictor,
    private readonly collect: () => CollectedInputs,
  ) {}

  /** Asks for a prediction with the current inputs after a short debounce. */
  request(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.run(), DEBOUNCE_MS);
  }

  /** Predicts now (or right after the running prediction). */
  async run(): Promise<void> {
    if (this.#isDisposed) return;
    if (this.isRunning) {
      this.#isPending = true;
      return;
    }
    const collected = this.collect();
    if (!collected.ok) {
      this.error = collected.error;
      return;
    }
    this.isRunning = true;
    try {
      const outcome = await this.predictor.predict(collected.inputs);
      if (this.#isDisposed) return;
      this.result = outcome;
      this.error = null;
      this.count += 1;
    } catch (error) {
      if (!this.#isDisposed) this.error = toAppError(error);
    } finally {
      this.isRunning = false;
    }
    if (this.#isPending) {
      this.#isPending = false;
      await this.run();
    }
  }

  dispose(): void {
    this.#isDisposed = true;
    clearTimeout(this.#timer);
  }
}
