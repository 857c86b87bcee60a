import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatJavaNumber } from './java-number-format.js';

interface Differential {
  readonly java: string;
  readonly cases: ReadonlyArray<{ readonly kind: 'integer' | 'double'; readonly pattern: string; readonly value: string; readonly java: string }>;
}

/** Java 17's `String.format` results for random numbers (scripts/java-format-differential/generate.py). */
const differential = JSON.parse(
  readFileSync(new URL('./testdata/java-format-differential.json', import.meta.url), 'utf8'),
) as Differential;

describe('formatNumber against java.util.Formatter', () => {
  it(`formats like ${differential.java} for ${differential.cases.length} random numbers and patterns`, () => {
    const differences: string[] = [];
    for (const { kind, pattern, value, java } of differential.cases) {
      const actual = formatJavaNumber(pattern, { value: Number(value), kind }).replace(/\n/g, '\\n');
      if (actual !== java) differences.push(`${pattern} of ${kind} ${value}: Java ${JSON.stringify(java)}, here ${JSON.stringify(actual)}`);
    }
    expect(differences).toEqual([]);
  });
});
