import { describe, expect, it } from 'vitest';
import { addRunTime, median, STEADY_WINDOW } from './run-timings.js';

describe('median', () => {
  it('is undefined before any run', () => {
    expect(median([])).toBeUndefined();
  });

  it('takes the middle value of an odd count, whatever the order', () => {
    expect(median([9, 1, 4])).toBe(4);
  });

  it('averages the middle two values of an even count', () => {
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });

  it('is not moved by one slow outlier', () => {
    expect(median([2, 2.1, 1.9, 250])).toBeCloseTo(2.05, 10);
  });

  it('leaves its input in order', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('addRunTime', () => {
  it('appends a run time, oldest first', () => {
    expect(addRunTime([5, 6], 7)).toEqual([5, 6, 7]);
  });

  it(`keeps only the latest ${STEADY_WINDOW} run times`, () => {
    let latest: readonly number[] = [];
    for (let ms = 1; ms <= STEADY_WINDOW + 5; ms++) latest = addRunTime(latest, ms);
    expect(latest).toHaveLength(STEADY_WINDOW);
    expect(latest[0]).toBe(6);
    expect(latest.at(-1)).toBe(STEADY_WINDOW + 5);
  });

  it('honours a smaller window', () => {
    expect(addRunTime([1, 2, 3], 4, 2)).toEqual([3, 4]);
  });

  it('ignores times that are not finite and non-negative', () => {
    const latest = [1];
    expect(addRunTime(latest, Number.NaN)).toBe(latest);
    expect(addRunTime(latest, Number.POSITIVE_INFINITY)).toBe(latest);
    expect(addRunTime(latest, -3)).toBe(latest);
  });

  it('does not change the list it is given', () => {
    const latest = [1, 2];
    addRunTime(latest, 3);
    expect(latest).toEqual([1, 2]);
  });
});
