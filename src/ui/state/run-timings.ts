/**
 * Steady-state run latency: the median of the latest runs. A median rather than a mean, because one run that
 * waited on a garbage collection or a GPU upload would otherwise move the figure for the next twenty.
 */

/** How many of the latest runs the steady-state figure is taken over. */
export const STEADY_WINDOW = 20;

/**
 * The latest `window` latencies, oldest first, after a run that took `ms`. A time that is not a finite,
 * non-negative number (a clock that went wrong) is left out rather than skewing the median.
 */
export function addRunTime(latest: readonly number[], ms: number, window: number = STEADY_WINDOW): readonly number[] {
  if (!Number.isFinite(ms) || ms < 0) return latest;
  const next = [...latest, ms];
  return next.length > window ? next.slice(next.length - window) : next;
}

/** The median of `values` (the mean of the middle two for an even count); undefined when there are none. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
