import type { ModelDescription } from '../../engine/model/description.js';
import { toAppError, type AppError } from './app-error.js';
import type { ExecutionProviderChoice } from '../../engine/formats/onnx/runner.js';
import { createTensorData, type ElementInput, type TensorData } from '../../engine/formats/onnx/tensor-data.js';
import type { TensorElementType } from '../../engine/formats/onnx/element-types.js';
import type { OnnxWorkerClient } from '../onnx/onnx-client.js';
import type { OnnxRunReply } from '../onnx/protocol.js';
import { onnxOutcome } from './onnx-outcome.js';
import { addRunTime, median } from './run-timings.js';
import type { PredictionOutcome, Predictor } from './predictor.js';
import type { TensorFeed } from './tensor-input.js';

/** A model's bytes and its ONNX external data files, as the library stores them. */
export interface ModelContent {
  readonly bytes: ArrayBuffer;
  readonly externalData: readonly { readonly path: string; readonly bytes: ArrayBuffer }[];
}

/** Execution providers a person can pick; `auto` tries WebGPU and falls back to WebAssembly. */
export type BackendChoice = ExecutionProviderChoice;


/**
 * One ONNX model in onnxruntime-web (inside its own worker): the backend and thread count chosen, what the
 * runtime actually used, and a {@link Predictor} whose calls wait for the session to be ready.
 */
export class OnnxSession {
  backend = $state<BackendChoice>(preferences().backend);
  threads = $state(preferences().threads);
  status = $state<'loading' | 'ready' | 'error'>('loading');
  backendInUse = $state<string | null>(null);
  fallbackReason = $state<string | null>(null);
  /** What the runtime reports after opening: WASM threads in use and how long creating the session took. */
  threadsInUse = $state(1);
  createMs = $state<number | null>(null);
  /** The warm-up run's time (zeros as inputs), or null when it was not done or failed. */
  firstRunMs = $state<number | null>(null);
  /** Why the warm-up run failed; the model may still run on real inputs. */
  warmUpError = $state<string | null>(null);
  /** Latencies of the latest real runs of this session, oldest first (the warm-up is not among them). */
  runTimes = $state.raw<readonly number[]>([]);
  /** Median of {@link runTimes}, or null before the first real run. */
  readonly steadyMs = $derived(median(this.runTimes) ?? null);
  error = $state.raw<AppError | null>(null);
  /** Whether the page is cross-origin isolated; without it the runtime uses one thread whatever is asked. */
  readonly canUseThreads = typeof crossOriginIsolated === 'boolean' && crossOriginIsolated;

  readonly predictor: Predictor;
  #client: Promise<OnnxWorkerClient>;
  #runs: Promise<unknown> = Promise.resolve();
  /** How many sessions have been started; the latest one's outcome is what the page shows. */
  #starts = 0;

  /** The model's bytes until the first session takes them; later sessions read them again with `reload`. */
  #content: ModelContent | undefined;

  /**
   * @param content the model and its external data files; their buffers move to the ONNX worker (transferred, so
   *   this page keeps no copy of a model that may be hundreds of MB).
   * @param reload reads them again (from the library) when another backend or thread count is chosen.
   */
  constructor(
    private readonly description: ModelDescription,
    content: ModelContent,
    private readonly reload: () => Promise<ModelContent>,
  ) {
    this.#content = content;
    this.#client = this.#start();
    this.predictor = {
      predict: (inputs) => this.#predict(inputs as Readonly<Record<string, TensorFeed>>),
      dispose: () => this.dispose(),
    };
  }

  /** Reopens the model with another backend or thread count. */
  async configure(backend: BackendChoice, threads: number): Promise<void> {
    this.backend = backend;
    this.threads = threads;
    savePreferences({ backend, threads });
    const previous = this.#client;
    this.#client = this.#start();
    (await previous.catch(() => undefined))?.dispose();
    await this.#client.catch(() => undefined);
  }

  /**
   * Runs the session on ready-made tensors (batch scoring), once it is ready. Runs wait for each other, the form's
   * predictions included: onnxruntime-web does not run one session concurrently.
   */
  run(feeds: Readonly<Record<string, TensorData>>): Promise<OnnxRunReply> {
    return this.#serial(async () => (await this.#client).run(feeds));
  }

  #serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.#runs.then(task);
    this.#runs = next.catch(() => undefined);
    return next;
  }

  dispose(): void {
    void this.#client.then((client) => client.dispose()).catch(() => undefined);
  }

  async #start(): Promise<OnnxWorkerClient> {
    // Two quick changes (a backend, then threads) start two sessions; only the latest may report to the page.
    const start = ++this.#starts;
    const isLatest = () => start === this.#starts;
    this.status = 'loading';
    this.error = null;
    // Timings belong to one session: another backend or thread count starts them afresh.
    this.createMs = null;
    this.firstRunMs = null;
    this.warmUpError = null;
    this.runTimes = [];
    try {
      // onnxruntime-web and its worker load here, the first time an ONNX model is shown, never with the app.
      const { createOnnxClient } = await import('../onnx/index.js');
      const client = createOnnxClient();
      const content = this.#content ?? (await this.reload());
      this.#content = undefined;
      const opened = await client.open(
        new Uint8Array(content.bytes),
        content.externalData.map((f) => ({ path: f.path, data: new Uint8Array(f.bytes) })),
        { executionProvider: this.backend, numThreads: this.threads },
        true,
      );
      if (!isLatest()) return client;
      this.backendInUse = opened.backend;
      this.fallbackReason = opened.fallbackReason ?? null;
      this.threadsInUse = opened.threads;
      this.createMs = opened.timings.createMs;
      this.firstRunMs = opened.timings.firstRunMs ?? null;
      this.warmUpError = opened.timings.warmUpError ?? null;
      this.status = 'ready';
      return client;
    } catch (error) {
      const failure = toAppError(error);
      if (isLatest()) {
        this.error = failure;
        this.status = 'error';
      }
      throw failure;
    }
  }

  async #predict(feeds: Readonly<Record<string, TensorFeed>>): Promise<PredictionOutcome> {
    const pending = this.#client;
    const client = await pending;
    const tensors = Object.fromEntries(
      Object.entries(feeds).map(([name, feed]) => [name, createTensorData(feed.type as TensorElementType, feed.dims, feed.data as readonly ElementInput[], name)]),
    );
    const started = performance.now();
    const { outputs, runMs } = await this.#serial(() => client.run(tensors));
    const latency = runMs ?? performance.now() - started;
    // A run that finishes after a reconfigure timed the session that was replaced.
    if (pending === this.#client) this.runTimes = addRunTime(this.runTimes, latency);
    return onnxOutcome(this.description.outputTensors, outputs, latency, this.backendInUse ?? undefined);
  }
}

/** The last backend and thread count a person chose, kept for the next ONNX model (and the next visit). */
const PREFERENCES_KEY = 'modelport.onnx';
const BACKENDS: readonly BackendChoice[] = ['auto', 'wasm', 'webgpu', 'webnn'];

function preferences(): { backend: BackendChoice; threads: number } {
  const fallback = { backend: 'auto' as const, threads: Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1)) };
  try {
    const saved = JSON.parse(localStorage.getItem(PREFERENCES_KEY) ?? 'null') as { backend?: unknown; threads?: unknown } | null;
    const backend = BACKENDS.find((b) => b === saved?.backend) ?? fallback.backend;
    const threads = typeof saved?.threads === 'number' && saved.threads >= 1 && saved.threads <= 16 ? Math.round(saved.threads) : fallback.threads;
    return { backend, threads };
  } catch {
    return fallback;
  }
}

function savePreferences(value: { backend: BackendChoice; threads: number }): void {
  try {
    localStorage.setItem(PREFERENCES_KEY, JSON.stringify(value));
  } catch {
    // Storage may be disabled (private modes); the choice then lasts for this model only.
  }
}
