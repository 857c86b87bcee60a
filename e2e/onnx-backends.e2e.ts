/**
 * The ONNX worker of the production build, driven through its own message protocol (src/ui/onnx/protocol.ts):
 * MNIST on WASM with 2 threads (which needs the self-hosted glue to start ORT's pthread workers) and on WebGPU
 * (Chromium's software adapter, `--enable-unsafe-webgpu`), outputs compared with each other and with
 * onnxruntime-node's reference.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { decodeTensorFile } from '../src/engine/formats/onnx/test-data.js';
import { expect, test, CONFORMANCE } from './fixtures.js';

const MNIST = `${CONFORMANCE}onnx/mnist-8-cntk/`;
const ASSETS = new URL('../dist/assets/', import.meta.url);

function tensorOf(path: string): { dims: number[]; values: number[] } {
  const value = decodeTensorFile(new Uint8Array(readFileSync(path)), false);
  if (value.kind !== 'tensor') throw new Error(`${path} holds no tensor`);
  return { dims: [...value.tensor.dims], values: Array.from(value.tensor.data as Float32Array) };
}

interface WorkerRun {
  opened: { backend: string; threads: number; isCrossOriginIsolated: boolean; fallbackReason?: string };
  scores: number[];
  crossCheck?: { agrees: boolean; detail?: string };
}

const workerFile = () => readdirSync(ASSETS).find((name) => /^onnx\.worker-.*\.js$/.test(name));
const input = tensorOf(`${MNIST}ref_ortnode_set_0/input_0.pb`);
const expected = tensorOf(`${MNIST}ref_ortnode_set_0/output_0.pb`).values;
const model = [...readFileSync(`${MNIST}model.onnx`)];

async function runOn(page: import('@playwright/test').Page, executionProvider: string): Promise<WorkerRun> {
  const file = workerFile();
  expect(file, 'the build has an onnx.worker chunk').toBeDefined();
  return page.evaluate(
    async ({ url, model, input, executionProvider }) => {
      const worker = new Worker(url, { type: 'module' });
      let nextId = 1;
      const call = (message: object) =>
        new Promise<unknown>((resolve, reject) => {
          const id = nextId++;
          worker.addEventListener('message', function onReply(event: MessageEvent) {
            if (event.data.id !== id) return;
            worker.removeEventListener('message', onReply);
            if (event.data.ok) resolve(event.data.value);
            else reject(new Error(`${event.data.error.code}: ${event.data.error.message}`));
          });
          worker.postMessage({ ...message, id });
        });
      const opened = (await call({
        type: 'open',
        bytes: new Uint8Array(model),
        externalData: [],
        options: { executionProvider, numThreads: 2 },
      })) as WorkerRun['opened'];
      const reply = (await call({
        type: 'run',
        feeds: { Input3: { type: 'float32', dims: input.dims, data: new Float32Array(input.values) } },
      })) as { outputs: { tensor: { data: Float32Array } }[]; crossCheck?: WorkerRun['crossCheck'] };
      worker.terminate();
      return { opened, scores: Array.from(reply.outputs[0].tensor.data), crossCheck: reply.crossCheck };
    },
    { url: `/assets/${file}`, model, input, executionProvider },
  );
}

const expectClose = (actual: number[], reference: number[]) => {
  expect(actual).toHaveLength(reference.length);
  actual.forEach((value, index) => expect(Math.abs(value - reference[index])).toBeLessThanOrEqual(1e-3 + 1e-3 * Math.abs(reference[index])));
};

test.describe('ONNX worker backends', () => {
  test.describe.configure({ timeout: 120_000 });

  test('runs MNIST on WASM with 2 threads and on WebGPU with the same outputs', async ({ page }) => {
    await page.goto('/');
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

    const wasm = await runOn(page, 'wasm');
    expect(wasm.opened).toMatchObject({ backend: 'wasm', threads: 2, isCrossOriginIsolated: true });
    expectClose(wasm.scores, expected);
    expect(wasm.scores.indexOf(Math.max(...wasm.scores))).toBe(7);

    const webgpu = await runOn(page, 'webgpu');
    expect(webgpu.opened.backend).toBe('webgpu');
    expectClose(webgpu.scores, wasm.scores);
    expect(webgpu.crossCheck).toEqual({ reference: 'wasm', agrees: true });
    expect(wasm.crossCheck).toBeUndefined();
  });

  test('auto keeps to WASM when the only WebGPU adapter is a software one', async ({ page }) => {
    await page.goto('/');
    const auto = await runOn(page, 'auto');
    expect(auto.opened.backend).toBe('wasm');
    expect(auto.opened.fallbackReason).toMatch(/software/);
    expectClose(auto.scores, expected);
  });

});

test('falls back from auto to WASM and says why when the browser has no WebGPU', async ({ playwright, baseURL }) => {
  // The flags of playwright.config.ts without --enable-unsafe-webgpu: requestAdapter() then returns null.
  const browser = await playwright.chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ baseURL, serviceWorkers: 'block' });
    await page.goto('/');
    const auto = await runOn(page, 'auto');
    expect(auto.opened.backend).toBe('wasm');
    expect(auto.opened.fallbackReason).toMatch(/WebGPU/);
    expectClose(auto.scores, expected);
  } finally {
    await browser.close();
  }
});
