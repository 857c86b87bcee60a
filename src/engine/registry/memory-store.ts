import { StoreError } from '../errors.js';
import type { ModelStore } from './model-store.js';
import { RecordModelStore, type RecordModelStoreOptions } from './record-model-store.js';
import type { ContentRow, ModelRow, RecordBackend, RecordTransaction, VersionRow } from './records.js';

/** Options of {@link createMemoryModelStore}. */
export interface MemoryModelStoreOptions extends RecordModelStoreOptions {
  /** Total bytes of model content the store accepts before failing with `store.quota` (default: unlimited). */
  readonly quotaBytes?: number;
}

/**
 * A {@link ModelStore} that lives in memory and is gone on reload: the in-memory twin of the IndexedDB store, for
 * tests and for browsers where IndexedDB cannot be opened (some private modes).
 */
export function createMemoryModelStore(options: MemoryModelStoreOptions = {}): ModelStore {
  return new RecordModelStore(new MemoryBackend(options.quotaBytes ?? Number.POSITIVE_INFINITY), options);
}

interface Tables {
  readonly models: Map<string, ModelRow>;
  readonly versions: Map<string, VersionRow>;
  readonly contents: Map<string, ContentRow>;
}

/**
 * Transactions run one at a time on copies of the tables, which replace the originals only when the work
 * resolves: a failed write leaves nothing behind, as an aborted IndexedDB transaction does. Values are
 * structured-cloned in and out, so callers never share objects or buffers with the store.
 */
class MemoryBackend implements RecordBackend {
  #tables: Tables = { models: new Map(), versions: new Map(), contents: new Map() };
  #queue: Promise<unknown> = Promise.resolve();
  #isClosed = false;
  readonly #quotaBytes: number;

  constructor(quotaBytes: number) {
    this.#quotaBytes = quotaBytes;
  }

  transact<T>(_stores: unknown, mode: 'readonly' | 'readwrite', work: (tx: RecordTransaction) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      if (this.#isClosed) throw new StoreError('The model library has been closed.', 'store.failed');
      const draft: Tables = {
        models: new Map(this.#tables.models),
        versions: new Map(this.#tables.versions),
        contents: new Map(this.#tables.contents),
      };
      const result = await work(this.#transaction(draft));
      if (mode === 'readwrite') this.#tables = draft;
      return result;
    };
    const next = this.#queue.then(run, run);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  close(): void {
    this.#isClosed = true;
  }

  #transaction(t: Tables): RecordTransaction {
    const get = async <V>(map: Map<string, V>, key: string) => {
      const value = map.get(key);
      return value === undefined ? undefined : structuredClone(value);
    };
    const all = async <V>(map: Map<string, V>) => [...map.values()].map((v) => structuredClone(v));
    const versionsWhere = async (keep: (v: VersionRow) => boolean) => (await all(t.versions)).filter(keep);
    return {
      getModel: (id) => get(t.models, id),
      allModels: () => all(t.models),
      putModel: async (row) => void t.models.set(row.id, structuredClone(row)),
      deleteModel: async (id) => void t.models.delete(id),
      getVersion: (id) => get(t.versions, id),
      allVersions: () => all(t.versions),
      versionsOf: (modelId) => versionsWhere((v) => v.modelId === modelId),
      versionsWithSha256: (sha256) => versionsWhere((v) => v.sha256 === sha256),
      putVersion: async (row) => void t.versions.set(row.id, structuredClone(row)),
      deleteVersion: async (id) => void t.versions.delete(id),
      getContent: (versionId) => get(t.contents, versionId),
      putContent: async (row) => {
        const used = [...t.contents.values()].reduce((sum, c) => sum + contentSize(c), 0);
        if (used + contentSize(row) > this.#quotaBytes) {
          throw new StoreError(
            `There is not enough storage space to save this model (${contentSize(row)} bytes); delete some models and try again.`,
            'store.quota',
          );
        }
        t.contents.set(row.versionId, structuredClone(row));
      },
      deleteContent: async (versionId) => void t.contents.delete(versionId),
    };
  }
}

function contentSize(row: ContentRow): number {
  const size = (bytes: ArrayBuffer | Blob) => (bytes instanceof Blob ? bytes.size : bytes.byteLength);
  return size(row.bytes) + row.externalData.reduce((sum, f) => sum + size(f.bytes), 0);
}
