/**
 * The engine's public surface: the UI, its workers and the CLI import from here. Everything exported is plain
 * TypeScript that runs unchanged in a browser, a Web Worker and Node.
 */

// Errors and the format-neutral model description.
export * from './errors.js';
export type * from './model/description.js';

// Formats: the registration table, detection and opening any supported file.
export { MAX_PEEK_BYTES, type FileInput, type ModelFormat } from './formats/model-format.js';
export { detectFormat, FORMATS, openModelFile, type FormatRegistration, type OpenedModel } from './formats/detect.js';

// Model registry: the port, its two implementations and storage space helpers.
export type * from './registry/model-store.js';
export { createMemoryModelStore, type MemoryModelStoreOptions } from './registry/memory-store.js';
export { openIdbModelStore, type IdbModelStoreOptions } from './registry/idb-store.js';
export {
  readStorageSpace,
  requestPersistentStorage,
  type StorageManagerPort,
  type StorageSpace,
} from './registry/storage-space.js';
export { sha256Hex } from './registry/content-hash.js';

// Share links.
export {
  buildShareUrl,
  decodeShareFragment,
  encodeShareFragment,
  hasShareFragment,
  MAX_INFLATED_BYTES,
  MAX_INLINE_COMPRESSED_BYTES,
  readShareUrl,
  SHARE_LINK_VERSION,
  type SharePayload,
  type ShareSource,
} from './share/share-link.js';
