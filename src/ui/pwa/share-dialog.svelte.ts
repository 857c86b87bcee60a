import type { OpenedModel } from '../state/session.svelte.js';
import type { Workbench } from '../state/workbench.svelte.js';
import type { ShareLinks } from './share.svelte.js';

/** The share popover of one model page: builds the link, copies it, and asks for a URL when the model is too large. */
export class ShareDialog {
  isOpen = $state(false);
  isBusy = $state(false);
  link = $state<string | null>(null);
  isCopied = $state(false);
  error = $state<string | null>(null);
  /** The model does not fit in a link; the person may give a URL where it is hosted. */
  needsModelUrl = $state(false);
  modelUrl = $state('');

  constructor(
    private readonly share: ShareLinks,
    private readonly opened: OpenedModel,
    private readonly bench: Workbench,
  ) {}

  async toggle(): Promise<void> {
    this.isOpen = !this.isOpen;
    if (this.isOpen) await this.create();
  }

  close(): void {
    this.isOpen = false;
  }

  /** Builds the link (with the URL when one was given) and copies it to the clipboard. */
  async create(): Promise<void> {
    this.isBusy = true;
    this.isCopied = false;
    this.error = null;
    const created = await this.share.createLink(this.opened, this.bench, this.needsModelUrl ? this.modelUrl.trim() || undefined : undefined);
    this.isBusy = false;
    if (!created.ok) {
      this.link = null;
      this.needsModelUrl ||= created.code === 'share.tooLarge';
      this.error = created.message;
      return;
    }
    this.link = created.url;
    try {
      await navigator.clipboard.writeText(created.url);
      this.isCopied = true;
    } catch {
      // Clipboard access can be refused (no user gesture, permissions); the link stays selectable in the field.
    }
  }
}
