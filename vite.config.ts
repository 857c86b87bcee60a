/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';

// Cross-origin isolation lets onnxruntime-web use SharedArrayBuffer and so WASM threads
// (https://web.dev/articles/coop-coep). Both servers send it; static hosts get it from the service worker.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

// Offline PWA: a custom service worker (src/ui/pwa/sw.ts) precaches the app, ORT's .mjs glue and .wasm and the
// sample models, and adds COOP/COEP for hosts that cannot (TOOLCHAIN.md: raise the 2 MiB limit, include mjs).
const pwa = VitePWA({
  strategies: 'injectManifest',
  srcDir: 'src/ui/pwa',
  filename: 'sw.ts',
  registerType: 'prompt',
  injectRegister: false,
  // The glob below already precaches the icons (the plugin adds the manifest); listing them twice would conflict.
  includeManifestIcons: false,
  manifest: {
    id: './',
    name: 'ModelPort',
    short_name: 'ModelPort',
    lang: 'en',
    categories: ['developer', 'productivity', 'utilities'],
    description: 'Open, inspect and run PMML and ONNX models in your browser, offline. Nothing is uploaded.',
    theme_color: '#4f46e5',
    background_color: '#ffffff',
    display: 'standalone',
    start_url: './',
    scope: './',
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  injectManifest: {
    globPatterns: ['**/*.{html,js,mjs,css,wasm,svg,png,json,pmml,xml,onnx}'],
    maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
  },
});

export default defineConfig({
  plugins: [svelte(), pwa],
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  worker: { format: 'es' },
  // The layout worker imports ELK lazily; pre-bundling it up front spares the dev server a reload on first use.
  optimizeDeps: { include: ['elkjs/lib/elk.bundled.js'] },
  build: { target: 'es2022', sourcemap: true },
  test: {
    expect: { requireAssertions: true },
    projects: [
      {
        extends: true,
        test: {
          name: 'engine',
          environment: 'node',
          include: ['src/engine/**/*.test.ts', 'src/cli/**/*.test.ts'],
          testTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          environment: 'node',
          include: ['src/ui/**/*.test.ts'],
        },
      },
    ],
  },
});
