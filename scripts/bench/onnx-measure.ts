/**
 * Child process of the ONNX run suite: onnxruntime-web fixes its WASM thread count when it first initialises, so
 * each thread count is measured in a fresh process. Prints one JSON line: per model, session creation and median
 * run time through the app's runner and through a bare `InferenceSession` in the same process.
 *
 * Usage: node --import tsx scripts/bench/onnx-measure.ts <threads> <caseDir>...
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-web';
import { createOrtRunner, decodeTensorFile, openOnnxModel, startModelSession, type TensorData } from '../../src/engine/formats/onnx/index.js';
import { median } from './suite.js';

/** Milliseconds of steady-state runs per model and path; at least 5 runs, at most 200. */
const RUN_BUDGET_MS = 3000;

/** Session creations timed per model and path. */
const CREATE_ROUNDS = 3;

export interface ModelMeasurement {
  readonly model: string;
  readonly threads: number;
  readonly appCreateMs: number;
  readonly appFirstRunMs: number;
  readonly appRunMs: number;
  readonly bareCreateMs: number;
  readonly bareRunMs: number;
  readonly runs: number;
}

async function measure(caseDir: string, threads: number): Promise<ModelMeasurement> {
  const bytes = new Uint8Array(readFileSync(join(caseDir, 'model.onnx')));
  const model = openOnnxModel(bytes);
  const dataSet = ['test_data_set_0', 'ref_ortnode_set_0'].map((name) => join(caseDir, name, 'input_0.pb')).find((path) => {
    try {
      readFileSync(path);
      return true;
    } catch {
      return false;
    }
  });
  if (!dataSet) {
    throw new Error(`${caseDir} has no input_0.pb to run with.`);
  }
  const input = decodeTensorFile(new Uint8Array(readFileSync(dataSet)), false);
  if (input.kind !== 'tensor') {
    throw new Error(`${dataSet} is not a tensor.`);
  }
  const name = model.description.inputTensors[0].name;
  const feeds: Record<string, TensorData> = { [name]: input.tensor };

  // The first session of a model pays one-off costs (kernel lookups, allocator growth); neither timed path should.
  await (await ort.InferenceSession.create(bytes, { logSeverityLevel: 3 })).release();
  const runner = createOrtRunner(ort);
  const createApp = () => startModelSession(runner, model, { numThreads: threads });
  const createBare = async () => {
    const createStarted = performance.now();
    const session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], logSeverityLevel: 3 });
    return { session, createMs: performance.now() - createStarted };
  };
  // Creation is timed CREATE_ROUNDS times, alternating, and the median kept; the last sessions are the ones run.
  const appCreates: number[] = [];
  const bareCreates: number[] = [];
  for (let round = 1; round < CREATE_ROUNDS; round++) {
    const app = await createApp();
    appCreates.push(app.timings.createMs);
    await app.release();
    const bare = await createBare();
    bareCreates.push(bare.createMs);
    await bare.session.release();
  }
  const app = await createApp();
  appCreates.push(app.timings.createMs);
  const { session: bare, createMs: lastBareCreateMs } = await createBare();
  bareCreates.push(lastBareCreateMs);
  const bareFeeds = () => ({ [name]: new ort.Tensor(input.tensor.type, input.tensor.data as Float32Array, input.tensor.dims) });
  await bare.run(bareFeeds());

  const appTimes: number[] = [];
  const bareTimes: number[] = [];
  const timeApp = async () => {
    const runStarted = performance.now();
    await app.run(feeds);
    appTimes.push(performance.now() - runStarted);
  };
  const timeBare = async () => {
    const runStarted = performance.now();
    await bare.run(bareFeeds());
    bareTimes.push(performance.now() - runStarted);
  };
  const started = performance.now();
  // Alternating the two paths, and which goes first, spreads any drift (GC, other load) evenly over both.
  while (appTimes.length < 5 || (performance.now() - started < RUN_BUDGET_MS && appTimes.length < 200)) {
    const isAppFirst = appTimes.length % 2 === 0;
    await (isAppFirst ? timeApp() : timeBare());
    await (isAppFirst ? timeBare() : timeApp());
  }
  await app.release();
  await bare.release();
  return {
    model: caseDir.split('/').pop() ?? caseDir,
    threads: app.threads,
    appCreateMs: median(appCreates),
    appFirstRunMs: app.timings.firstRunMs ?? Number.NaN,
    appRunMs: median(appTimes),
    bareCreateMs: median(bareCreates),
    bareRunMs: median(bareTimes),
    runs: appTimes.length,
  };
}

const [threads, ...caseDirs] = process.argv.slice(2);
ort.env.logLevel = 'error';
ort.env.wasm.numThreads = Number(threads);
const results: ModelMeasurement[] = [];
for (const caseDir of caseDirs) {
  results.push(await measure(caseDir, Number(threads)));
}
process.stdout.write(`${JSON.stringify(results)}\n`);
