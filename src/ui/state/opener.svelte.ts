import { MAX_PEEK_BYTES } from '../../engine/formats/model-format.js';
import { toAppError } from './app-error.js';
import { besideUrl, isZip, readFile, readUrl } from './file-reading.js';
import type { LibraryState } from './library.svelte.js';
import type { Notices } from './notices.svelte.js';
import type { Router } from './router.svelte.js';
import type { SessionState } from './session.svelte.js';
import type { EngineClient } from '../workers/engine-client.js';
import type { OpenReply } from '../workers/engine-protocol.js';

/** Extensions tried first: a batch may hold a model plus the external data files it refers to. */
const MODEL_EXTENSIONS = /\.(pmml|xml|onnx)$/i;

/** Where a saved file landed in the library. */
interface Saved {
  readonly modelId: string;
  readonly version: number;
  readonly versionId: string;
}

export interface ReadProgress {
  readonly fileName: string;
  readonly loaded: number;
  readonly total: number;
  readonly phase: 'reading' | 'parsing' | 'saving';
}

/**
 * Opening files and URLs: read with progress, detect and parse in the engine worker, save to the library,
 * then show the model. A file that fails is reported by name; the others in the batch still open.
 */
export class Opener {
  progress = $state.raw<ReadProgress | null>(null);
  #picker: (() => void) | undefined;
  /** The model the next picked files become versions of (the model page's "Add version"). */
  #versionOf: string | undefined;
  /** The open in progress (or the last one), which the next one waits for. */
  #lastOpen: Promise<void> = Promise.resolve();

  constructor(
    private readonly engine: EngineClient,
    private readonly library: LibraryState,
    private readonly session: SessionState,
    private readonly notices: Notices,
    private readonly router: Router,
  ) {}

  /** Connects the page's file input; returns the detach function (an $effect cleanup). */
  attachPicker(open: () => void): () => void {
    this.#picker = open;
    return () => {
      if (this.#picker === open) this.#picker = undefined;
    };
  }

  /** Shows the file chooser; with `versionOf`, the chosen model file is added as a version of that model. */
  pick(versionOf?: string): void {
    this.#versionOf = versionOf;
    this.#picker?.();
  }

  /** The target of the last `pick`, read once by the file input when files arrive. */
  takePickTarget(): string | undefined {
    const versionOf = this.#versionOf;
    this.#versionOf = undefined;
    return versionOf;
  }

  /**
   * Opens dropped or picked files. Drops are handled one after another, in the order they came, so a second drop
   * made while the first is still parsing or saving becomes the later version and the page that stays shown.
   */
  openFiles(files: readonly File[], versionOf?: string): Promise<void> {
    return this.#inTurn(() => this.#openFiles(files, versionOf));
  }

  async #openFiles(dropped: readonly File[], versionOf?: string): Promise<void> {
    const files = await this.#unzip(dropped);
    const ordered = [...files].sort((a, b) => Number(MODEL_EXTENSIONS.test(b.name)) - Number(MODEL_EXTENSIONS.test(a.name)));
    const opened: { file: File; bytes: ArrayBuffer; reply: OpenReply }[] = [];
    /** Files that are not models: external data of a model in the batch, or problems to report. */
    const leftovers: { file: File; error?: unknown }[] = [];
    try {
      for (const file of ordered) {
        if (opened.some((o) => externalLocations(o.reply).includes(file.name))) {
          leftovers.push({ file });
          continue;
        }
        try {
          // A file that is no model is refused from its first bytes, before a large one is read whole.
          await this.engine.detect(file.name, await file.slice(0, MAX_PEEK_BYTES).arrayBuffer());
          const bytes = await this.#read(file);
          this.progress = { fileName: file.name, loaded: bytes.byteLength, total: bytes.byteLength, phase: 'parsing' };
          opened.push({ file, bytes, reply: await this.engine.open(file.name, bytes) });
        } catch (error) {
          leftovers.push({ file, error });
        }
      }
      let lastShown: Saved | undefined;
      for (const { file, bytes, reply } of opened) {
        const dataFiles = [];
        for (const location of reply.externalDataFiles) {
          const data = leftovers.find((l) => l.file.name === baseName(location));
          if (data) dataFiles.push({ path: location, bytes: await this.#read(data.file) });
        }
        lastShown = (await this.#save(file.name, bytes, reply, dataFiles, versionOf)) ?? lastShown;
      }
      const used = opened.flatMap((o) => externalLocations(o.reply));
      for (const { file, error } of leftovers) {
        if (used.includes(file.name)) continue;
        this.notices.error(toAppError(error ?? new Error('Nothing in this batch refers to this file.'), file.name));
      }
      if (lastShown) this.router.go({ page: 'model', modelId: lastShown.modelId, version: lastShown.version });
    } finally {
      this.progress = null;
    }
  }

  /** Zip archives (an exported ONNX model with its data files) open as the files they hold. */
  async #unzip(files: readonly File[]): Promise<File[]> {
    const opened: File[] = [];
    for (const file of files) {
      // By content: a downloaded archive may have lost its name.
      if (!isZip(new Uint8Array(await file.slice(0, 4).arrayBuffer()))) {
        opened.push(file);
        continue;
      }
      try {
        const { filesOfZip } = await import('./zip-files.js');
        opened.push(...filesOfZip(new Uint8Array(await this.#read(file)), file.name));
      } catch (error) {
        this.notices.error(toAppError(error, file.name));
      }
    }
    return opened;
  }

  /**
   * Downloads a model and opens it. `name` files it under that library name; `exampleInputs` prefill the form
   * the first time it is shown (the demo gallery's samples).
   */
  openUrl(url: string, options: { name?: string; exampleInputs?: Readonly<Record<string, string>> } = {}): Promise<void> {
    return this.#inTurn(() => this.#openUrl(url, options));
  }

  /** Runs `open` after every open asked for before it has finished. */
  #inTurn(open: () => Promise<void>): Promise<void> {
    const turn = this.#lastOpen.then(open);
    this.#lastOpen = turn.catch(() => undefined);
    return turn;
  }

  async #openUrl(url: string, options: { name?: string; exampleInputs?: Readonly<Record<string, string>> }): Promise<void> {
    let fileName = url;
    try {
      const download = await readUrl(url, (loaded, total) => (this.progress = { fileName: url, loaded, total, phase: 'reading' }));
      fileName = download.fileName;
      this.progress = { fileName, loaded: download.bytes.byteLength, total: download.bytes.byteLength, phase: 'parsing' };
      const reply = await this.engine.open(fileName, download.bytes);
      // An ONNX model's external data files lie beside it, at the paths it names them by.
      const dataFiles = [];
      for (const location of reply.externalDataFiles) {
        try {
          dataFiles.push({ path: location, bytes: (await readUrl(besideUrl(url, location), (loaded, total) => (this.progress = { fileName: location, loaded, total, phase: 'reading' }))).bytes });
        } catch (error) {
          this.notices.error({ ...toAppError(error, baseName(location)), code: 'app.download' });
        }
      }
      const saved = await this.#save(fileName, download.bytes, reply, dataFiles, options.name);
      if (saved && options.exampleInputs) this.session.preset(saved.versionId, options.exampleInputs);
      if (saved) this.router.go({ page: 'model', modelId: saved.modelId, version: saved.version });
    } catch (error) {
      this.notices.error({ ...toAppError(error, fileName), code: codeOrDownload(error) });
    } finally {
      this.progress = null;
    }
  }

  /**
   * Versions group by file name: dropping an updated `churn.pmml` adds version 2 of 'churn'. A file of another
   * format under a taken name (`churn.onnx`) starts its own model instead of becoming a version of the PMML one.
   */
  #nameFor(fileName: string, reply: OpenReply): string {
    const stem = fileName.replace(/\.[^.]*$/, '') || fileName;
    const taken = this.library.models.find((m) => m.name === stem);
    return taken && taken.latest.format !== reply.format ? `${stem} (${reply.format.toUpperCase()})` : stem;
  }

  #read(file: File): Promise<ArrayBuffer> {
    return readFile(file, (loaded, total) => (this.progress = { fileName: file.name, loaded, total, phase: 'reading' }));
  }

  async #save(fileName: string, bytes: ArrayBuffer, reply: OpenReply, externalData: { path: string; bytes: ArrayBuffer }[], versionOf?: string): Promise<Saved | undefined> {
    this.progress = { fileName, loaded: bytes.byteLength, total: bytes.byteLength, phase: 'saving' };
    const { description } = reply;
    const result = await this.library.add({
      name: versionOf ?? this.#nameFor(fileName, reply),
      fileName,
      bytes,
      format: reply.format,
      kind: description.kind,
      producer: description.producer,
      externalData,
    });
    if (!result) return undefined;
    this.session.prime(result.version.id, reply, { bytes, externalData });
    return { modelId: result.model.id, version: result.version.number, versionId: result.version.id };
  }
}

function codeOrDownload(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : 'app.download';
}

/** Base names of the external data files an ONNX model refers to. */
function externalLocations(reply: OpenReply): string[] {
  return reply.externalDataFiles.map(baseName);
}

function baseName(path: string): string {
  return path.replace(/^.*[\\/]/, '');
}
