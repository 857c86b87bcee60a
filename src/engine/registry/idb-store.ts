import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { StoreError } from '../errors.js';
import type { ModelStore } from './model-store.js';
import { RecordModelStore, type RecordModelStoreOptions } from './record-model-store.js';
import type { ContentRow, ModelRow, RecordBackend, RecordStoreName, RecordTransaction, VersionRow } from './records.js';

/** Options of {@link openIdbModelStore}. */
export interface IdbModelStoreOptions extends RecordModelStoreOptions {
  /** The browser passes `indexedDB`; tests pass fake-indexeddb's factory. */
  readonly indexedDB: IDBFactory;
  /** Defaults to `modelport`. */
  readonly databaseName?: string;
  /**
   * Called when another tab opens a newer schema: this store has closed its connection so that the upgrade can
   * proceed, and every later call fails with `store.failed`. The app should ask the person to reload.
   */
  readonly onVersionChange?: () => void;
  /** Schema version to open; only tests of the upgrade handshake pass it. */
  readonly schemaVersion?: number;
}

/** Current schema: v1 = `models`, `versions` (indexed by model and by hash) and `contents` (bytes). */
const SCHEMA_VERSION = 1;

interface RegistrySchema extends DBSchema {
  models: { key: string; value: ModelRow };
  versions: { key: string; value: VersionRow; indexes: { byModel: string; bySha256: string } };
  contents: { key: string; value: ContentRow };
}

type Database = IDBPDatabase<RegistrySchema>;

/**
 * Opens the model registry in IndexedDB. Each save is one transaction across metadata and bytes, so a failed
 * save (quota exceeded, private mode) leaves nothing half-written. Bytes live in their own object store, so
 * listing reads metadata only.
 *
 * Two tabs: when a newer version of the app upgrades the schema, this connection closes itself
 * (`onVersionChange`); when an older tab refuses to close, opening fails with `store.blocked`.
 *
 * @example
 * const store = await openIdbModelStore({ indexedDB, onVersionChange: () => app.askToReload() });
 */
export async function openIdbModelStore(options: IdbModelStoreOptions): Promise<ModelStore> {
  const backend = new IdbBackend();
  const db = await openDatabase(options, () => {
    backend.markClosedByUpgrade();
    options.onVersionChange?.();
  });
  backend.attach(db);
  return new RecordModelStore(backend, options);
}

function openDatabase(options: IdbModelStoreOptions, onVersionChange: () => void): Promise<Database> {
  const name = options.databaseName ?? 'modelport';
  return new Promise((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      request = options.indexedDB.open(name, options.schemaVersion ?? SCHEMA_VERSION);
    } catch (error) {
      reject(unavailable(error));
      return;
    }
    let isBlocked = false;
    request.onupgradeneeded = () => createSchema(request.result);
    request.onblocked = () => {
      isBlocked = true;
      reject(
        new StoreError(
          'ModelPort is open in another tab with an older version of the model library; close that tab and reload this one.',
          'store.blocked',
        ),
      );
    };
    request.onsuccess = () => {
      const raw = request.result;
      // The other tab closed after all, but this caller has already been told "blocked".
      if (isBlocked) return raw.close();
      raw.onversionchange = () => {
        raw.close();
        onVersionChange();
      };
      try {
        resolve(wrap(raw) as unknown as Database);
      } catch (error) {
        raw.close();
        reject(unavailable(error));
      }
    };
    request.onerror = () => reject(unavailable(request.error));
  });
}

/** Creates whatever the database lacks, so every older version upgrades to the current schema. */
function createSchema(db: IDBDatabase): void {
  if (!db.objectStoreNames.contains('models')) db.createObjectStore('models', { keyPath: 'id' });
  if (!db.objectStoreNames.contains('versions')) {
    const versions = db.createObjectStore('versions', { keyPath: 'id' });
    versions.createIndex('byModel', 'modelId');
    versions.createIndex('bySha256', 'sha256');
  }
  if (!db.objectStoreNames.contains('contents')) db.createObjectStore('contents', { keyPath: 'versionId' });
}

class IdbBackend implements RecordBackend {
  #db: Database | undefined;
  #isClosedByUpgrade = false;

  attach(db: Database): void {
    this.#db = db;
  }

  markClosedByUpgrade(): void {
    this.#isClosedByUpgrade = true;
  }

  async transact<T>(
    stores: readonly RecordStoreName[],
    mode: 'readonly' | 'readwrite',
    work: (tx: RecordTransaction) => Promise<T>,
  ): Promise<T> {
    if (!this.#db || this.#isClosedByUpgrade) throw this.#closedError();
    let tx: IDBPTransaction<RegistrySchema, StoreNames<RegistrySchema>[], 'readonly' | 'readwrite'>;
    try {
      tx = this.#db.transaction([...stores], mode);
    } catch (error) {
      throw this.#mapError(error);
    }
    // An abort rejects `done`; the failure is reported through the catch below instead.
    tx.done.catch(() => undefined);
    try {
      const result = await work(adapt(tx));
      await tx.done;
      return result;
    } catch (error) {
      abortQuietly(tx);
      throw this.#mapError(error);
    }
  }

  close(): void {
    this.#db?.close();
  }

  #closedError(): StoreError {
    return new StoreError(
      'The model library was closed because a newer version of ModelPort opened it in another tab; reload this page.',
      'store.failed',
    );
  }

  #mapError(error: unknown): StoreError {
    if (error instanceof StoreError) return error;
    const name = errorName(error);
    if (name === 'QuotaExceededError') {
      return new StoreError(
        "There is not enough storage space to save the model: this site's browser storage quota is used up. Delete some models or free disk space, then try again.",
        'store.quota',
        { cause: error },
      );
    }
    if (this.#isClosedByUpgrade) return this.#closedError();
    return new StoreError(`The model library could not be read or written (${describe(error)}).`, 'store.failed', {
      cause: error,
    });
  }
}

function adapt(
  tx: IDBPTransaction<RegistrySchema, StoreNames<RegistrySchema>[], 'readonly' | 'readwrite'>,
): RecordTransaction {
  const models = () => tx.objectStore('models');
  const versions = () => tx.objectStore('versions');
  const contents = () => tx.objectStore('contents');
  return {
    getModel: (id) => models().get(id),
    allModels: () => models().getAll(),
    putModel: async (row) => void (await models().put!(row)),
    deleteModel: (id) => models().delete!(id),
    getVersion: (id) => versions().get(id),
    allVersions: () => versions().getAll(),
    versionsOf: (modelId) => versions().index('byModel').getAll(modelId),
    versionsWithSha256: (sha256) => versions().index('bySha256').getAll(sha256),
    putVersion: async (row) => void (await versions().put!(row)),
    deleteVersion: (id) => versions().delete!(id),
    getContent: (versionId) => contents().get(versionId),
    putContent: async (row) =>
      void (await contents().put!({
        versionId: row.versionId,
        bytes: asBlob(row.bytes),
        externalData: row.externalData.map((file) => ({ path: file.path, bytes: asBlob(file.bytes) })),
      })),
    deleteContent: (versionId) => contents().delete!(versionId),
  };
}

function asBlob(bytes: ArrayBuffer | Blob): Blob {
  return bytes instanceof Blob ? bytes : new Blob([bytes]);
}

function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already committed or aborted by the browser (quota); nothing is left to undo.
  }
}

function unavailable(error: unknown): StoreError {
  return new StoreError(
    `The browser refused to open the model library (${describe(error)}); private browsing modes may disable storage.`,
    'store.failed',
    { cause: error },
  );
}

function errorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : undefined;
}

function describe(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error && String(error.message) !== '') {
    return `${errorName(error) ?? 'Error'}: ${String(error.message)}`;
  }
  return String(error);
}
