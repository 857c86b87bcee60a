/**
 * PMML load time: `loadPmml` (decode, XML parse, PMML parse, compile, describe) per model and per MB of document,
 * against the baseline of the XML parse alone (`readXml` on the decoded text), timed in turns in the same process.
 * load/parse says how much the PMML reading and compiling add on top of reading the XML.
 */
import { basename } from 'node:path';
import { loadPmml } from '../../src/engine/formats/pmml/index.js';
import { readXml } from '../../src/engine/formats/pmml/xml-reader.js';
import { PMML_CASES_DIR, readBenchCases, timeInTurns, type BenchCase } from './pmml-cases.js';
import { formatMs, type BenchSuite, type BenchTable } from './suite.js';

/** Per model: each path at least 5 times, and more while the budget lasts. */
const BUDGET = { minRepeats: 5, maxRepeats: 50, budgetMs: 1500 };

/** The options `loadPmml` reads with, so that the baseline builds the same element tree. */
const XML_OPTIONS = { skip: new Set(['Extension']), keepSkippedUnder: new Set(['BayesInputs']) };

const BYTES_PER_MB = 1024 * 1024;

async function measure(benchCase: BenchCase): Promise<string[]> {
  const fileName = basename(benchCase.dir);
  const { pmml } = benchCase;
  const { medians, repeats } = await timeInTurns(
    {
      parse: () => readXml(new TextDecoder('utf-8').decode(pmml), { ...XML_OPTIONS, fileName }),
      load: () => loadPmml(pmml, { fileName }),
    },
    BUDGET,
  );
  const megabytes = pmml.byteLength / BYTES_PER_MB;
  return [
    benchCase.id,
    (pmml.byteLength / 1024).toFixed(0),
    formatMs(medians.load),
    formatMs(medians.load / megabytes),
    formatMs(medians.parse),
    formatMs(medians.parse / megabytes),
    (medians.load / medians.parse).toFixed(2),
    String(repeats),
  ];
}

export const pmmlLoadSuite: BenchSuite = {
  name: 'pmml-load',
  async run(): Promise<BenchTable[]> {
    const title = 'PMML load time (median, ms)';
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
        columns: ['model', 'KiB', 'load ms', 'load ms/MiB', 'xml ms', 'xml ms/MiB', 'load/xml', 'repeats'],
        rows,
        notes: [
          'load = loadPmml(bytes): decode, XML parse, PMML parse and checks, compile, describe.',
          'Baseline = xml: TextDecoder + readXml (xml-reader.ts) with loadPmml\'s skip options, i.e. the XML parse alone;',
          '  load/xml = load in units of the XML parse; what is above 1 is PMML reading, compiling and describing.',
          'Paths alternate after one warm-up each; MiB = 2^20 bytes of the document as stored.',
        ],
      },
    ];
  },
};
