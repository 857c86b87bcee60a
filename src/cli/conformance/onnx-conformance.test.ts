/**
 * The ONNX conformance ratchet: the shared ONNX cases run on onnxruntime-web in this process, and the suite must
 * pass at least as many as `conformance-ratchet.json` records.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatSummary, formatTiming } from './report.js';
import { readRatchet, runFormatSuite, suiteDir } from './ratchet.js';
import { caseRunners } from './runners.js';

const onnxDir = suiteDir('onnx');
const hasCases = existsSync(onnxDir);

if (!hasCases) {
  console.warn(`ONNX conformance skipped: ${onnxDir} is absent (the shared cases live beside the checkout).`);
}

describe.skipIf(!hasCases)('ONNX conformance', () => {
  it('passes at least as many cases as conformance-ratchet.json records', async () => {
    const [result, ratchet] = await Promise.all([runFormatSuite('onnx', caseRunners), readRatchet()]);
    const failures = result.outcomes.filter((outcome) => !outcome.passed).map((outcome) => `FAIL ${outcome.id}: ${outcome.message}`);
    console.log([...failures, formatTiming(result), formatSummary(result)].join('\n'));
    expect(result.passed).toBeGreaterThanOrEqual(ratchet['onnx'] ?? 0);
  }, 300_000);
});
