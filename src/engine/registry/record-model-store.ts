import { zipSync } from 'fflate';
import { StoreError } from '../errors.js';
import { sha256Hex } from './content-hash.js';
import type {
  AddResult,
  ExportedFile,
  ModelRecord,
  ModelStore,
  ModelSummary,
  NewModelFile,
  UndoToken,
  VersionContent,
  VersionInfo,
} from './model-store.js';
import type { ModelRow, RecordBackend, RecordTransaction, VersionRow } from './records.js';

/** Options shared by every {@link ModelStore} built on a {@link RecordBackend}. */
export interface RecordModelStoreOptions {
  /** Clock in milliseconds since the epoch; tests pass a fake one. */
  readonly now?: () => number;
  /** Id generator; defaults to `crypto.randomUUID`. */
  readonly newId?: () => string;
}

const METADATA = ['models', 'versions'] as const;
const ALL = ['models', 'versions', 'contents'] as const;

/** The registry's rules (versions, dedup, soft delete) over any storage mechanism. */
export class RecordModelStore implements ModelStore {
  readonly #backend: RecordBackend;
  readonly #now: () => number;
  readonly #newId: () => string;

  constructor(backend: RecordBackend, options: RecordModelStoreOptions = {}) {
    this.#backend = backend;
    this.#now = options.now ?? Date.now;
    this.#newId = options.newId ?? (() => crypto.randomUUID());
  }

  async add(file: NewModelFile): Promise<AddResult> {
    const bytes = toArrayBuffer(file.bytes);
    // Hashing is async outside IndexedDB, so it happens before the transaction opens (an IDB transaction
    // commits as soon as it has no pending request).
    const sha256 = await sha256Hex(bytes);
    const externalData = (file.externalData ?? []).map((f) => ({ path: f.path, bytes: toArrayBuffer(f.bytes) }));
    const dataInfo = await Promise.all(externalData.map(async (f) => ({ path: f.path, size: f.bytes.byteLength, sha256: await sha256Hex(f.bytes) })));
    const name = file.name.trim() || baseName(file.fileName);
    return this.#backend.transact(ALL, 'readwrite', async (tx) => {
      const candidates = await tx.versionsWithSha256(sha256);
      const existing = await liveFirst(tx, candidates.filter((v) => sameData(v.externalData, dataInfo)));
      if (existing) return { ...(await this.#revive(tx, existing)), isDuplicate: true };
      // The same model dropped before without its data files: this add completes that version.
      const incomplete = dataInfo.length > 0 ? await liveFirst(tx, candidates.filter((v) => v.externalData.length === 0)) : undefined;
      if (incomplete) {
        const completed: VersionRow = { ...incomplete, size: incomplete.size + dataInfo.reduce((sum, f) => sum + f.size, 0), externalData: dataInfo };
        await tx.putVersion(completed);
        await tx.putContent({ versionId: completed.id, bytes, externalData });
        return { ...(await this.#revive(tx, completed)), isDuplicate: false };
      }
      const now = this.#now();
      const models = await tx.allModels();
      let model = models.find((m) => m.deletedAt === undefined && m.name === name);
      model ??= { id: this.#newId(), name, createdAt: now, nextNumber: 1 };
      const version: VersionRow = {
        id: this.#newId(),
        modelId: model.id,
        number: model.nextNumber,
        fileName: file.fileName,
        sha256,
        size: bytes.byteLength + externalData.reduce((sum, f) => sum + f.bytes.byteLength, 0),
        format: file.format,
        kind: file.kind,
        ...(file.producer === undefined ? {} : { producer: file.producer }),
        addedAt: now,
        notes: file.notes ?? '',
        externalData: dataInfo,
      };
      model = { ...model, nextNumber: model.nextNumber + 1 };
      await tx.putModel(model);
      await tx.putVersion(version);
      await tx.putContent({ versionId: version.id, bytes, externalData });
      return { model: await summarize(tx, model), version: toInfo(version), isDuplicate: false };
    });
  }

  list(): Promise<ModelSummary[]> {
    return this.#backend.transact(METADATA, 'readonly', async (tx) => {
      const models = (await tx.allModels()).filter((m) => m.deletedAt === undefined);
      const versions = (await tx.allVersions()).filter((v) => v.deletedAt === undefined);
      const summaries: ModelSummary[] = [];
      for (const model of models) {
        const own = newestFirst(versions.filter((v) => v.modelId === model.id));
        if (own.length > 0) summaries.push(toSummary(model, own));
      }
      return summaries.sort((a, b) => b.latest.addedAt - a.latest.addedAt || a.name.localeCompare(b.name));
    });
  }

  get(modelId: string): Promise<ModelRecord> {
    return this.#backend.transact(METADATA, 'readonly', async (tx) => {
      const model = await liveModel(tx, modelId);
      const versions = newestFirst((await tx.versionsOf(model.id)).filter((v) => v.deletedAt === undefined));
      if (versions.length === 0) throw notFound('model', modelId);
      return { id: model.id, name: model.name, createdAt: model.createdAt, versions: versions.map(toInfo) };
    });
  }

  findBySha256(sha256: string): Promise<VersionInfo | undefined> {
    return this.#backend.transact(METADATA, 'readonly', async (tx) => {
      for (const version of await tx.versionsWithSha256(sha256.toLowerCase())) {
        if (await isLive(tx, version)) return toInfo(version);
      }
      return undefined;
    });
  }

  async readVersion(versionId: string): Promise<VersionContent> {
    const { version, content } = await this.#backend.transact(ALL, 'readonly', async (tx) => {
      const version = await liveVersion(tx, versionId);
      const content = await tx.getContent(version.id);
      if (!content) throw notFound('version', versionId);
      return { version: toInfo(version), content };
    });
    // Blobs are read after the transaction: awaiting anything but IndexedDB inside it would end it.
    const externalData = await Promise.all(content.externalData.map(async (file) => ({ path: file.path, bytes: await toBuffer(file.bytes) })));
    return { version, bytes: await toBuffer(content.bytes), externalData };
  }

  rename(modelId: string, name: string): Promise<ModelSummary> {
    const trimmed = name.trim();
    if (trimmed === '') return Promise.reject(new StoreError('A model name cannot be empty.', 'store.conflict'));
    return this.#backend.transact(METADATA, 'readwrite', async (tx) => {
      const model = await liveModel(tx, modelId);
      const clash = (await tx.allModels()).find((m) => m.deletedAt === undefined && m.name === trimmed && m.id !== model.id);
      if (clash) throw new StoreError(`Another model is already named '${trimmed}'.`, 'store.conflict');
      const renamed = { ...model, name: trimmed };
      await tx.putModel(renamed);
      return summarize(tx, renamed);
    });
  }

  annotate(versionId: string, notes: string): Promise<VersionInfo> {
    return this.#backend.transact(METADATA, 'readwrite', async (tx) => {
      const version = { ...(await liveVersion(tx, versionId)), notes };
      await tx.putVersion(version);
      return toInfo(version);
    });
  }

  setClassLabels(versionId: string, labels: readonly string[] | undefined): Promise<VersionInfo> {
    return this.#backend.transact(METADATA, 'readwrite', async (tx) => {
      const { classLabels: _previous, ...version } = await liveVersion(tx, versionId);
      const updated = labels === undefined || labels.length === 0 ? version : { ...version, classLabels: [...labels] };
      await tx.putVersion(updated);
      return toInfo(updated);
    });
  }

  deleteVersion(versionId: string): Promise<UndoToken> {
    return this.#backend.transact(METADATA, 'readwrite', async (tx) => {
      const version = await liveVersion(tx, versionId);
      const model = await liveModel(tx, version.modelId);
      const deletedAt = this.#now();
      await tx.putVersion({ ...version, deletedAt });
      return { kind: 'version', id: version.id, label: `${model.name} v${version.number}`, deletedAt };
    });
  }

  deleteModel(modelId: string): Promise<UndoToken> {
    return this.#backend.transact(METADATA, 'readwrite', async (tx) => {
      const model = await liveModel(tx, modelId);
      const deletedAt = this.#now();
      await tx.putModel({ ...model, deletedAt });
      return { kind: 'model', id: model.id, label: model.name, deletedAt };
    });
  }

  restore(token: UndoToken): Promise<void> {
    return this.#backend.transact(METADATA, 'readwrite', async (tx) => {
      if (token.kind === 'model') {
        const model = await tx.getModel(token.id);
        if (!model) throw notFound('model', token.id);
        await this.#undelete(tx, model);
        return;
      }
      const version = await tx.getVersion(token.id);
      if (!version) throw notFound('version', token.id);
      await this.#revive(tx, version);
    });
  }

  discard(token: UndoToken): Promise<void> {
    return this.#backend.transact(ALL, 'readwrite', async (tx) => {
      const isTheDelete = (row: { deletedAt?: number } | undefined) => row !== undefined && row.deletedAt === token.deletedAt;
      const modelId = token.kind === 'model' ? token.id : (await tx.getVersion(token.id))?.modelId;
      if (modelId === undefined) return;
      const versions = await tx.versionsOf(modelId);
      const doomed = token.kind === 'model' ? (isTheDelete(await tx.getModel(modelId)) ? versions : []) : versions.filter((v) => v.id === token.id && isTheDelete(v));
      for (const version of doomed) {
        await tx.deleteVersion(version.id);
        await tx.deleteContent(version.id);
      }
      if (doomed.length > 0 && doomed.length === versions.length) await tx.deleteModel(modelId);
    });
  }

  purgeDeleted(before = Number.POSITIVE_INFINITY): Promise<number> {
    return this.#backend.transact(ALL, 'readwrite', async (tx) => {
      const models = await tx.allModels();
      const doomedModels = new Set(models.filter((m) => m.deletedAt !== undefined && m.deletedAt <= before).map((m) => m.id));
      let removed = 0;
      const remaining = new Map<string, number>();
      for (const version of await tx.allVersions()) {
        const isDoomed =
          doomedModels.has(version.modelId) || (version.deletedAt !== undefined && version.deletedAt <= before);
        if (isDoomed) {
          await tx.deleteVersion(version.id);
          await tx.deleteContent(version.id);
          removed += 1;
        } else {
          remaining.set(version.modelId, (remaining.get(version.modelId) ?? 0) + 1);
        }
      }
      for (const model of models) {
        if (doomedModels.has(model.id) || !remaining.has(model.id)) await tx.deleteModel(model.id);
      }
      return removed;
    });
  }

  async exportVersion(versionId: string): Promise<ExportedFile> {
    const { version, bytes, externalData } = await this.readVersion(versionId);
    if (externalData.length > 0) {
      // An ONNX model is only whole with its data files, each at the path the model names it by: one zip holds them.
      const entries: Record<string, Uint8Array> = { [baseName(version.fileName) + extension(version.fileName)]: new Uint8Array(bytes) };
      for (const file of externalData) entries[file.path] = new Uint8Array(file.bytes);
      const zip = zipSync(entries, { level: 0 });
      return { fileName: `${baseName(version.fileName)}.zip`, bytes: toArrayBuffer(zip), mimeType: 'application/zip' };
    }
    const mimeType = version.format === 'pmml' ? 'application/xml' : 'application/octet-stream';
    return { fileName: version.fileName, bytes, mimeType };
  }

  close(): void {
    this.#backend.close();
  }

  /** A version with this hash, live first, then a soft-deleted one that adding the same bytes brings back. */
  /** Makes a version and its model live again; returns them as `add` does. */
  async #revive(tx: RecordTransaction, version: VersionRow): Promise<{ model: ModelSummary; version: VersionInfo }> {
    const model = await tx.getModel(version.modelId);
    if (!model) throw notFound('model', version.modelId);
    const live = await this.#undelete(tx, model);
    const revived: VersionRow = version.deletedAt === undefined ? version : toInfo(version);
    if (revived !== version) await tx.putVersion(revived);
    return { model: await summarize(tx, live), version: toInfo(revived) };
  }

  /** Clears a model's delete mark; if a live model took its name meanwhile, the restored one gets a suffix. */
  async #undelete(tx: RecordTransaction, model: ModelRow): Promise<ModelRow> {
    if (model.deletedAt === undefined) return model;
    const taken = new Set((await tx.allModels()).filter((m) => m.deletedAt === undefined).map((m) => m.name));
    let name = model.name;
    for (let n = 2; taken.has(name); n += 1) name = `${model.name} (${n})`;
    const live: ModelRow = { id: model.id, name, createdAt: model.createdAt, nextNumber: model.nextNumber };
    await tx.putModel(live);
    return live;
  }
}

/** The first live version among `candidates`, else the first (soft-deleted, to be revived). */
async function liveFirst(tx: RecordTransaction, candidates: readonly VersionRow[]): Promise<VersionRow | undefined> {
  for (const version of candidates) if (await isLive(tx, version)) return version;
  return candidates[0];
}

/** Whether two versions hold the same external data files; a record without a file hash is compared by size. */
function sameData(stored: VersionInfo['externalData'], added: VersionInfo['externalData']): boolean {
  if (stored.length !== added.length) return false;
  return added.every((file) => {
    const match = stored.find((s) => s.path === file.path);
    return match !== undefined && (match.sha256 === undefined ? match.size === file.size : match.sha256 === file.sha256);
  });
}

async function isLive(tx: RecordTransaction, version: VersionRow): Promise<boolean> {
  if (version.deletedAt !== undefined) return false;
  const model = await tx.getModel(version.modelId);
  return model !== undefined && model.deletedAt === undefined;
}

async function liveModel(tx: RecordTransaction, modelId: string): Promise<ModelRow> {
  const model = await tx.getModel(modelId);
  if (!model || model.deletedAt !== undefined) throw notFound('model', modelId);
  return model;
}

async function liveVersion(tx: RecordTransaction, versionId: string): Promise<VersionRow> {
  const version = await tx.getVersion(versionId);
  if (!version || !(await isLive(tx, version))) throw notFound('version', versionId);
  return version;
}

async function summarize(tx: RecordTransaction, model: ModelRow): Promise<ModelSummary> {
  const versions = newestFirst((await tx.versionsOf(model.id)).filter((v) => v.deletedAt === undefined));
  return toSummary(model, versions);
}

function toSummary(model: ModelRow, newest: readonly VersionRow[]): ModelSummary {
  return {
    id: model.id,
    name: model.name,
    createdAt: model.createdAt,
    versionCount: newest.length,
    latest: toInfo(newest[0]),
  };
}

function newestFirst(versions: VersionRow[]): VersionRow[] {
  return versions.sort((a, b) => b.number - a.number);
}

function toInfo(row: VersionRow): VersionInfo {
  const { deletedAt: _deletedAt, ...rest } = row;
  return rest;
}

function notFound(kind: 'model' | 'version', id: string): StoreError {
  return new StoreError(`The ${kind} '${id}' is not in the model library (it may have been deleted).`, 'store.notFound');
}

function extension(fileName: string): string {
  return /\.[^./\\]*$/.exec(fileName)?.[0] ?? '';
}

function baseName(fileName: string): string {
  const stem = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  return stem.trim() || 'Untitled model';
}

function toBuffer(bytes: ArrayBuffer | Blob): Promise<ArrayBuffer> | ArrayBuffer {
  return bytes instanceof Blob ? bytes.arrayBuffer() : bytes;
}

/** A copy the store owns, so later writes to the caller's buffer cannot change what was stored. */
function toArrayBuffer(bytes: ArrayBuffer | Uint8Array): ArrayBuffer {
  if (bytes instanceof ArrayBuffer) return bytes.slice(0);
  return bytes.slice().buffer as ArrayBuffer;
}
