import { createContext } from 'svelte';
import type { ShareLinks } from './share.svelte.js';

/** The app's {@link ShareLinks}, provided once by App.svelte; the getter throws outside the provider. */
export const [getShareLinks, setShareLinks] = createContext<ShareLinks>();
