import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatStrftime } from './strftime.js';

interface Differential {
  readonly date: string;
  readonly cases: ReadonlyArray<{ readonly epochSeconds: number; readonly pattern: string; readonly date: string }>;
}

/** GNU date's results for random instants and conversions (scripts/strftime-differential/generate.py). */
const differential = JSON.parse(
  readFileSync(new URL('./testdata/strftime-differential.json', import.meta.url), 'utf8'),
) as Differential;

describe('formatDatetime conversions against glibc strftime', () => {
  it(`formats like ${differential.date} for ${differential.cases.length} random instants from year 1 to 9999`, () => {
    const differences: string[] = [];
    for (const { epochSeconds, pattern, date } of differential.cases) {
      const actual = formatStrftime(pattern, epochSeconds);
      if (actual !== date) differences.push(`${pattern} at ${epochSeconds}: date ${JSON.stringify(date)}, here ${JSON.stringify(actual)}`);
    }
    expect(differences).toEqual([]);
  });
});
