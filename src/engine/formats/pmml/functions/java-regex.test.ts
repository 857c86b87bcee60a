import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileJavaRegex } from './java-regex.js';
import { javaReplaceAll } from './regex.js';

interface Differential {
  readonly java: string;
  readonly replacement: string;
  readonly inputs: readonly string[];
  readonly cases: ReadonlyArray<{ readonly pattern: string; readonly outputs: ReadonlyArray<string | null> }>;
}

/** Java 17's results for random patterns (scripts/java-regex-differential/generate.py). */
const differential = JSON.parse(
  readFileSync(new URL('./testdata/java-regex-differential.json', import.meta.url), 'utf8'),
) as Differential;

describe('Java regex translation against java.util.regex', () => {
  it(`replaces like ${differential.java} for ${differential.cases.length} random patterns`, () => {
    const differences: string[] = [];
    for (const { pattern, outputs } of differential.cases) {
      const regex = compileJavaRegex(pattern);
      differential.inputs.forEach((input, i) => {
        const actual = javaReplaceAll(regex, input, differential.replacement);
        if (actual !== outputs[i]) differences.push(`${JSON.stringify(pattern)} on ${JSON.stringify(input)}: Java ${JSON.stringify(outputs[i])}, here ${JSON.stringify(actual)}`);
      });
    }
    expect(differences).toEqual([]);
  });
});
