/**
 * ONNX runtime overhead: for the shared CNNs, session creation and the median run through the app's runner
 * (`startModelSession` over `createOrtRunner`) against a bare `InferenceSession.run` in the same process, with 1
 * and 2 WASM threads (each in its own process: onnxruntime-web fixes the thread count when it initialises).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { ModelMeasurement } from './onnx-measure.js';
import { formatMs, type BenchSuite, type BenchTable } from './suite.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CASES = join(REPO_ROOT, '..', 'shared', 'conformance', 'onnx');
const MODELS = ['mnist-8-cntk', 'onnx-light-squeezenet', 'onnx-light-resnet50'];
const THREADS = [1, 2];

async function measureWithThreads(threads: number, caseDirs: readonly string[]): Promise<ModelMeasurement[]> {
  const script = fileURLToPath(new URL('./onnx-measure.ts', import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, String(threads), ...caseDirs], {
    cwd: REPO_ROOT,
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '[]') as ModelMeasurement[];
}

export const onnxRunSuite: BenchSuite = {
  name: 'onnx-run',
  async run(): Promise<BenchTable[]> {
    const caseDirs = MODELS.map((model) => join(CASES, model)).filter((dir) => existsSync(dir));
    if (caseDirs.length === 0) {
      return [{ title: 'ONNX run (onnxruntime-web WASM, Node)', columns: ['model'], rows: [], notes: [`Skipped: ${CASES} is absent.`] }];
    }
    const byThreads = new Map<number, ModelMeasurement[]>();
    for (const threads of THREADS) {
      byThreads.set(threads, await measureWithThreads(threads, caseDirs));
    }
    const rows = [...byThreads.values()].flat().map((m) => [
      m.model,
      String(m.threads),
      formatMs(m.appCreateMs),
      formatMs(m.bareCreateMs),
      formatMs(m.appFirstRunMs),
      formatMs(m.appRunMs),
      formatMs(m.bareRunMs),
      (m.appRunMs / m.bareRunMs).toFixed(2),
      String(m.runs),
    ]);
    const single = byThreads.get(1) ?? [];
    const speedups = (byThreads.get(2) ?? []).map((m) => {
      const one = single.find((candidate) => candidate.model === m.model);
      return one ? `${m.model} ${(one.appRunMs / m.appRunMs).toFixed(2)}×` : '';
    });
    return [
      {
        title: 'ONNX run (onnxruntime-web WASM in Node; times in ms, run = median steady state)',
        columns: ['model', 'threads', 'create app', 'create bare', 'first run', 'run app', 'run bare', 'app/bare', 'runs'],
        rows,
        notes: [
          'app = startModelSession + OnnxSession.run (tensor conversion, output plan); bare = InferenceSession.run with a prebuilt ort.Tensor.',
          `2 threads vs 1 (app run): ${speedups.filter(Boolean).join(', ')}`,
        ],
      },
    ];
  },
};
