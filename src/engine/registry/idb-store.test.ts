// idb recognises IndexedDB objects through the global classes (IDBDatabase, IDBTransaction, …), which Node lacks;
// `auto` installs fake-indexeddb's. Each store below still gets its own injected, empty factory.
import 'fake-indexeddb/auto';
import { IDBDatabase, IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreError } from '../errors.js';
import { openIdbModelStore } from './idb-store.js';
import { runModelStoreContract } from './model-store.contract.js';

/**
 * fake-indexeddb has neither a quota nor a size limit per value. Databases whose name starts with `quota-<bytes>-`
 * refuse content records larger than that, throwing the browser's QuotaExceededError from `put`; those whose name
 * starts with `value-limit-<bytes>-` refuse a record holding an ArrayBuffer larger than that, as Chromium refuses
 * a serialized value over 127 MiB (Blobs are stored apart and do not count).
 */
const originalPut = IDBObjectStore.prototype.put;
beforeAll(() => {
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    const name = this.transaction.db.name;
    const quota = /^quota-(\d+)-/.exec(name)?.[1];
    const bytes = (value as { bytes?: ArrayBuffer | Blob }).bytes;
    const size = bytes instanceof Blob ? bytes.size : (bytes?.byteLength ?? 0);
    if (quota && this.name === 'contents' && size > Number(quota)) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    const limit = /^value-limit-(\d+)-/.exec(name)?.[1];
    if (limit && bytes instanceof ArrayBuffer && bytes.byteLength > Number(limit)) {
      throw new DOMException('The serialized keys and/or value are too large.', 'UnknownError');
    }
    return originalPut.call(this, value, key);
  };
});
afterAll(() => {
  IDBObjectStore.prototype.put = originalPut;
});

runModelStoreContract('IndexedDB', {
  create: (now) => openIdbModelStore({ indexedDB: new IDBFactory(), now }),
  createWithQuota: (quotaBytes) =>
    openIdbModelStore({ indexedDB: new IDBFactory(), databaseName: `quota-${quotaBytes}-modelport` }),
});

describe('IndexedDB store of large models', () => {
  it('saves and reads back a model larger than the browser takes in one value, its bytes kept as Blobs', async () => {
    const store = await openIdbModelStore({ indexedDB: new IDBFactory(), databaseName: 'value-limit-16-modelport' });
    const bytes = Uint8Array.from({ length: 64 }, (_, i) => i);
    const { version } = await store.add({
      name: 'Big',
      fileName: 'big.onnx',
      bytes,
      format: 'onnx',
      kind: 'ONNX graph',
      externalData: [{ path: 'big.onnx.data', bytes: new Uint8Array(32).fill(7) }],
    });
    const content = await store.readVersion(version.id);
    expect([...new Uint8Array(content.bytes)]).toEqual([...bytes]);
    expect([...new Uint8Array(content.externalData[0].bytes)]).toEqual(Array(32).fill(7));
    store.close();
  });
});

describe('IndexedDB store across tabs', () => {
  it('keeps models across connections, as across a reload', async () => {
    const indexedDB = new IDBFactory();
    const first = await openIdbModelStore({ indexedDB });
    await first.add({ name: 'Kept', fileName: 'kept.pmml', bytes: new Uint8Array([1]), format: 'pmml', kind: 'TreeModel' });
    first.close();
    const second = await openIdbModelStore({ indexedDB });
    expect((await second.list()).map((m) => m.name)).toEqual(['Kept']);
    second.close();
  });

  it('closes itself and tells the app when another tab opens a newer schema', async () => {
    const indexedDB = new IDBFactory();
    let isTold = false;
    const old = await openIdbModelStore({ indexedDB, onVersionChange: () => (isTold = true) });
    const newer = await openIdbModelStore({ indexedDB, schemaVersion: 2 });
    expect(isTold).toBe(true);
    const error = await old.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('store.failed');
    expect(await newer.list()).toEqual([]);
    newer.close();
  });

  it('reports store.blocked when an older tab does not let go of the database', async () => {
    const indexedDB = new IDBFactory();
    const stubborn = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open('modelport', 1);
      request.onsuccess = () => resolve(request.result);
    });
    const error = await openIdbModelStore({ indexedDB, schemaVersion: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('store.blocked');
    stubborn.close();
  });
});

describe('IndexedDB store layout', () => {
  it('lists and reads histories without opening the object store that holds bytes', async () => {
    const store = await openIdbModelStore({ indexedDB: new IDBFactory() });
    const { model } = await store.add({ name: 'Big', fileName: 'big.onnx', bytes: new Uint8Array(1024), format: 'onnx', kind: 'ONNX graph' });
    const scopes: string[][] = [];
    const original = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, names: string | string[], ...rest: [IDBTransactionMode?]) {
      scopes.push([names].flat());
      return original.call(this, names, ...rest);
    };
    try {
      await store.list();
      await store.get(model.id);
    } finally {
      IDBDatabase.prototype.transaction = original;
      store.close();
    }
    expect(scopes).toHaveLength(2);
    expect(scopes.flat()).not.toContain('contents');
  });
});
