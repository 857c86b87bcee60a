import { createContext } from 'svelte';
import type { LibraryState } from './library.svelte.js';
import type { Notices } from './notices.svelte.js';
import type { Opener } from './opener.svelte.js';
import type { Router } from './router.svelte.js';
import type { SessionState } from './session.svelte.js';
import type { ShareLinks } from '../pwa/share.svelte.js';

/*
 * Typed context pairs, set once by App.svelte from the objects main.ts builds. Each getter throws when called
 * outside a component tree that has the provider (Svelte's createContext contract).
 */
export const [getRouter, setRouter] = createContext<Router>();
export const [getNotices, setNotices] = createContext<Notices>();
export const [getLibrary, setLibrary] = createContext<LibraryState>();
export const [getSession, setSession] = createContext<SessionState>();
export const [getOpener, setOpener] = createContext<Opener>();

/** Everything the app shell provides; built by the composition root (main.ts). */
export interface AppServices {
  readonly router: Router;
  readonly notices: Notices;
  readonly library: LibraryState;
  readonly session: SessionState;
  readonly opener: Opener;
  readonly share: ShareLinks;
}
