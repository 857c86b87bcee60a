import { describe, expect, it } from 'vitest';
import { readStorageSpace, requestPersistentStorage, type StorageManagerPort } from './storage-space.js';

const storage = (granted: boolean): StorageManagerPort => ({
  estimate: async () => ({ usage: 1_000, quota: 10_000 }),
  persisted: async () => granted,
  persist: async () => true,
});

describe('storage space', () => {
  it('reads usage, quota and persistence', async () => {
    expect(await readStorageSpace(storage(false))).toEqual({ usedBytes: 1_000, quotaBytes: 10_000, isPersisted: false });
  });

  it('returns undefined when the browser has no StorageManager', async () => {
    expect(await readStorageSpace(undefined)).toBeUndefined();
  });

  it('returns undefined when the estimate fails', async () => {
    expect(await readStorageSpace({ estimate: () => Promise.reject(new Error('denied')) })).toBeUndefined();
  });

  it('reports whether persistence was granted', async () => {
    expect(await requestPersistentStorage(storage(false))).toBe(true);
    expect(await requestPersistentStorage({ estimate: async () => ({}) })).toBe(false);
  });
});
