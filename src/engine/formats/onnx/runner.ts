/**
 * The port between the engine and an ONNX runtime, modelled on onnxruntime's `Backend` /
 * `InferenceSessionHandler` (onnxruntime-common): create a session from model bytes, run it, release it.
 * The engine never imports a runtime; the browser and Node each inject one (see `createOrtRunner`).
 */
import type { TensorData } from './tensor-data.js';

/** Where a session runs. `auto` tries WebGPU and falls back to WASM, saying why. */
export type ExecutionProviderChoice = 'wasm' | 'webgpu' | 'webnn' | 'auto';

/** The execution provider a session actually got. */
export type ExecutionBackend = 'wasm' | 'webgpu' | 'webnn';

/** One external data file, under the `location` the model's tensors name. */
export interface ExternalDataFile {
  readonly path: string;
  readonly data: Uint8Array;
}

/** Options for {@link OnnxRunner.createSession}. */
export interface OnnxSessionOptions {
  /** Defaults to `wasm`. */
  readonly executionProvider?: ExecutionProviderChoice;
  /**
   * WASM threads. onnxruntime-web reads this once, before its first session, from `env.wasm.numThreads`; the
   * runner sets it then and reports what it got. Threads need cross-origin isolation in a browser.
   */
  readonly numThreads?: number;
  readonly externalData?: readonly ExternalDataFile[];
}

/** An input or output as the runtime sees it (onnxruntime `InferenceSession.ValueMetadata`). */
export interface SessionValueMetadata {
  readonly name: string;
  readonly isTensor: boolean;
  /** Element type for tensors (`float32`, …). */
  readonly type?: string;
  /** Dimensions: numbers, symbolic names, or `undefined` when the runtime knows neither. */
  readonly shape?: readonly (number | string | undefined)[];
}

/** What running once took and returned. */
export interface RunResult {
  readonly outputs: Readonly<Record<string, TensorData>>;
  /** Wall-clock milliseconds of the runtime's `run`, conversion of inputs and outputs included. */
  readonly runMs: number;
}

/** A created session. */
export interface OnnxSession {
  readonly inputs: readonly SessionValueMetadata[];
  readonly outputs: readonly SessionValueMetadata[];
  readonly backend: ExecutionBackend;
  /** WASM threads in use (1 on WebGPU/WebNN, which run kernels elsewhere). */
  readonly threads: number;
  /** Why `auto` (or an unavailable provider) ended on WASM. */
  readonly fallbackReason?: string;
  /** Milliseconds `InferenceSession.create` took. */
  readonly createMs: number;
  /**
   * Runs the model. `outputNames` limits what is fetched (onnxruntime-web cannot return non-tensor values, so
   * callers ask for tensors only); by default every output is fetched.
   *
   * @throws InferenceError with a code naming the cause.
   */
  run(feeds: Readonly<Record<string, TensorData>>, outputNames?: readonly string[]): Promise<RunResult>;
  /** Frees the runtime's memory for this session; the session cannot run afterwards. */
  release(): Promise<void>;
}

/**
 * Creates sessions on one ONNX runtime.
 *
 * @example
 * const runner = createOrtRunner(await import('onnxruntime-web'));
 * const session = await runner.createSession(modelBytes, { executionProvider: 'wasm', numThreads: 2 });
 * const { outputs } = await session.run({ input: createTensorData('float32', [1, 4], [1, 2, 3, 4]) });
 */
export interface OnnxRunner {
  /** @throws InferenceError when the runtime cannot load the model (code says why). */
  createSession(model: Uint8Array, options?: OnnxSessionOptions): Promise<OnnxSession>;
}
