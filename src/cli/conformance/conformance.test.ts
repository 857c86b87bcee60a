/**
 * The PMML conformance ratchet: the shared cases run in this process, and the suite must pass at least as many
 * as `conformance-ratchet.json` records (`npm run conformance:ratchet` raises the number).
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatFailure, formatGroups, formatSummary, formatTiming } from './report.js';
import { readRatchet, runFormatSuite, suiteDir } from './ratchet.js';
import { caseRunners } from './runners.js';

const pmmlDir = suiteDir('pmml');
const hasCases = existsSync(pmmlDir);

if (!hasCases) {
  console.warn(`PMML conformance skipped: ${pmmlDir} is absent (the shared cases live beside the checkout).`);
}

describe.skipIf(!hasCases)('PMML conformance', () => {
  it('passes at least as many cases as conformance-ratchet.json records', async () => {
    const [result, ratchet] = await Promise.all([runFormatSuite('pmml', caseRunners), readRatchet()]);
    console.log([...formatGroups(result.outcomes), formatTiming(result), formatSummary(result)].join('\n'));
    expect(result.outcomes.length).toBeGreaterThan(0);
    const failures = result.outcomes.filter((outcome) => !outcome.passed).map(formatFailure);
    expect(result.passed, `PMML conformance fell below the ratchet; failing cases:\n${failures.join('\n')}`).toBeGreaterThanOrEqual(
      ratchet['pmml'] ?? 0,
    );
  }, 600_000);
});
