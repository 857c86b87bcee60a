import type { VersionInfo } from './model-store.js';

/**
 * The three record kinds a registry keeps, and the transaction shape both storage mechanisms provide.
 * Metadata (`models`, `versions`) and bytes (`contents`) live apart so listing never loads bytes.
 */

export interface ModelRow {
  readonly id: string;
  readonly name: string;
  readonly createdAt: number;
  /** The number the next version gets; numbers are never reused, even after a purge. */
  readonly nextNumber: number;
  readonly deletedAt?: number;
}

export interface VersionRow extends VersionInfo {
  readonly deletedAt?: number;
}

/**
 * A version's bytes. IndexedDB keeps them as Blobs, which it stores out of line: Chromium refuses a single
 * serialized value over 127 MiB, so a large model as an ArrayBuffer could not be saved at all.
 */
export interface ContentRow {
  readonly versionId: string;
  readonly bytes: ArrayBuffer | Blob;
  readonly externalData: readonly { readonly path: string; readonly bytes: ArrayBuffer | Blob }[];
}

/** The record stores a transaction can span. */
export type RecordStoreName = 'models' | 'versions' | 'contents';

/** Reads and writes inside one transaction; all of them commit together or none does. */
export interface RecordTransaction {
  getModel(id: string): Promise<ModelRow | undefined>;
  allModels(): Promise<ModelRow[]>;
  putModel(row: ModelRow): Promise<void>;
  deleteModel(id: string): Promise<void>;
  getVersion(id: string): Promise<VersionRow | undefined>;
  allVersions(): Promise<VersionRow[]>;
  versionsOf(modelId: string): Promise<VersionRow[]>;
  versionsWithSha256(sha256: string): Promise<VersionRow[]>;
  putVersion(row: VersionRow): Promise<void>;
  deleteVersion(id: string): Promise<void>;
  getContent(versionId: string): Promise<ContentRow | undefined>;
  putContent(row: ContentRow): Promise<void>;
  deleteContent(versionId: string): Promise<void>;
}

/** A storage mechanism: runs `work` in one transaction over `stores`, committing only when it resolves. */
export interface RecordBackend {
  transact<T>(
    stores: readonly RecordStoreName[],
    mode: 'readonly' | 'readwrite',
    work: (tx: RecordTransaction) => Promise<T>,
  ): Promise<T>;
  close(): void;
}
