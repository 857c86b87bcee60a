#!/usr/bin/env node
/**
 * Serves `dist/` the way a plain static host does (GitHub Pages, S3, Netlify without config): correct MIME types,
 * index.html for unknown paths (SPA fallback), and by default **no** cross-origin isolation headers, so the service
 * worker's own COOP/COEP injection is what gets tested. `--isolate` sends COOP/COEP as a configured host would.
 *
 * Usage: node scripts/serve-static.mjs [--isolate] [--dir dist]   (port: $PORT, default 4173)
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const args = process.argv.slice(2);
const isIsolated = args.includes('--isolate');
const root = resolve(args.includes('--dir') ? args[args.indexOf('--dir') + 1] : 'dist');
const port = Number(process.env.PORT ?? 4173);

// https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/MIME_types/Common_types; `.wasm` must be
// application/wasm for WebAssembly.instantiateStreaming, `.mjs` a JavaScript type for module workers.
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.pmml': 'application/xml; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.onnx': 'application/octet-stream',
};

const ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** The file a URL path names inside `root`, or undefined when it escapes root or does not exist. */
async function resolveFile(urlPath) {
  const path = normalize(join(root, decodeURIComponent(urlPath)));
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  const info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) return resolveFile(join(urlPath, 'index.html'));
  return info?.isFile() ? { path, size: info.size } : undefined;
}

const server = createServer(async (request, response) => {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  let file;
  try {
    file = await resolveFile(pathname);
  } catch {
    response.writeHead(400).end('Bad request');
    return;
  }
  // SPA fallback: paths without an extension are app routes; a missing asset is a real 404.
  if (!file && extname(pathname) === '') file = await resolveFile('/index.html');
  if (!file) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  const headers = {
    'Content-Type': TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': file.size,
    // The service worker script and the HTML must be revalidated, or updates are never seen.
    'Cache-Control': /\/(sw\.js|index\.html)$/.test(file.path) ? 'no-cache' : 'public, max-age=3600',
    ...(isIsolated ? ISOLATION : {}),
  };
  response.writeHead(200, headers);
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file.path).pipe(response);
});

server.listen(port, () => {
  const mode = isIsolated ? 'with COOP/COEP headers' : 'without cross-origin isolation headers';
  console.log(`ModelPort is served from ${root} at http://localhost:${port}/ (${mode}).`);
});
