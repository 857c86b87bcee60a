/**
 * Storage space and persistence, read through the browser's `StorageManager`. The engine never touches
 * `navigator`: the app passes `navigator.storage` (which may be undefined outside secure contexts).
 */

/** The part of the browser's `StorageManager` this module uses. */
export interface StorageManagerPort {
  estimate(): Promise<{ usage?: number; quota?: number }>;
  persisted?(): Promise<boolean>;
  persist?(): Promise<boolean>;
}

/** How much the site stores and may store, and whether the browser may evict it under pressure. */
export interface StorageSpace {
  readonly usedBytes: number;
  readonly quotaBytes: number;
  /** True when the browser granted persistent storage (it will not evict the library to free space). */
  readonly isPersisted: boolean;
}

/** Reads the storage estimate; `undefined` when the browser offers no StorageManager or it fails. */
export async function readStorageSpace(storage: StorageManagerPort | undefined): Promise<StorageSpace | undefined> {
  if (!storage) return undefined;
  try {
    const { usage = 0, quota = 0 } = await storage.estimate();
    const isPersisted = (await storage.persisted?.()) ?? false;
    return { usedBytes: usage, quotaBytes: quota, isPersisted };
  } catch {
    return undefined;
  }
}

/**
 * Asks the browser to keep the library when space runs low. Browsers decide on their own (Chromium grants it to
 * installed or often-used sites, Firefox asks the person); the result says whether it was granted.
 */
export async function requestPersistentStorage(storage: StorageManagerPort | undefined): Promise<boolean> {
  if (!storage?.persist) return false;
  try {
    return await storage.persist();
  } catch {
    return false;
  }
}
