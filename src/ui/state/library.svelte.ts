import {
  readStorageSpace,
  requestPersistentStorage,
  type AddResult,
  type ModelRecord,
  type ModelStore,
  type ModelSummary,
  type NewModelFile,
  type StorageSpace,
  type UndoToken,
} from '../../engine/index.js';
import { toAppError } from './app-error.js';
import type { Notices } from './notices.svelte.js';

/**
 * The person's model library: the list of models, the history of the model being looked at, storage use, and
 * the edits (rename, notes, delete with undo, export). Every failure is reported through {@link Notices} and
 * leaves what is stored untouched.
 */
export class LibraryState {
  models = $state.raw<readonly ModelSummary[]>([]);
  isLoaded = $state(false);
  storage = $state.raw<StorageSpace | null>(null);
  /** Histories fetched so far, by model id (replaced wholesale on every change). */
  histories = $state.raw<Readonly<Record<string, ModelRecord>>>({});
  #hasAskedPersist = false;
  /** Tells the app's other tabs that the library changed, so their lists and histories follow. */
  readonly #channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('modelport.library') : undefined;

  constructor(
    private readonly store: ModelStore,
    private readonly notices: Notices,
  ) {
    this.#channel?.addEventListener('message', () => void this.refresh());
  }

  async refresh(): Promise<void> {
    try {
      this.models = await this.store.list();
      const stale = Object.keys(this.histories);
      await Promise.all(stale.map((id) => this.loadHistory(id)));
    } catch (error) {
      this.notices.error(toAppError(error));
    } finally {
      this.isLoaded = true;
    }
    await this.refreshStorage();
  }

  async loadHistory(modelId: string): Promise<ModelRecord | undefined> {
    try {
      const record = await this.store.get(modelId);
      this.histories = { ...this.histories, [modelId]: record };
      return record;
    } catch (error) {
      const { [modelId]: _, ...rest } = this.histories;
      this.histories = rest;
      if ((error as { code?: string }).code !== 'store.notFound') this.notices.error(toAppError(error));
      return undefined;
    }
  }

  /** Saves a file; a failed save is reported (naming the file) and returns undefined. */
  async add(file: NewModelFile): Promise<AddResult | undefined> {
    try {
      const result = await this.store.add(file);
      this.#channel?.postMessage('changed');
      await this.refresh();
      // Once the library holds something worth keeping, ask (quietly) that the browser not evict it.
      if (this.storage && !this.storage.isPersisted && !this.#hasAskedPersist) {
        this.#hasAskedPersist = true;
        if (await requestPersistentStorage(navigator.storage)) await this.refreshStorage();
      }
      if (result.isDuplicate) {
        this.notices.toast({ text: `'${file.fileName}' is already in your library as ${result.model.name} v${result.version.number}.` });
      }
      return result;
    } catch (error) {
      this.notices.error({ ...toAppError(error, file.fileName), code: codeOf(error, 'store.failed') });
      return undefined;
    }
  }

  readVersion(versionId: string) {
    return this.store.readVersion(versionId);
  }

  async rename(modelId: string, name: string): Promise<boolean> {
    return this.#edit(async () => {
      await this.store.rename(modelId, name);
    });
  }

  async annotate(versionId: string, notes: string): Promise<boolean> {
    return this.#edit(async () => {
      await this.store.annotate(versionId, notes);
    });
  }

  /** Keeps (or, with `undefined`, drops) the class labels a person added to a version. */
  async setClassLabels(versionId: string, labels: readonly string[] | undefined): Promise<boolean> {
    return this.#edit(async () => {
      await this.store.setClassLabels(versionId, labels);
    });
  }

  async deleteModel(modelId: string): Promise<void> {
    await this.#delete(() => this.store.deleteModel(modelId));
  }

  async deleteVersion(versionId: string): Promise<void> {
    await this.#delete(() => this.store.deleteVersion(versionId));
  }

  /** Offers the version's bytes as a download under its file name. */
  async export(versionId: string): Promise<void> {
    try {
      const file = await this.store.exportVersion(versionId);
      const url = URL.createObjectURL(new Blob([file.bytes], { type: file.mimeType }));
      const link = Object.assign(document.createElement('a'), { href: url, download: file.fileName });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      this.notices.error(toAppError(error));
    }
  }

  /** Asks the browser to keep the library when storage runs low (`navigator.storage.persist()`). */
  async persist(): Promise<void> {
    const isPersisted = await requestPersistentStorage(navigator.storage);
    if (!isPersisted) this.notices.toast({ text: 'The browser did not grant persistent storage; it may clear the library when space runs low.' });
    await this.refreshStorage();
  }

  async refreshStorage(): Promise<void> {
    this.storage = (await readStorageSpace(navigator.storage)) ?? null;
  }

  async #edit(action: () => Promise<void>): Promise<boolean> {
    try {
      await action();
      this.#channel?.postMessage('changed');
      await this.refresh();
      return true;
    } catch (error) {
      this.notices.error(toAppError(error));
      return false;
    }
  }

  async #delete(action: () => Promise<UndoToken>): Promise<void> {
    try {
      const token = await action();
      this.#channel?.postMessage('changed');
      await this.refresh();
      this.notices.toast({
        text: `Deleted '${token.label}'.`,
        actionLabel: 'Undo',
        action: async () => {
          await this.#edit(() => this.store.restore(token));
        },
        // Once Undo is no longer offered the record and its bytes go, so the space is free again at once.
        onExpire: () => this.store.discard(token).then(() => this.refreshStorage(), () => undefined),
      });
    } catch (error) {
      this.notices.error(toAppError(error));
    }
  }
}

function codeOf(error: unknown, fallback: string): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : fallback;
}
