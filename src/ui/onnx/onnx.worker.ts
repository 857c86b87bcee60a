/// <reference lib="webworker" />
/**
 * The ONNX worker: one model, one onnxruntime-web session. Parsing, checks and inference run here, off the main
 * thread; the client terminates the worker to free the runtime's memory.
 */
import {
  createOrtRunner,
  openOnnxModel,
  startModelSession,
  type ModelSession,
  type TensorData,
} from '../../engine/formats/onnx/index.js';
import { toAppError } from '../state/app-error.js';
import { loadOrt } from './load-ort.js';
import type { OnnxOpenResult, OnnxRunReply, OnnxWorkerRequest } from './protocol.js';

declare const self: DedicatedWorkerGlobalScope;

let session: ModelSession | undefined;

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
      await session?.release();
      session = undefined;
      return { value: undefined, transfer: [] };
  }
}

async function open(request: Extract<OnnxWorkerRequest, { type: 'open' }>): Promise<OnnxOpenResult> {
  await session?.release();
  session = undefined;
  const externalData = new Map(request.externalData.map((file) => [file.path, file.data]));
  const model = openOnnxModel(request.bytes, { externalData });
  const isolated = self.crossOriginIsolated;
  const ort = await loadOrt(request.options.numThreads, isolated);
  session = await startModelSession(createOrtRunner(ort), model, {
    executionProvider: request.options.executionProvider ?? 'auto',
    externalData,
    ...(request.options.warmUp === false ? { warmUp: false } : {}),
  });
  return {
    inputs: session.inputs,
    outputs: session.outputs,
    backend: session.backend,
    threads: session.threads,
    timings: session.timings,
    ...(session.fallbackReason ? { fallbackReason: session.fallbackReason } : {}),
    isCrossOriginIsolated: isolated,
  };
}

async function run(feeds: Readonly<Record<string, TensorData>>): Promise<OnnxRunReply> {
  if (!session) {
    throw new Error('No model is open in the ONNX worker; open one before running it.');
  }
  const result = await session.run(feeds);
  return { outputs: result.outputs, skipped: result.skipped, runMs: result.runMs };
}

function transferable(tensor: TensorData): Transferable[] {
  const data = tensor.data;
  return ArrayBuffer.isView(data) && data.buffer instanceof ArrayBuffer && data.byteLength === data.buffer.byteLength ? [data.buffer] : [];
}
