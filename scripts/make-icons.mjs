#!/usr/bin/env node
/**
 * Draws the ModelPort logo (the mark in App.svelte's top bar: three nodes joined by two edges on a rounded
 * square) into the PWA icons under public/icons/, with no image library: shapes are sampled 4×4 per pixel and
 * written as RGBA PNGs (https://www.w3.org/TR/png-3/). Run `node scripts/make-icons.mjs` after changing the logo.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const ACCENT = [0x4f, 0x46, 0xe5];
const WHITE = [0xff, 0xff, 0xff];
const NODES = [[11, 11], [21, 16], [11, 21]];
const EDGES = [[[13.5, 12.2], [18.5, 14.8]], [[13.5, 19.8], [18.5, 17.2]]];

/** Colour of a point in the logo's 32×32 viewBox, or undefined outside it. */
function logoColour(x, y, isFullBleed) {
  const isInTile = isFullBleed || insideRoundedRect(x, y, 2, 2, 28, 28, 8);
  if (!isInTile) return undefined;
  const isMark = NODES.some(([cx, cy]) => (x - cx) ** 2 + (y - cy) ** 2 <= 9) || EDGES.some(([a, b]) => distanceToSegment(x, y, a, b) <= 0.8);
  return isMark ? WHITE : ACCENT;
}

function insideRoundedRect(x, y, left, top, width, height, radius) {
  const cx = Math.min(Math.max(x, left + radius), left + width - radius);
  const cy = Math.min(Math.max(y, top + radius), top + height - radius);
  return x >= left && x <= left + width && y >= top && y <= top + height && (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}

/**
 * Renders a size×size icon. A maskable icon fills the whole square and keeps the mark inside the central 80%
 * "safe zone" (https://w3c.github.io/manifest/#icon-masks), so it is scaled down around the centre.
 */
function render(size, isMaskable) {
  const scale = isMaskable ? 0.72 : 1;
  const samples = 4;
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const u = ((px + (sx + 0.5) / samples) / size - 0.5) / scale + 0.5;
          const v = ((py + (sy + 0.5) / samples) / size - 0.5) / scale + 0.5;
          const colour = isMaskable && (u < 0 || u > 1 || v < 0 || v > 1) ? ACCENT : logoColour(u * 32, v * 32, isMaskable);
          if (!colour) continue;
          for (let c = 0; c < 3; c += 1) sum[c] += colour[c];
          sum[3] += 255;
        }
      }
      const n = samples * samples;
      const covered = sum[3] / 255;
      const offset = (py * size + px) * 4;
      for (let c = 0; c < 3; c += 1) pixels[offset + c] = covered ? Math.round(sum[c] / covered) : 0;
      pixels[offset + 3] = Math.round(sum[3] / n);
    }
  }
  return encodePng(size, pixels);
}

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit depth, colour type 6 (RGBA), deflate, adaptive filtering, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) Buffer.from(rgba.subarray(y * size * 4, (y + 1) * size * 4)).copy(rows, y * (size * 4 + 1) + 1);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', new Uint8Array(0))]);
}

const out = new URL('../public/icons/', import.meta.url);
mkdirSync(out, { recursive: true });
const icons = [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['maskable-512.png', 512, true],
  ['apple-touch-icon-180.png', 180, true],
];
for (const [name, size, isMaskable] of icons) writeFileSync(new URL(name, out), render(size, isMaskable));
writeFileSync(
  new URL('favicon.svg', out),
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect x="2" y="2" width="28" height="28" rx="8" fill="#4f46e5"/>${NODES.map(([x, y]) => `<circle cx="${x}" cy="${y}" r="3" fill="#fff"/>`).join('')}<path d="M13.5 12.2 18.5 14.8M13.5 19.8l5-2.6" stroke="#fff" stroke-width="1.6"/></svg>\n`,
);
console.log(`Wrote ${icons.length} PNG icons and favicon.svg to ${out.pathname}`);
