/**
 * What the PMML bench suites share: the representative conformance cases they measure, read the way the
 * conformance runner reads them, and a timer that interleaves the paths it compares.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readUnquotedCsv } from '../../src/cli/csv.js';
import { toRecord, type PmmlRecord } from '../../src/cli/group-records.js';
import { readPmmlCase, type PmmlCase } from '../../src/cli/conformance/pmml-case.js';
import { median } from './suite.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const PMML_CASES_DIR = join(REPO_ROOT, '..', 'shared', 'conformance', 'pmml', 'cases');

/** One model per family the app is most used with; the biggest documents of each where there is a choice. */
export const BENCH_CASES: readonly { readonly path: string; readonly kind: string }[] = [
  { path: 'jpmml-transpiler/XGBoostAudit', kind: 'XGBoost: MiningModel, 73 segments' },
  { path: 'jpmml-sklearn/RandomForestAudit', kind: 'RandomForest: MiningModel, 10 trees' },
  { path: 'jpmml-transpiler/LogisticRegressionSentiment', kind: 'LogisticRegression, TextIndex terms' },
  { path: 'jpmml-evaluator.rattle/GeneralRegressionAudit', kind: 'GeneralRegressionModel' },
  { path: 'jpmml-sklearn/SVCAudit', kind: 'SVM: 936 RBF support vectors' },
  { path: 'jpmml-evaluator.rattle/NeuralNetworkAudit', kind: 'NeuralNetwork: 12 neurons' },
];

/** A case read once: the document's bytes, its case.json, and every input row as a record. */
export interface BenchCase {
  readonly id: string;
  readonly kind: string;
  readonly dir: string;
  readonly spec: PmmlCase;
  readonly pmml: Uint8Array;
  readonly records: readonly PmmlRecord[];
}

/** The bench cases present beside the checkout (none when `shared/conformance` is absent). */
export async function readBenchCases(): Promise<BenchCase[]> {
  const present = BENCH_CASES.filter(({ path }) => existsSync(join(PMML_CASES_DIR, path, 'model.pmml')));
  return Promise.all(present.map(({ path, kind }) => readBenchCase(join(PMML_CASES_DIR, path), kind)));
}

async function readBenchCase(dir: string, kind: string): Promise<BenchCase> {
  const caseFile = join(dir, 'case.json');
  const spec = readPmmlCase(JSON.parse(await readFile(caseFile, 'utf8')), caseFile);
  const inputFile = join(dir, 'input.csv');
  const input = readUnquotedCsv(await readFile(inputFile, 'utf8'), {
    separator: spec.separator,
    missingTokens: spec.missingTokens,
    fileName: inputFile,
  });
  return {
    id: spec.id,
    kind,
    dir,
    spec,
    pmml: new Uint8Array(await readFile(join(dir, 'model.pmml'))),
    records: input.rows.map((row) => toRecord(input.header, row)),
  };
}

/** How long to keep timing, in repeats of every path and in milliseconds. */
export interface TimingBudget {
  readonly minRepeats: number;
  readonly maxRepeats: number;
  readonly budgetMs: number;
}

/**
 * The median milliseconds of each path, by name. Every path runs once untimed first (JIT warm-up, lazy caches),
 * then the paths take turns, the first of each round rotating, so that drift on a shared machine (GC, other
 * load) falls on all of them alike.
 */
export async function timeInTurns(
  paths: Readonly<Record<string, () => unknown>>,
  budget: TimingBudget,
): Promise<{ readonly medians: Record<string, number>; readonly repeats: number }> {
  const names = Object.keys(paths);
  for (const name of names) {
    await paths[name]();
  }
  const times: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  const started = performance.now();
  let repeats = 0;
  while (repeats < budget.minRepeats || (repeats < budget.maxRepeats && performance.now() - started < budget.budgetMs)) {
    for (let turn = 0; turn < names.length; turn++) {
      const name = names[(turn + repeats) % names.length];
      const pathStarted = performance.now();
      await paths[name]();
      times[name].push(performance.now() - pathStarted);
    }
    repeats += 1;
  }
  return { medians: Object.fromEntries(names.map((name) => [name, median(times[name])])), repeats };
}
