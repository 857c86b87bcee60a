import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CaseRunner } from './case-runner.js';
import { formatFailure, formatGroups, formatSummary, formatTiming } from './report.js';
import { raiseRatchet } from './ratchet.js';
import { findCases, runSuite } from './suite.js';

const root = mkdtempSync(join(tmpdir(), 'modelport-suite-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A case folder marked by a `case.txt` holding "pass" or "fail" (a nested folder inside must not become a case). */
for (const [path, verdict] of [['cases/b/Beta', 'fail'], ['cases/a/Alpha', 'pass'], ['cases/a/Gamma', 'pass']]) {
  mkdirSync(join(root, path, 'data'), { recursive: true });
  writeFileSync(join(root, path, 'case.txt'), verdict);
  writeFileSync(join(root, path, 'data', 'case.txt'), verdict);
}
mkdirSync(join(root, 'models-only'), { recursive: true });

const textRunner: CaseRunner = {
  format: 'text',
  detect: (dir) => existsSync(join(dir, 'case.txt')),
  run: async (dir) => {
    const group = { source: basename(join(dir, '..')) };
    if (basename(dir) === 'Beta') {
      return { id: basename(dir), passed: false, message: 'row 1, column y: expected 1, actual 2', groups: group };
    }
    return { id: basename(dir), passed: true, groups: group };
  },
};

describe('findCases', () => {
  it('finds case folders in name order without searching inside them', async () => {
    const found = await findCases(root, [textRunner]);
    expect(found.map((c) => c.path)).toEqual([
      `${basename(root)}/cases/a/Alpha`,
      `${basename(root)}/cases/a/Gamma`,
      `${basename(root)}/cases/b/Beta`,
    ]);
  });

  it('accepts being pointed at a single case', async () => {
    const found = await findCases(join(root, 'cases/a/Alpha'), [textRunner]);
    expect(found.map((c) => c.path)).toEqual(['Alpha']);
  });
});

describe('runSuite', () => {
  it('counts passes and failures', async () => {
    const result = await runSuite(root, { runners: [textRunner] });
    expect(formatSummary(result)).toBe('2 passed, 1 failed');
  });

  it('runs only the cases whose path contains the filter', async () => {
    const result = await runSuite(root, { runners: [textRunner], filter: 'a/G' });
    expect(result.outcomes.map((o) => o.id)).toEqual(['Gamma']);
  });

  it('counts a runner that rejects as a failed case with the message', async () => {
    const throwing: CaseRunner = { ...textRunner, run: () => Promise.reject(new Error('disk on fire')) };
    const result = await runSuite(join(root, 'cases/a'), { runners: [throwing] });
    expect(result.outcomes[0]).toMatchObject({ id: 'a/Alpha', passed: false, message: 'Unexpected Error: disk on fire' });
  });

  it('reports each outcome as it finishes', async () => {
    const seen: string[] = [];
    await runSuite(root, { runners: [textRunner], onOutcome: (outcome) => seen.push(outcome.id) });
    expect(seen).toEqual(['Alpha', 'Gamma', 'Beta']);
  });
});

describe('report', () => {
  it('prints a failure as the case id and its message', async () => {
    const result = await runSuite(root, { runners: [textRunner], filter: 'Beta' });
    expect(formatFailure(result.outcomes[0])).toBe('FAIL Beta: row 1, column y: expected 1, actual 2');
  });

  it('counts passes per group value, largest group first', async () => {
    const result = await runSuite(root, { runners: [textRunner] });
    expect(formatGroups(result.outcomes)).toEqual(['source: a 2/2 · b 0/1']);
  });

  it('names the slowest cases in the timing line', async () => {
    const result = await runSuite(root, { runners: [textRunner] });
    expect(formatTiming(result, 1)).toMatch(/^Ran 3 cases in \d+\.\d+ s; slowest: \w+ \d+\.\d+ s\.$/);
  });
});

describe('raiseRatchet', () => {
  it('raises a count that went up and keeps one that went down', () => {
    expect(raiseRatchet({ pmml: 10, onnx: 5 }, { pmml: 12, onnx: 3 })).toEqual({ pmml: 12, onnx: 5 });
  });

  it('adds a suite the file did not name yet', () => {
    expect(raiseRatchet({ pmml: 10 }, { onnx: 4 })).toEqual({ pmml: 10, onnx: 4 });
  });
});
