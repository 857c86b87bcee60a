/**
 * The conformance ratchet: `conformance-ratchet.json` at the repository root records, per suite, the fewest cases
 * that must pass. `modelport ratchet` raises a number when more cases pass, and never lowers one; the
 * conformance tests fail when a suite passes fewer.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError } from '../cli-error.js';
import type { CaseRunner } from './case-runner.js';
import { formatSummary } from './report.js';
import { runSuite, type SuiteResult } from './suite.js';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export const RATCHET_FILE = join(REPO_ROOT, 'conformance-ratchet.json');

/** The folder each suite's cases come from: the shared cases beside the checkout. */
export function suiteDir(format: string): string {
  return join(REPO_ROOT, '..', 'shared', 'conformance', format);
}

/** Pass counts by suite (`pmml`, `onnx`). */
export type Ratchet = Readonly<Record<string, number>>;

export async function readRatchet(file = RATCHET_FILE): Promise<Ratchet> {
  const json: unknown = JSON.parse(await readFile(file, 'utf8'));
  const isValid =
    typeof json === 'object' &&
    json !== null &&
    Object.values(json).every((count) => Number.isInteger(count) && (count as number) >= 0);
  if (!isValid) {
    throw new CliError(`${file} must be a JSON object of whole pass counts, like { "pmml": 120, "onnx": 30 }.`);
  }
  return json as Ratchet;
}

/** Every suite's number raised to its new pass count where that is higher; never lowered. */
export function raiseRatchet(ratchet: Ratchet, passed: Ratchet): Ratchet {
  const raised: Record<string, number> = { ...ratchet };
  for (const [format, count] of Object.entries(passed)) {
    raised[format] = Math.max(raised[format] ?? 0, count);
  }
  return raised;
}

/** Runs the suite of one format (only that format's runners) from its shared folder. */
export function runFormatSuite(format: string, runners: readonly CaseRunner[]): Promise<SuiteResult> {
  return runSuite(suiteDir(format), { runners: runners.filter((runner) => runner.format === format) });
}

/**
 * `modelport ratchet`: runs every suite the file names whose folder is present, writes the raised numbers, and
 * resolves with exit status 1 when a suite passes fewer cases than recorded.
 */
export async function runRatchet(runners: readonly CaseRunner[], print: (line: string) => void): Promise<number> {
  const ratchet = await readRatchet();
  const passed: Record<string, number> = {};
  let hasDropped = false;
  for (const [format, floor] of Object.entries(ratchet)) {
    if (!existsSync(suiteDir(format))) {
      print(`${format}: skipped, ${suiteDir(format)} is absent.`);
      continue;
    }
    const result = await runFormatSuite(format, runners);
    passed[format] = result.passed;
    const change = result.passed > floor ? `raised from ${floor}` : result.passed < floor ? `BELOW the recorded ${floor}` : 'unchanged';
    hasDropped ||= result.passed < floor;
    print(`${format}: ${formatSummary(result)} (${change}).`);
  }
  const raised = raiseRatchet(ratchet, passed);
  if (JSON.stringify(raised) !== JSON.stringify(ratchet)) {
    await writeFile(RATCHET_FILE, `${JSON.stringify(raised, null, 2)}\n`);
    print(`Wrote ${RATCHET_FILE}.`);
  }
  return hasDropped ? 1 : 0;
}
