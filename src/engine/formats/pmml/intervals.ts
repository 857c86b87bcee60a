import type { Closure } from './schema/data-dictionary.js';

export interface IntervalLike {
  readonly closure: Closure;
  readonly leftMargin?: number;
  readonly rightMargin?: number;
}

/** PMML 4.4 Interval: an absent margin is unbounded (−∞ or +∞); `closure` says which ends belong to it. */
export function intervalContains(interval: IntervalLike, x: number): boolean {
  const { closure, leftMargin, rightMargin } = interval;
  if (leftMargin !== undefined) {
    const closedLeft = closure === 'closedClosed' || closure === 'closedOpen';
    if (closedLeft ? x < leftMargin : x <= leftMargin) return false;
  }
  if (rightMargin !== undefined) {
    const closedRight = closure === 'closedClosed' || closure === 'openClosed';
    if (closedRight ? x > rightMargin : x >= rightMargin) return false;
  }
  return !Number.isNaN(x);
}
