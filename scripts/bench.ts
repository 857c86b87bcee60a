/**
 * `npm run bench`: runs every suite in turn and prints its tables. A suite that fails prints its error and the
 * others still run; the exit status is 1 if any failed.
 */
import { onnxMemorySuite } from './bench/onnx-memory-suite.js';
import { onnxRunSuite } from './bench/onnx-suite.js';
import { pageWeightSuite } from './bench/page-weight-suite.js';
import { pmmlLoadSuite } from './bench/pmml-load-suite.js';
import { pmmlScoreSuite } from './bench/pmml-score-suite.js';
import { formatTable, type BenchSuite } from './bench/suite.js';

const suites: readonly BenchSuite[] = [pageWeightSuite, onnxRunSuite, onnxMemorySuite, pmmlScoreSuite, pmmlLoadSuite];

let hasFailed = false;
for (const suite of suites) {
  const started = performance.now();
  try {
    for (const table of await suite.run()) {
      console.log(`${formatTable(table)}\n`);
    }
    console.log(`(${suite.name}: ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  } catch (error) {
    hasFailed = true;
    console.error(`${suite.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
}
process.exitCode = hasFailed ? 1 : 0;
