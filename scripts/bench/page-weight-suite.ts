/**
 * What the first page (no model open) costs to load: the entry script and the modules `index.html` preloads,
 * raw and gzipped, against everything the build ships (the baseline), with a check that none of it is
 * onnxruntime-web. Reads `dist/`, so it measures the build `npm run build` last made.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchSuite, BenchTable } from './suite.js';

const DIST = 'dist';

function sizes(path: string): { raw: number; gzip: number } {
  const bytes = readFileSync(path);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** Scripts the first page loads: `<script src>` and `<link rel="modulepreload">` in the built index.html. */
function initialScripts(html: string): string[] {
  const urls = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)];
  return [...new Set(urls.map((match) => match[1].replace(/^\//, '')))];
}

export const pageWeightSuite: BenchSuite = {
  name: 'first page weight',
  async run(): Promise<readonly BenchTable[]> {
    if (!existsSync(join(DIST, 'index.html'))) {
      return [{ title: 'First page weight', columns: ['file'], rows: [], notes: ['No build in dist/: run `npm run build` first.'] }];
    }
    const scripts = initialScripts(readFileSync(join(DIST, 'index.html'), 'utf8'));
    const rows = scripts.map((file) => {
      const { raw, gzip } = sizes(join(DIST, file));
      return { file, raw, gzip };
    });
    const total = rows.reduce((sum, row) => ({ raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip }), { raw: 0, gzip: 0 });
    const shipped = readdirSync(join(DIST, 'assets'))
      .filter((file) => /\.(m?js)$/.test(file))
      .reduce((sum, file) => sum + statSync(join(DIST, 'assets', file)).size, 0);
    // onnxruntime-web's chunks are named after its files (ort.bundle.min, ort-wasm-simd-threaded.jsep).
    const loadsOrt = rows.some((row) => /(^|\/)ort[.-]/.test(row.file));
    return [
      {
        title: 'First page weight (no model open)',
        columns: ['script', 'raw', 'gzip'],
        rows: [...rows.map((row) => [row.file, kb(row.raw), kb(row.gzip)]), ['total', kb(total.raw), kb(total.gzip)]],
        notes: [
          `All JavaScript the build ships: ${kb(shipped)} raw; the first page loads ${((100 * total.raw) / shipped).toFixed(1)}% of it.`,
          `onnxruntime-web on the first page: ${loadsOrt ? 'YES (it should load only when an ONNX model opens)' : 'no'}.`,
        ],
      },
    ];
  },
};
