import {
  buildShareUrl,
  readShareUrl,
  sha256Hex,
  ShareLinkError,
  type SharePayload,
} from '../../engine/index.js';
import { toAppError } from '../state/app-error.js';
import { readUrl } from '../state/file-reading.js';
import type { LibraryState } from '../state/library.svelte.js';
import type { Notices } from '../state/notices.svelte.js';
import type { Opener } from '../state/opener.svelte.js';
import type { OpenedModel } from '../state/session.svelte.js';
import type { Workbench } from '../state/workbench.svelte.js';

/** What a link carries besides the model: applied to the first model page shown after the link is opened. */
interface PendingInputs {
  readonly sha256?: string;
  readonly inputs: Readonly<Record<string, string | null>>;
  readonly backend?: string;
}

/** A link that points to a model elsewhere, waiting for the person to agree to download it. */
export interface PendingDownload {
  readonly url: string;
  readonly host: string;
  readonly payload: SharePayload;
}

/** The outcome of building a link for the model page. */
export type CreatedLink =
  | { readonly ok: true; readonly url: string; readonly isInline: boolean }
  | { readonly ok: false; readonly code: string; readonly message: string };

/**
 * Share links in the app. Opening: a `#share=…` link (model inline) or a `?model=<url>` link (after the person
 * confirms the download) goes through the same opener as a dropped file, so the model lands in the library
 * (deduplicated by hash) and its page opens; the link's inputs then fill the form and the backend is selected.
 * A broken or edited link shows an error and opens nothing. Creating: packs the shown version, its form values
 * and backend into a link (inline when small, else pointing at a URL the person gives).
 *
 * The composition root builds one and calls {@link ShareLinks.openFromAddress} at start-up and on `hashchange`.
 */
export class ShareLinks {
  pendingDownload = $state.raw<PendingDownload | null>(null);
  #pending: PendingInputs | undefined;
  /** The model page on screen, which receives a link's inputs. */
  #page: { readonly opened: OpenedModel; readonly bench: Workbench } | undefined;

  constructor(
    private readonly opener: Opener,
    private readonly library: LibraryState,
    private readonly notices: Notices,
  ) {}

  /** Reads a share link from the page address, removes it from the address, and opens it. */
  async openFromAddress(href: string = location.href): Promise<void> {
    let payload: SharePayload | undefined;
    try {
      payload = await readShareUrl(href);
    } catch (error) {
      forgetAddress();
      this.notices.error(toAppError(error));
      return;
    }
    if (!payload) return;
    forgetAddress();
    if (payload.source.kind === 'url') {
      this.pendingDownload = { url: payload.source.url, host: hostOf(payload.source.url), payload };
      return;
    }
    this.#pending = { sha256: payload.sha256, inputs: payload.inputs, backend: payload.backend };
    const file = new File([payload.source.bytes as Uint8Array<ArrayBuffer>], payload.fileName);
    await this.opener.openFiles([file], this.#libraryName(payload));
    // A link to the model already on screen re-opens no page; its inputs go to the page that is there.
    this.#applyToPage();
  }

  /** Downloads the model of the pending `?model=` link and opens it. */
  async confirmDownload(): Promise<void> {
    const pending = this.pendingDownload;
    if (!pending) return;
    this.pendingDownload = null;
    const { payload, url } = pending;
    let bytes: ArrayBuffer;
    try {
      bytes = (await readUrl(url, (loaded, total) => (this.opener.progress = { fileName: payload.fileName, loaded, total, phase: 'reading' }))).bytes;
    } catch (error) {
      this.notices.error({ ...toAppError(error, payload.fileName), code: 'app.download' });
      return;
    } finally {
      this.opener.progress = null;
    }
    if (payload.sha256 && (await sha256Hex(bytes)) !== payload.sha256) {
      this.notices.toast({ text: `The model at ${pending.host} has changed since the link was made; its inputs may not fit.` });
    }
    this.#pending = { sha256: await sha256Hex(bytes), inputs: payload.inputs, backend: payload.backend };
    await this.opener.openFiles([new File([bytes], payload.fileName)], this.#libraryName(payload));
    this.#applyToPage();
  }

  /**
   * The shared model keeps the name it had for the sender (becoming a new version when the recipient has a model
   * of that name), unless the recipient's model of that name is of another format: then the opener names it.
   */
  #libraryName(payload: SharePayload): string | undefined {
    const clash = this.library.models.find((m) => m.name === payload.name);
    return clash && payload.format && clash.latest.format !== payload.format ? undefined : payload.name;
  }

  cancelDownload(): void {
    this.pendingDownload = null;
  }

  /**
   * Registers the model page on screen (the share button does so on mount); a link's inputs and backend go to
   * it, once, when it shows the model the link carried. Returns the function that unregisters it.
   */
  attach(opened: OpenedModel, bench: Workbench): () => void {
    const page = { opened, bench };
    this.#page = page;
    this.#applyToPage();
    return () => {
      if (this.#page === page) this.#page = undefined;
    };
  }

  #applyToPage(): void {
    if (!this.#page) return;
    const { opened, bench } = this.#page;
    const pending = this.#pending;
    if (!pending || (pending.sha256 !== undefined && pending.sha256 !== opened.version.sha256)) return;
    this.#pending = undefined;
    if (bench.tabular) bench.tabular.fill(pending.inputs);
    if (bench.tensor) {
      for (const [name, text] of Object.entries(pending.inputs)) if (text !== null) bench.tensor.setText(name, text);
    }
    if (opened.onnx && pending.backend && pending.backend !== opened.onnx.backend) {
      void opened.onnx.configure(pending.backend as typeof opened.onnx.backend, opened.onnx.threads);
    }
  }

  /**
   * A link to the shown version with the current form values. Models that do not fit in a link need
   * `modelUrl`, where anyone with the link can download the same file.
   */
  async createLink(opened: OpenedModel, bench: Workbench, modelUrl?: string): Promise<CreatedLink> {
    const base = `${location.origin}${location.pathname}`;
    const common = {
      name: opened.record.name,
      fileName: opened.version.fileName,
      format: opened.version.format,
      inputs: currentInputs(bench),
      ...(opened.onnx && opened.onnx.backend !== 'auto' ? { backend: opened.onnx.backend } : {}),
    };
    try {
      if (modelUrl) {
        const url = await buildShareUrl(base, { ...common, source: { kind: 'url', url: modelUrl }, sha256: opened.version.sha256 });
        return { ok: true, url, isInline: false };
      }
      const { bytes } = await this.library.readVersion(opened.version.id);
      return { ok: true, url: await buildShareUrl(base, { ...common, source: { kind: 'inline', bytes: new Uint8Array(bytes) } }), isInline: true };
    } catch (error) {
      if (error instanceof ShareLinkError) return { ok: false, code: error.code, message: error.message };
      const appError = toAppError(error);
      return { ok: false, code: appError.code, message: appError.message };
    }
  }
}

/** The form as raw text by field: tabular entries (null when marked missing), or tensor JSON texts. */
function currentInputs(bench: Workbench): Record<string, string | null> {
  if (bench.tabular) {
    return Object.fromEntries(Object.entries(bench.tabular.entries).map(([name, entry]) => [name, entry.isMissing ? null : entry.text]));
  }
  return { ...(bench.tensor?.texts ?? {}) };
}

/** Drops the link from the address bar so a reload or bookmark does not import the model again. */
function forgetAddress(): void {
  history.replaceState(history.state, '', `${location.pathname}#/`);
  dispatchEvent(new HashChangeEvent('hashchange'));
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

