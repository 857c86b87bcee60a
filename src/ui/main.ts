import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { createMemoryModelStore, openIdbModelStore, type ModelStore } from '../engine/index.js';
import { toAppError } from './state/app-error.js';
import { LibraryState } from './state/library.svelte.js';
import { Notices, TOAST_MS } from './state/notices.svelte.js';
import { Opener } from './state/opener.svelte.js';
import { Router } from './state/router.svelte.js';
import { SessionState } from './state/session.svelte.js';
import { EngineClient } from './workers/engine-client.js';
import { ShareLinks } from './pwa/share.svelte.js';

/*
 * Composition root: builds the store, the engine worker client and the state objects, and hands them to the
 * app. Nothing else constructs services, so tests and other entry points can wire different ones.
 */
const notices = new Notices();

/** The library lives in IndexedDB; where the browser refuses it (some private modes) models last one visit. */
async function openStore(): Promise<ModelStore> {
  try {
    return await openIdbModelStore({
      indexedDB,
      onVersionChange: () => notices.toast({ text: 'ModelPort was updated in another tab. Reload this page to keep using the library.', actionLabel: 'Reload', action: () => location.reload() }),
    });
  } catch (error) {
    notices.error({ ...toAppError(error), message: `${toAppError(error).message} Models you open now are kept only until this page closes.` });
    return createMemoryModelStore();
  }
}

const store = await openStore();
const engine = new EngineClient();
const router = new Router();
const library = new LibraryState(store, notices);
const session = new SessionState(engine, library);
const opener = new Opener(engine, library, session, notices, router);
const share = new ShareLinks(opener, library, notices);

// Soft-deleted records whose "Undo" offer ended with an earlier visit go for good; a delete made in another tab
// moments ago keeps its offer there.
void store.purgeDeleted(Date.now() - TOAST_MS).then(() => library.refresh());

mount(App, { target: document.getElementById('app')!, props: { services: { router, notices, library, session, opener, share } } });

// A share link in the address opens its model now; one pasted into an open tab arrives as a hash change.
void share.openFromAddress();
window.addEventListener('hashchange', () => void share.openFromAddress());
