/// <reference lib="webworker" />
/**
 * The ONNX worker: one model, one onnxruntime-web session. Parsing, checks and inference run here, off the main
 * thread; the client terminates the worker to free the runtime's memory.
 */
import {
  compareTensors,
  createOrtRunner,
  openOnnxModel,
  startModelSession,
  type ModelRunResult,
  type ModelSession,
  type TensorData,
} from '../../engine/formats/onnx/index.js';
import { toAppError } from '../state/app-error.js';
import { loadOrt } from './load-ort.js';
import { chooseAutoProvider } from './webgpu-probe.js';
import type { CrossCheck, OnnxOpenResult, OnnxRunReply, OnnxWorkerRequest } from './protocol.js';

declare const self: DedicatedWorkerGlobalScope;

let session: ModelSession | undefined;
/** A WASM session of the same model, kept until the first run has been compared with it. */
let reference: Promise<ModelSession> | undefined;

/** GPU and CPU kernels accumulate in different orders; this is looser than the conformance tolerance. */
const CROSS_CHECK_TOLERANCE = { rtol: 1e-3, atol: 1e-4 };

self.addEventListener('message', (event: MessageEvent<OnnxWorkerRequest & { id: number }>) => {
  const request = event.data;
  handle(request).then(
    ({ value, transfer }) => self.postMessage({ id: request.id, ok: true, value }, transfer),
    (error: unknown) => self.postMessage({ id: request.id, ok: false, error: toAppError(error) }),
  );
});

async function handle(request: OnnxWorkerRequest): Promise<{ value: unknown; transfer: Transferable[] }> {
  switch (request.type) {
    case 'open':
      return { value: await open(request), transfer: [] };
    case 'run': {
      const reply = await run(request.feeds);
      return { value: reply, transfer: reply.outputs.flatMap((output) => transferable(output.tensor)) };
    }
    case 'dispose':
      await release();
      return { value: undefined, transfer: [] };
  }
}

async function release(): Promise<void> {
  const [current, pending] = [session, reference];
  session = undefined;
  reference = undefined;
  await current?.release();
  await (await pending?.catch(() => undefined))?.release();
}

async function open(request: Extract<OnnxWorkerRequest, { type: 'open' }>): Promise<OnnxOpenResult> {
  await release();
  const externalData = new Map(request.externalData.map((file) => [file.path, file.data]));
  const model = openOnnxModel(request.bytes, { externalData });
  const isolated = self.crossOriginIsolated;
  const ort = await loadOrt(request.options.numThreads, isolated);
  const runner = createOrtRunner(ort);
  const choice = request.options.executionProvider ?? 'auto';
  const auto = choice === 'auto' ? await chooseAutoProvider() : undefined;
  session = await startModelSession(runner, model, {
    // A WebGPU pick stays `auto`, so that a session WebGPU cannot create still falls back to WASM.
    executionProvider: auto?.provider === 'wasm' ? 'wasm' : choice,
    externalData,
    ...(request.options.warmUp === false ? { warmUp: false } : {}),
  });
  const fallbackReason = session.fallbackReason ?? (auto?.provider === 'wasm' ? auto.reason : undefined);
  if (session.backend !== 'wasm' && request.options.crossCheck !== false) {
    reference = startModelSession(runner, model, { executionProvider: 'wasm', externalData, warmUp: false });
    // Awaited by the first run; until then a failure must not surface as an unhandled rejection.
    reference.catch(() => undefined);
  }
  return {
    inputs: session.inputs,
    outputs: session.outputs,
    backend: session.backend,
    threads: session.threads,
    timings: session.timings,
    ...(fallbackReason ? { fallbackReason } : {}),
    isCrossOriginIsolated: isolated,
  };
}

async function run(feeds: Readonly<Record<string, TensorData>>): Promise<OnnxRunReply> {
  if (!session) {
    throw new Error('No model is open in the ONNX worker; open one before running it.');
  }
  const result = await session.run(feeds);
  const crossCheck = reference ? await compareWithReference(reference, feeds, result) : undefined;
  return { outputs: result.outputs, skipped: result.skipped, runMs: result.runMs, ...(crossCheck ? { crossCheck } : {}) };
}

/** Runs the same feeds on the WASM reference session, compares, and releases it: only the first run is checked. */
async function compareWithReference(
  pending: Promise<ModelSession>,
  feeds: Readonly<Record<string, TensorData>>,
  result: ModelRunResult,
): Promise<CrossCheck> {
  reference = undefined;
  let wasm: ModelSession | undefined;
  try {
    wasm = await pending;
    const expected = await wasm.run(feeds);
    for (const output of expected.outputs) {
      const actual = result.outputs.find((candidate) => candidate.name === output.name);
      const difference = actual ? compareTensors(output.name, output.tensor, actual.tensor, CROSS_CHECK_TOLERANCE) : `Output '${output.name}' is missing.`;
      if (difference) {
        return { reference: 'wasm', agrees: false, detail: `The result differs from WASM's (taken as expected): ${difference}` };
      }
    }
    return { reference: 'wasm', agrees: true };
  } catch (error) {
    return { reference: 'wasm', agrees: false, detail: `The WASM check could not run: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    await wasm?.release();
  }
}

function transferable(tensor: TensorData): Transferable[] {
  const data = tensor.data;
  return ArrayBuffer.isView(data) && data.buffer instanceof ArrayBuffer && data.byteLength === data.buffer.byteLength ? [data.buffer] : [];
}
