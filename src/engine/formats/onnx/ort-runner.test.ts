import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { createOrtRunner } from './ort-runner.js';
import { createTensorData, tensorValues } from './tensor-data.js';

const SHARED = new URL('../../../../../shared/conformance/onnx/', import.meta.url);
const read = (path: string) => new Uint8Array(readFileSync(new URL(path, SHARED)));
const runner = createOrtRunner(ort);

describe('createOrtRunner in Node', () => {
  it('reports metadata, backend and threads of a WASM session', async () => {
    const session = await runner.createSession(read('onnx-node-add_uint64/model.onnx'), { executionProvider: 'wasm' });
    expect(session.backend).toBe('wasm');
    expect(session.threads).toBeGreaterThanOrEqual(1);
    expect(session.inputs[0]).toEqual({ name: 'x', isTensor: true, type: 'uint64', shape: [3, 4, 5] });
    await session.release();
  });

  it('runs 64-bit unsigned integers exactly', async () => {
    const session = await runner.createSession(read('onnx-node-add_uint64/model.onnx'));
    const big = createTensorData('uint64', [3, 4, 5], new Array(60).fill('18446744073709551000'));
    const one = createTensorData('uint64', [3, 4, 5], new Array(60).fill(15));
    const { outputs } = await session.run({ x: big, y: one });
    expect(tensorValues(outputs.sum)[0]).toBe(18446744073709551015n);
    await session.release();
  });

  it('falls back from auto to WASM with the reason when WebGPU is not there', async () => {
    const session = await runner.createSession(read('onnx-node-and2d/model.onnx'), { executionProvider: 'auto' });
    expect(session.backend).toBe('wasm');
    expect(session.fallbackReason).toMatch(/^WebGPU was not used: /);
    await session.release();
  });

  it('fails with a backend InferenceError when WebGPU is asked for and missing', async () => {
    await expect(runner.createSession(read('onnx-node-and2d/model.onnx'), { executionProvider: 'webgpu' })).rejects.toMatchObject({
      name: 'InferenceError',
      code: 'inference.backend',
    });
  });

  it('refuses to run a released session', async () => {
    const session = await runner.createSession(read('onnx-node-and2d/model.onnx'));
    await session.release();
    await expect(session.run({})).rejects.toMatchObject({ code: 'inference.failed' });
  });
});
