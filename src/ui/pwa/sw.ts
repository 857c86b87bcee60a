/// <reference lib="webworker" />
/**
 * ModelPort's service worker (vite-plugin-pwa `injectManifest`): precaches the app shell, the onnxruntime-web
 * glue and WASM and the sample models so the app works offline; adds COOP/COEP to what it serves so static hosts
 * get cross-origin isolation (WASM threads); and waits for the person to accept an update ("prompt").
 */
import { clientsClaim } from 'workbox-core';
import { addPlugins, cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';
import { isolationHeadersPlugin } from './isolation-headers.js';

declare let self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

// Plugins must be added before routes are registered for them to apply to the precache strategy.
addPlugins([isolationHeadersPlugin]);
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every navigation to the app (`/`, `/?model=…`) gets the precached app shell; routes live in the fragment.
// Opening a file itself (`/samples/LICENSES.md`) goes to the network.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^[^?]*\/[^/?]+\.[^/?]+$/] }));

// Same-origin files outside the precache still need the headers, or COEP would block them in an isolated page.
registerRoute(({ url }) => url.origin === self.location.origin, new NetworkOnly({ plugins: [isolationHeadersPlugin] }));

// registerType 'prompt': the page posts SKIP_WAITING when the person clicks "Reload" in the update banner.
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// The first install takes control of the open page at once, so it works offline without a reload.
clientsClaim();
