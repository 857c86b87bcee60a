import type { CreatedLink } from './share.svelte.js';

/**
 * One share popover (a model page's, or a gallery sample's): builds the link, copies it, and asks for a URL when
 * the model is too large to travel inside it.
 */
export class ShareDialog {
  isOpen = $state(false);
  isBusy = $state(false);
  link = $state<string | null>(null);
  /** Whether the link holds the model itself (else the address it is downloaded from). */
  isInline = $state(true);
  isCopied = $state(false);
  error = $state<string | null>(null);
  /** The model does not fit in a link; the person may give a URL where it is hosted. */
  needsModelUrl = $state(false);
  modelUrl = $state('');

  /** @param make builds the link, pointing at `modelUrl` when one is given. */
  constructor(private readonly make: (modelUrl?: string) => Promise<CreatedLink>) {}

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
    const created = await this.make(this.needsModelUrl ? this.modelUrl.trim() || undefined : undefined);
    this.isBusy = false;
    if (!created.ok) {
      this.link = null;
      this.needsModelUrl ||= created.code === 'share.tooLarge';
      this.error = created.message;
      return;
    }
    this.link = created.url;
    this.isInline = created.isInline;
    try {
      await navigator.clipboard.writeText(created.url);
      this.isCopied = true;
    } catch {
      // Clipboard access can be refused (no user gesture, permissions); the link stays selectable in the field.
    }
  }
}
