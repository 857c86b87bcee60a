import type { FormatId } from '../model/description.js';

/**
 * The model registry port: the person's library of models, kept across visits.
 *
 * A model has a name and one or more **versions**; adding a file under a name that is already known adds a
 * version to that model. Versions are content-addressed: adding bytes whose SHA-256 equals a stored version's
 * returns that version instead of storing a copy.
 *
 * Deleting is soft: `deleteModel`/`deleteVersion` hide the record and return an {@link UndoToken}; `restore`
 * brings it back, and `purgeDeleted` removes soft-deleted records for good (the UI calls it once the "Undo"
 * offer has expired, or at start-up).
 *
 * Implementations: `MemoryModelStore` (tests, private mode fallback) and `IdbModelStore` (IndexedDB). Both pass
 * `model-store.contract.ts`. Every method throws only {@link StoreError} (`store.notFound`, `store.quota`,
 * `store.blocked`, `store.failed`).
 *
 * @example
 * const { model, version, isDuplicate } = await store.add({
 *   name: 'Iris tree', fileName: 'iris.pmml', bytes, format: 'pmml', kind: 'TreeModel',
 * });
 * const undo = await store.deleteModel(model.id);
 * await store.restore(undo); // the person clicked "Undo"
 */
export interface ModelStore {
  /**
   * Stores a file as a new model, or as a new version of the model with the same name. Deduplicates by the hashes
   * of the model bytes and its external data files; a stored version that lacks the data files it refers to is
   * completed by an add that brings them.
   */
  add(file: NewModelFile): Promise<AddResult>;
  /** Every live model with a summary of its latest version, most recently updated first. Never loads bytes. */
  list(): Promise<ModelSummary[]>;
  /** One model with its live versions, newest first. Throws `store.notFound`. */
  get(modelId: string): Promise<ModelRecord>;
  /** The version whose content hash is `sha256` (lower-case hex), if a live one is stored. */
  findBySha256(sha256: string): Promise<VersionInfo | undefined>;
  /** The bytes of a version (and its ONNX external data files). Throws `store.notFound`. */
  readVersion(versionId: string): Promise<VersionContent>;
  /** Renames a model. A name another live model already has is refused (`store.failed`). */
  rename(modelId: string, name: string): Promise<ModelSummary>;
  /** Replaces the notes of a version. */
  annotate(versionId: string, notes: string): Promise<VersionInfo>;
  /** Sets (or, with `undefined`, removes) the class labels a person added to a version's scores. */
  setClassLabels(versionId: string, labels: readonly string[] | undefined): Promise<VersionInfo>;
  /** Hides a version; when it was the model's last live version the model disappears from `list` too. */
  deleteVersion(versionId: string): Promise<UndoToken>;
  /** Hides a model and all its versions. */
  deleteModel(modelId: string): Promise<UndoToken>;
  /** Undoes a delete. Throws `store.notFound` when the record was purged meanwhile. */
  restore(token: UndoToken): Promise<void>;
  /** Removes the record of one delete and its bytes for good, once its "Undo" offer is over; a restored one stays. */
  discard(token: UndoToken): Promise<void>;
  /** Removes soft-deleted records (deleted at or before `before`, default: all) and their bytes for good. */
  purgeDeleted(before?: number): Promise<number>;
  /** The model file of a version with a name to save it under (ONNX external data stays in `readVersion`). */
  exportVersion(versionId: string): Promise<ExportedFile>;
  /** Releases the underlying connection. */
  close(): void;
}

/** A file to add to the registry. */
export interface NewModelFile {
  /** The model's display name; versions are grouped under it. */
  readonly name: string;
  /** The name of the file as the person chose it, e.g. `iris.pmml`. */
  readonly fileName: string;
  readonly bytes: ArrayBuffer | Uint8Array;
  readonly format: FormatId;
  /** Model kind as the format names it: a PMML model element (`TreeModel`) or `ONNX graph`. */
  readonly kind: string;
  readonly producer?: string;
  readonly notes?: string;
  /** ONNX external data files, by the `location` the model refers to them with. */
  readonly externalData?: readonly StoredExternalData[];
}

/** One ONNX external data file to store with a version. */
export interface StoredExternalData {
  /** The path as written in the model's `TensorProto.external_data` `location` entry. */
  readonly path: string;
  readonly bytes: ArrayBuffer | Uint8Array;
}

/** Metadata of one stored version (no bytes). */
export interface VersionInfo {
  readonly id: string;
  readonly modelId: string;
  /** 1 for the first version of a model, then 2, 3, … (numbers are never reused). */
  readonly number: number;
  readonly fileName: string;
  /** SHA-256 of the model bytes, lower-case hex. */
  readonly sha256: string;
  /** Size of the model bytes plus its external data files. */
  readonly size: number;
  readonly format: FormatId;
  readonly kind: string;
  readonly producer?: string;
  /** Milliseconds since the epoch. */
  readonly addedAt: number;
  readonly notes: string;
  /**
   * Class names a person added for the version's class scores (an ONNX classifier whose file names none), in
   * class order; absent when none were added.
   */
  readonly classLabels?: readonly string[];
  /**
   * Paths, sizes and SHA-256 of the version's ONNX external data files. Two adds are the same version only when
   * the model bytes and every data file match (`sha256` is absent in records stored before it was kept).
   */
  readonly externalData: readonly { readonly path: string; readonly size: number; readonly sha256?: string }[];
}

/** A model with its live versions, newest first. */
export interface ModelRecord {
  readonly id: string;
  readonly name: string;
  readonly createdAt: number;
  readonly versions: readonly VersionInfo[];
}

/** What `list` returns per model. */
export interface ModelSummary {
  readonly id: string;
  readonly name: string;
  readonly createdAt: number;
  readonly versionCount: number;
  /** The newest live version. */
  readonly latest: VersionInfo;
}

/** The outcome of `add`. */
export interface AddResult {
  readonly model: ModelSummary;
  readonly version: VersionInfo;
  /** True when the bytes were already stored and the existing version was returned. */
  readonly isDuplicate: boolean;
}

/** The stored bytes of a version. */
export interface VersionContent {
  readonly version: VersionInfo;
  readonly bytes: ArrayBuffer;
  readonly externalData: readonly { readonly path: string; readonly bytes: ArrayBuffer }[];
}

/** A version's bytes with the name to save them under. */
export interface ExportedFile {
  readonly fileName: string;
  readonly bytes: ArrayBuffer;
  /** A MIME type for a download (`application/xml` for PMML, `application/octet-stream` for ONNX). */
  readonly mimeType: string;
}

/** Returned by a delete; hand it to `restore` to undo. Plain data, so it can be kept in UI state. */
export interface UndoToken {
  readonly kind: 'model' | 'version';
  readonly id: string;
  /** The name shown in "Deleted '<label>' — Undo". */
  readonly label: string;
  readonly deletedAt: number;
}
