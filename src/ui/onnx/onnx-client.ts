import type { TensorData } from '../../engine/formats/onnx/index.js';
import { WorkerRpc } from '../workers/worker-rpc.js';
import type { OnnxOpenOptions, OnnxOpenResult, OnnxRunReply, OnnxWorkerRequest } from './protocol.js';

/**
 * The main thread's handle on one ONNX model running in its own worker (onnxruntime-web is loaded there, lazily,
 * the first time a model is opened). One client holds one session; open another model with a new client, or call
 * {@link OnnxWorkerClient.open} again to replace it (e.g. another backend or thread count).
 *
 * Errors reject as `AppError` data whose `code` is the engine's (`inference.unsupportedType`,
 * `inference.customOp`, `inference.opset`, `inference.nonTensor`, `inference.backend`, `inference.failed`,
 * `format.corrupt`, `value.invalid`, …).
 *
 * @example
 * const client = new OnnxWorkerClient();
 * const opened = await client.open(bytes, [], { executionProvider: 'auto', numThreads: 2 });
 * if (opened.fallbackReason) showNotice(opened.fallbackReason);
 * const { outputs, runMs } = await client.run({ input: createTensorData('float32', [1, 4], [5.1, 3.5, 1.4, 0.2]) });
 * client.dispose();
 */
export class OnnxWorkerClient {
  readonly #rpc = new WorkerRpc<OnnxWorkerRequest>(
    new Worker(new URL('./onnx.worker.ts', import.meta.url), { type: 'module', name: 'onnx' }),
    'ONNX',
  );

  /**
   * Parses the model, checks it can run, creates the session and does a warm-up run. The bytes are copied to the
   * worker, so the caller keeps its buffers — unless `transfer` is true: then the buffers move to the worker
   * (detached here), which saves one copy of a large model.
   *
   * @param externalData the model's external data files, each under the `location` the model names.
   */
  open(
    bytes: Uint8Array,
    externalData: readonly { readonly path: string; readonly data: Uint8Array }[] = [],
    options: OnnxOpenOptions = {},
    transfer = false,
  ): Promise<OnnxOpenResult> {
    const buffers = transfer ? [bytes, ...externalData.map((file) => file.data)].map((view) => view.buffer).filter(isArrayBuffer) : [];
    return this.#rpc.call({ type: 'open', bytes, externalData, options }, [...new Set(buffers)]) as Promise<OnnxOpenResult>;
  }

  /** Runs the open model; outputs come back as the engine's `ModelOutput`s (ZipMap outputs as labelled tensors). */
  run(feeds: Readonly<Record<string, TensorData>>): Promise<OnnxRunReply> {
    return this.#rpc.call({ type: 'run', feeds }) as Promise<OnnxRunReply>;
  }

  /** Releases the session and ends the worker, freeing the runtime's memory. */
  dispose(): void {
    void this.#rpc.call({ type: 'dispose' })
      .catch(() => undefined)
      .finally(() => this.#rpc.terminate());
  }
}

function isArrayBuffer(buffer: ArrayBufferLike): buffer is ArrayBuffer {
  return buffer instanceof ArrayBuffer;
}
