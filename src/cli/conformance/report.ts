/** The text a conformance run prints: failure lines, pass counts by group, timing, and the summary line. */
import type { SuiteResult, TimedOutcome } from './suite.js';

/** One line for a failed case: its id, then the first difference or the error. */
export function formatFailure(outcome: TimedOutcome): string {
  return `FAIL ${outcome.id}: ${outcome.message ?? 'failed without a message.'}`;
}

/** The last line of every run, exactly `N passed, M failed`. */
export function formatSummary(result: Pick<SuiteResult, 'passed' | 'failed'>): string {
  return `${result.passed} passed, ${result.failed} failed`;
}

/**
 * Pass counts per value of each group key the runners set (`source`, `element` for PMML), most cases first:
 * `element  MiningModel 180/230 · RegressionModel 110/116 · …`.
 */
export function formatGroups(outcomes: readonly TimedOutcome[]): string[] {
  const byKey = new Map<string, Map<string, { passed: number; total: number }>>();
  for (const outcome of outcomes) {
    for (const [key, value] of Object.entries(outcome.groups ?? {})) {
      const counts = byKey.get(key) ?? new Map<string, { passed: number; total: number }>();
      byKey.set(key, counts);
      const count = counts.get(value) ?? { passed: 0, total: 0 };
      counts.set(value, { passed: count.passed + (outcome.passed ? 1 : 0), total: count.total + 1 });
    }
  }
  return [...byKey].map(([key, counts]) => {
    const entries = [...counts].sort(([a, x], [b, y]) => y.total - x.total || (a < b ? -1 : 1));
    return `${key}: ${entries.map(([value, count]) => `${value} ${count.passed}/${count.total}`).join(' · ')}`;
  });
}

/** Total time and the slowest cases, for spotting a case (or an engine path) that got slow. */
export function formatTiming(result: SuiteResult, slowest = 5): string {
  const top = [...result.outcomes].sort((a, b) => b.durationMs - a.durationMs).slice(0, slowest);
  const list = top.map((outcome) => `${outcome.id} ${formatSeconds(outcome.durationMs)}`).join(', ');
  const count = result.outcomes.length;
  return `Ran ${count} case${count === 1 ? '' : 's'} in ${formatSeconds(result.durationMs)}${list === '' ? '' : `; slowest: ${list}`}.`;
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** The `--json` file: one object per case, in run order. */
export function toJsonReport(result: SuiteResult): string {
  const cases = result.outcomes.map((outcome) => ({
    id: outcome.id,
    format: outcome.format,
    passed: outcome.passed,
    message: outcome.message,
    rows: outcome.rows,
    groups: outcome.groups,
    durationMs: Math.round(outcome.durationMs),
  }));
  return `${JSON.stringify({ passed: result.passed, failed: result.failed, durationMs: Math.round(result.durationMs), cases }, null, 2)}\n`;
}
