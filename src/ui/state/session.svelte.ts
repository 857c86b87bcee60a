import type { ModelRecord, VersionInfo } from '../../engine/index.js';
import { toAppError, type AppError } from './app-error.js';
import type { BatchScorer } from './batch-scorer.js';
import type { LibraryState } from './library.svelte.js';
import { PmmlPredictor } from './pmml-predictor.js';
import type { Predictor } from './predictor.js';
import type { EngineClient } from '../workers/engine-client.js';
import type { OpenReply } from '../workers/engine-protocol.js';
import type { OnnxSession } from './onnx-session.svelte.js';
import type { OnnxTensorValues, TensorValuesSource } from './onnx-tensor-values.js';

/** The model shown on the model page: its library record, the version, what the engine made of it. */
export interface OpenedModel {
  readonly record: ModelRecord;
  readonly version: VersionInfo;
  readonly reply: OpenReply;
  /** PMML: evaluated in the engine worker. ONNX models run through {@link OpenedModel.onnx} instead. */
  readonly predictor?: Predictor;
  /**
   * Scores whole CSV files: PMML in the engine worker (the same model as `predictor`); ONNX through `onnx`'s
   * session, when the model's only input is `[N, F]`.
   */
  readonly batch?: BatchScorer;
  readonly onnx?: OnnxSession;
  /** ONNX: more of a weight's values than the description's preview, decoded in the engine worker. */
  readonly tensorValues?: OnnxTensorValues;
  /** Inputs to start the form with (a gallery sample's example), by field or tensor name. */
  readonly initialInputs?: Readonly<Record<string, string>>;
}

/** A version the opener has just read, parsed and saved. */
interface Primed {
  readonly reply: OpenReply;
  readonly content: { readonly bytes: ArrayBuffer; readonly externalData: readonly { readonly path: string; readonly bytes: ArrayBuffer }[] };
}

/**
 * The open model. Reads the version's bytes from the library, parses them in the engine worker (unless the
 * opener just did), and builds its predictor. ONNX support (onnxruntime-web) is imported only here, lazily.
 */
export class SessionState {
  opened = $state.raw<OpenedModel | null>(null);
  error = $state.raw<AppError | null>(null);
  isLoading = $state(false);
  /** Parsed replies by version id, kept for the version the opener has just saved. Never rendered. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a private cache, not state
  #primed = new Map<string, Primed>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a private cache, not state
  #presets = new Map<string, Readonly<Record<string, string>>>();
  #request = 0;

  /** The open model's weights, for panels that outlive a model change (they always ask the current model). */
  readonly tensorValues: TensorValuesSource = {
    load: async (tensor, limit) => {
      const source = this.opened?.tensorValues;
      if (!source) throw { code: 'app.unexpected', message: 'No ONNX model is open to read tensor values from.' } satisfies AppError;
      return source.load(tensor, limit);
    },
  };

  constructor(
    private readonly engine: EngineClient,
    private readonly library: LibraryState,
  ) {}

  /**
   * Remembers what the opener already read and parsed, so showing that version neither parses it again nor
   * reads a large model back from IndexedDB.
   */
  prime(versionId: string, reply: OpenReply, content: Primed['content']): void {
    this.#primed.set(versionId, { reply, content });
    // The version on screen saved again (its missing external data now added) opens afresh with the new content.
    const current = this.opened;
    if (current?.version.id === versionId) void this.show(current.record.id, current.version.number);
  }

  /** Inputs the form starts with the next time this version is shown. */
  preset(versionId: string, inputs: Readonly<Record<string, string>>): void {
    this.#presets.set(versionId, inputs);
  }

  /** Shows a model's version (the latest when `number` is undefined). */
  async show(modelId: string, number?: number): Promise<void> {
    const request = ++this.#request;
    this.error = null;
    const isSameModel = this.opened?.record.id === modelId;
    if (!isSameModel) this.isLoading = true;
    try {
      const record = await this.library.loadHistory(modelId);
      if (!record) throw { code: 'store.notFound', message: 'This model is not in your library; it may have been deleted.' } satisfies AppError;
      const version = number === undefined ? record.versions[0] : record.versions.find((v) => v.number === number);
      if (!version) throw { code: 'store.notFound', message: `${record.name} has no version ${number}.` } satisfies AppError;
      if (request !== this.#request) return;
      const current = this.opened;
      if (current?.version.id === version.id && !this.#primed.has(version.id)) {
        this.opened = { ...current, record, version };
        return;
      }
      this.isLoading = true;
      const opened = await this.#open(record, version);
      if (request !== this.#request) {
        dispose(opened);
        return;
      }
      this.close();
      this.opened = opened;
    } catch (error) {
      if (request === this.#request) this.error = toAppError(error);
    } finally {
      if (request === this.#request) this.isLoading = false;
    }
  }

  /** Refreshes the open model's library record after a rename or new notes. */
  async refreshRecord(): Promise<void> {
    const current = this.opened;
    if (!current) return;
    const record = await this.library.loadHistory(current.record.id);
    if (!record) return;
    const version = record.versions.find((v) => v.id === current.version.id) ?? current.version;
    if (this.opened === current) this.opened = { ...current, record, version };
  }

  /** Leaves the model page: frees the open model and drops any show still in flight. */
  leave(): void {
    this.#request += 1;
    this.close();
    this.isLoading = false;
    this.error = null;
  }

  close(): void {
    if (this.opened) dispose(this.opened);
    this.opened = null;
  }

  async #open(record: ModelRecord, version: VersionInfo): Promise<OpenedModel> {
    const primed = this.#primed.get(version.id);
    this.#primed.delete(version.id);
    const content = primed?.content ?? (await this.library.readVersion(version.id));
    const reply = primed?.reply ?? (await this.engine.open(version.fileName, content.bytes));
    const initialInputs = this.#presets.get(version.id);
    this.#presets.delete(version.id);
    if (reply.format === 'onnx') {
      const [{ OnnxSession }, { OnnxBatchScorer }] = await Promise.all([import('./onnx-session.svelte.js'), import('./onnx-batch.js')]);
      const onnx = new OnnxSession(reply.description, content, () => this.library.readVersion(version.id));
      const batch = OnnxBatchScorer.forInputs(reply.description.inputTensors, (feeds) => onnx.run(feeds));
      // Like the runtime, the weights reader is loaded with the first ONNX model, never with the app.
      const { OnnxTensorValues } = await import('./onnx-tensor-values.js');
      const tensorValues = reply.handle === undefined ? undefined : new OnnxTensorValues(this.engine, reply.handle, reply.description);
      return { record, version, reply, onnx, tensorValues, initialInputs, ...(batch ? { batch } : {}) };
    }
    if (reply.handle === undefined) throw { code: 'app.unexpected', message: 'The engine opened the model but cannot evaluate it.' } satisfies AppError;
    const pmml = new PmmlPredictor(this.engine, reply.handle, reply.resultFields);
    return { record, version, reply, predictor: pmml, batch: pmml, initialInputs };
  }
}

function dispose(opened: OpenedModel): void {
  opened.predictor?.dispose();
  opened.onnx?.dispose();
  opened.tensorValues?.dispose();
}
