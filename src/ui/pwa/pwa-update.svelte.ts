/// <reference types="vite-plugin-pwa/client" />
import { registerSW, type RegisterSWOptions } from 'virtual:pwa-register';
import { describeThreadSupport, readThreadEnvironment, type ThreadSupport } from './thread-support.js';

type Register = (options: RegisterSWOptions) => (reloadPage?: boolean) => Promise<void>;

/**
 * The service worker's life as the page sees it (registerType `prompt`): registers it, says when the app works
 * offline, when a new version waits ("update available — reload"), and whether WASM threads are available.
 * One instance per page; `UpdatePrompt.svelte` creates it.
 */
export class PwaState {
  /** A new version is installed and waits for the person to reload. */
  needsRefresh = $state(false);
  /** The app shell is precached: from now on ModelPort opens without a network. */
  isOfflineReady = $state(false);
  threads = $state.raw<ThreadSupport>(describeThreadSupport(readThreadEnvironment()));
  readonly #update: (reloadPage?: boolean) => Promise<void>;

  constructor(register: Register = registerSW) {
    this.#update = register({
      immediate: true,
      onNeedRefresh: () => (this.needsRefresh = true),
      onOfflineReady: () => (this.isOfflineReady = true),
    });
    // A service worker taking control changes whether a reload would bring threads.
    navigator.serviceWorker?.addEventListener('controllerchange', () => {
      this.threads = describeThreadSupport(readThreadEnvironment());
    });
  }

  /** Activates the waiting version; the page reloads once it controls it. */
  async reload(): Promise<void> {
    await this.#update(true);
  }

  dismiss(): void {
    this.needsRefresh = false;
    this.isOfflineReady = false;
  }
}
