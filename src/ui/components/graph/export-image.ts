import type { DisplayNode } from './display-graph.js';
import { CATEGORY_COLORS } from './palette.js';
import type { PositionedGraph } from './positioned-graph.js';

/** Canvas limits of the major browsers (Chromium/Firefox: 32,767 px per side, ~268 M pixels in area). */
const MAX_CANVAS_SIDE = 16_384;
const MAX_CANVAS_AREA = 128_000_000;

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

function nodeSvg(node: DisplayNode, x: number, y: number): string {
  const color = CATEGORY_COLORS[node.category];
  const text = (tx: number, ty: number, body: string, style: string) =>
    `<text x="${tx}" y="${ty}" style="${style}">${escapeXml(body)}</text>`;
  if (node.kind !== 'op') {
    return `<g transform="translate(${x},${y})"><rect width="${node.width}" height="${node.height}" rx="${node.height / 2}" fill="#e5e7eb" stroke="#9ca3af"/>${text(node.width / 2, 16, node.label, 'font:500 11px sans-serif;text-anchor:middle;fill:#111827')}</g>`;
  }
  const rows = node.rows.map((row, i) => text(8, 40 + 14 * i, `${row.name} ${row.text}`, 'font:10px monospace;fill:#374151'));
  const square = node.rows.length > 0 ? `<rect y="12" width="${node.width}" height="12" fill="${color}"/>` : '';
  return (
    `<g transform="translate(${x},${y})"><rect width="${node.width}" height="${node.height}" rx="5" fill="#fff" stroke="#9ca3af"/>` +
    `<rect width="${node.width}" height="24" rx="5" fill="${color}"/>${square}` +
    `${text(node.width / 2, 16, node.label, 'font:600 11px sans-serif;text-anchor:middle;fill:#fff')}${rows.join('')}</g>`
  );
}

/** The whole laid-out graph as a standalone SVG document (all nodes, not only the visible ones), light theme. */
export function graphToSvg(positioned: PositionedGraph): string {
  const { width, height } = positioned.bounds;
  const edges = positioned.edgePaths.map((d, i) => {
    const dash = positioned.display.edges[i].isImplicit ? ' stroke-dasharray="4 3"' : '';
    return `<path d="${d}" fill="none" stroke="#6b7280" stroke-width="1.2"${dash} marker-end="url(#a)"/>`;
  });
  const nodes = positioned.display.nodes.map((node, i) => nodeSvg(node, positioned.boxes[i].x, positioned.boxes[i].y));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(width)}" height="${Math.ceil(height)}" viewBox="0 0 ${width} ${height}">` +
    `<defs><marker id="a" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#6b7280"/></marker></defs>` +
    `<rect width="100%" height="100%" fill="#fff"/>${edges.join('')}${nodes.join('')}</svg>`
  );
}

/** The scale at which a `width × height` drawing fits the canvas limits (at most 2 for crisp output). */
export function pngScale(width: number, height: number): number {
  return Math.min(2, MAX_CANVAS_SIDE / width, MAX_CANVAS_SIDE / height, Math.sqrt(MAX_CANVAS_AREA / (width * height)));
}

/** Rasterises an SVG document to PNG in the browser. */
export async function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
  const scale = pngScale(width, height);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.floor(width * scale));
    canvas.height = Math.max(1, Math.floor(height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw to a canvas.');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The image is too large to export as PNG.'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export async function exportGraph(positioned: PositionedGraph, name: string, as: 'svg' | 'png'): Promise<void> {
  const svg = graphToSvg(positioned);
  const base = name.replace(/[^\w.-]+/g, '_') || 'graph';
  if (as === 'svg') download(new Blob([svg], { type: 'image/svg+xml' }), `${base}.svg`);
  else download(await svgToPng(svg, positioned.bounds.width, positioned.bounds.height), `${base}.png`);
}
