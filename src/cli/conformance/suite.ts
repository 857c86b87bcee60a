/**
 * A conformance suite: every case folder under a root, run one after another in this process (each case is
 * small; one process keeps module loading and JIT warm-up out of the per-case time).
 */
import { readdir } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { describeError } from '../cli-error.js';
import type { CaseOutcome, CaseRunner } from './case-runner.js';

/** A case folder and the runner that accepted it. */
export interface FoundCase {
  readonly dir: string;
  /** The folder's path from the root, starting with the root folder's own name, with `/` separators. */
  readonly path: string;
  readonly runner: CaseRunner;
}

/** A case's outcome with the suite's bookkeeping. */
export interface TimedOutcome extends CaseOutcome {
  readonly format: string;
  readonly durationMs: number;
}

export interface SuiteResult {
  readonly outcomes: readonly TimedOutcome[];
  readonly passed: number;
  readonly failed: number;
  readonly durationMs: number;
}

export interface SuiteOptions {
  readonly runners: readonly CaseRunner[];
  /** Run only the cases whose {@link FoundCase.path} contains this text. */
  readonly filter?: string;
  /** Called after each case, e.g. to print failures while the suite runs. */
  readonly onOutcome?: (outcome: TimedOutcome) => void;
}

/** Folders that never hold cases (hidden ones, dependencies). */
function isSkipped(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/**
 * Finds the case folders under `root` (or `root` itself), in name order. A folder a runner accepts is a case and is
 * not searched further, so data folders inside a case are never mistaken for cases.
 */
export async function findCases(root: string, runners: readonly CaseRunner[]): Promise<FoundCase[]> {
  const found: FoundCase[] = [];
  const visit = async (dir: string): Promise<void> => {
    const runner = runners.find((candidate) => candidate.detect(dir));
    if (runner !== undefined) {
      const path = [basename(root), ...relative(root, dir).split(sep)].filter((part) => part !== '').join('/');
      found.push({ dir, path, runner });
      return;
    }
    const entries = await readdir(dir, { withFileTypes: true });
    const folders = entries.filter((entry) => entry.isDirectory() && !isSkipped(entry.name));
    for (const folder of folders.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      await visit(join(dir, folder.name));
    }
  };
  await visit(root);
  return found;
}

/** Runs every case under `root` that the filter lets through, sequentially. */
export async function runSuite(root: string, options: SuiteOptions): Promise<SuiteResult> {
  const started = performance.now();
  const cases = (await findCases(root, options.runners)).filter(
    (found) => options.filter === undefined || found.path.includes(options.filter),
  );
  const outcomes: TimedOutcome[] = [];
  for (const found of cases) {
    const caseStarted = performance.now();
    const outcome = await runCase(found);
    const timed = { ...outcome, format: found.runner.format, durationMs: performance.now() - caseStarted };
    outcomes.push(timed);
    options.onOutcome?.(timed);
  }
  const passed = outcomes.filter((outcome) => outcome.passed).length;
  return { outcomes, passed, failed: outcomes.length - passed, durationMs: performance.now() - started };
}

async function runCase(found: FoundCase): Promise<CaseOutcome> {
  try {
    return await found.runner.run(found.dir);
  } catch (error) {
    return { id: found.path, passed: false, message: describeError(error) };
  }
}
