/**
 * PMML scoring throughput: for representative conformance models, every row of the case's input scored by a bare
 * `PmmlModel.evaluate` (the baseline), by `evaluate` with `trace` (what the app's live views call), and through the
 * CLI's `scoreWithModel` (CSV streamed from disk, records built, results formatted as CSV), all in the same process.
 */
import { basename, join } from 'node:path';
import { scoreWithModel } from '../../src/cli/pmml-score.js';
import { loadPmml, type PmmlModel } from '../../src/engine/formats/pmml/index.js';
import { PMML_CASES_DIR, readBenchCases, timeInTurns, type BenchCase } from './pmml-cases.js';
import { formatMs, type BenchSuite, type BenchTable } from './suite.js';

/** Per model: every path scores all rows at least 5 times, and more while the budget lasts. */
const BUDGET = { minRepeats: 5, maxRepeats: 100, budgetMs: 2500 };

/** Scores every record; returns the number of result values, so that the work cannot be optimised away. */
function scoreAll(model: PmmlModel, records: BenchCase['records'], trace: boolean): number {
  let values = 0;
  for (const record of records) {
    values += model.evaluate(record, { trace }).values.size;
  }
  return values;
}

async function scoreThroughCli(model: PmmlModel, benchCase: BenchCase): Promise<void> {
  let written = 0;
  await scoreWithModel(model, {
    modelPath: join(benchCase.dir, 'model.pmml'),
    inputPath: join(benchCase.dir, 'input.csv'),
    separator: benchCase.spec.separator,
    includeAll: false,
    write: (chunk) => {
      written += chunk.length;
      return Promise.resolve();
    },
    warn: () => undefined,
  });
  if (written === 0) {
    throw new Error(`The CLI wrote nothing for ${benchCase.id}.`);
  }
}

async function measure(benchCase: BenchCase): Promise<string[]> {
  const model = loadPmml(benchCase.pmml, { fileName: basename(benchCase.dir) });
  const { records } = benchCase;
  const { medians, repeats } = await timeInTurns(
    {
      bare: () => scoreAll(model, records, false),
      trace: () => scoreAll(model, records, true),
      cli: () => scoreThroughCli(model, benchCase),
    },
    BUDGET,
  );
  const usPerRow = (ms: number) => ((ms * 1000) / records.length).toFixed(1);
  return [
    benchCase.id,
    benchCase.kind,
    String(records.length),
    formatMs(medians.bare),
    usPerRow(medians.bare),
    Math.round((records.length * 1000) / medians.bare).toLocaleString('en-US'),
    usPerRow(medians.trace),
    (medians.trace / medians.bare).toFixed(2),
    usPerRow(medians.cli),
    (medians.cli / medians.bare).toFixed(2),
    String(repeats),
  ];
}

export const pmmlScoreSuite: BenchSuite = {
  name: 'pmml-score',
  async run(): Promise<BenchTable[]> {
    const title = 'PMML scoring throughput (all rows of the case input per pass; median pass, ms)';
    const cases = await readBenchCases();
    if (cases.length === 0) {
      return [{ title, columns: ['model'], rows: [], notes: [`Skipped: ${PMML_CASES_DIR} is absent.`] }];
    }
    const rows: string[][] = [];
    for (const benchCase of cases) {
      rows.push(await measure(benchCase));
    }
    return [
      {
        title,
        columns: ['model', 'kind', 'rows', 'bare ms', 'bare µs/row', 'bare rows/s', 'trace µs/row', 'trace/bare', 'cli µs/row', 'cli/bare', 'passes'],
        rows,
        notes: [
          'Baseline = bare: model.evaluate(record) over records built once from input.csv (model loaded once, outside the timing).',
          'trace = evaluate(record, { trace: true }), as the app\'s live views call it; trace/bare is its overhead.',
          'cli = scoreWithModel from src/cli/pmml-score.ts: input.csv streamed and parsed, records built, results formatted as CSV;',
          '  cli/bare is the CLI\'s per-row overhead around evaluate. Paths alternate each pass after one warm-up pass each.',
        ],
      },
    ];
  },
};
