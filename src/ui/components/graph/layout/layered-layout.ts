import type { LayoutProgress, LayoutRequest, LayoutResult } from './protocol.js';

/** Gap between two nodes of one layer and between two layers, in layout units (px at zoom 1). */
const NODE_GAP = 20;
const LAYER_GAP = 36;
const MARGIN = 20;
const ORDERING_SWEEPS = 3;

interface Adjacency {
  readonly preds: number[][];
  readonly succs: number[][];
}

/**
 * A Sugiyama-style layered layout in near-linear time, for graphs too large for ELK: longest-path layering,
 * barycentre ordering over coordinates, and layer placement by isotonic regression (each node as close to the
 * mean of its neighbours as the spacing allows). Long edges get no dummy nodes; they are drawn as curves.
 */
export function layeredLayout(request: LayoutRequest, progress: LayoutProgress = () => {}): LayoutResult {
  const isHorizontal = request.direction === 'LR';
  const n = request.nodes.length;
  // Lay out top-to-bottom; for left-to-right, swap each node's extent first and the axes at the end.
  const w = Float64Array.from(request.nodes, (node) => (isHorizontal ? node.height : node.width));
  const h = Float64Array.from(request.nodes, (node) => (isHorizontal ? node.width : node.height));
  const adjacency = buildAdjacency(request);
  progress('layering', 0.1);
  const layers = assignLayers(n, adjacency);
  progress('ordering', 0.3);
  const cx = new Float64Array(n);
  placeLayers(layers, w, cx, () => undefined);
  for (let sweep = 0; sweep < ORDERING_SWEEPS; sweep++) {
    reorderAndPlace(layers, adjacency.preds, w, cx);
    reorderAndPlace([...layers].reverse(), adjacency.succs, w, cx);
    progress('ordering', 0.3 + (0.6 * (sweep + 1)) / ORDERING_SWEEPS);
  }
  reorderAndPlace(layers, adjacency.preds, w, cx);
  const top = new Float64Array(n);
  let y = MARGIN;
  for (const layer of layers) {
    let depth = 0;
    for (const v of layer) depth = Math.max(depth, h[v]);
    for (const v of layer) top[v] = y + (depth - h[v]) / 2;
    y += depth + LAYER_GAP;
  }
  let minX = Infinity;
  let maxX = -Infinity;
  for (let v = 0; v < n; v++) {
    minX = Math.min(minX, cx[v] - w[v] / 2);
    maxX = Math.max(maxX, cx[v] + w[v] / 2);
  }
  const shift = n === 0 ? 0 : MARGIN - minX;
  const left = Float64Array.from(cx, (c, v) => c - w[v] / 2 + shift);
  const index = new Map(request.nodes.map((node, i) => [node.id, i]));
  const edgePoints = request.edges.map((edge) => {
    const s = index.get(edge.source);
    const t = index.get(edge.target);
    if (s === undefined || t === undefined) return new Float64Array(0);
    return Float64Array.of(left[s] + w[s] / 2, top[s] + h[s], left[t] + w[t] / 2, top[t]);
  });
  progress('done', 1);
  const width = n === 0 ? 0 : maxX - minX + 2 * MARGIN;
  const height = n === 0 ? 0 : y - LAYER_GAP + MARGIN;
  if (!isHorizontal) return { x: left, y: top, edgePoints, width, height, engine: 'layered' };
  for (const points of edgePoints) {
    for (let i = 0; i < points.length; i += 2) [points[i], points[i + 1]] = [points[i + 1], points[i]];
  }
  return { x: top, y: left, edgePoints, width: height, height: width, engine: 'layered' };
}

function buildAdjacency(request: LayoutRequest): Adjacency {
  const index = new Map(request.nodes.map((node, i) => [node.id, i]));
  const preds: number[][] = request.nodes.map(() => []);
  const succs: number[][] = request.nodes.map(() => []);
  for (const edge of request.edges) {
    const s = index.get(edge.source);
    const t = index.get(edge.target);
    if (s === undefined || t === undefined || s === t) continue;
    succs[s].push(t);
    preds[t].push(s);
  }
  return { preds, succs };
}

/**
 * Longest-path layering over a topological order (Kahn). Nodes on a cycle, which a valid ONNX graph has not,
 * follow in input order and their back edges are ignored. Sources (graph inputs, constants) are then pulled
 * down to the layer just above their first consumer, as netron draws them.
 */
function assignLayers(n: number, { preds, succs }: Adjacency): number[][] {
  const indegree = Int32Array.from(preds, (p) => p.length);
  const order: number[] = [];
  const isQueued = new Uint8Array(n);
  const enqueue = (v: number) => {
    isQueued[v] = 1;
    order.push(v);
  };
  for (let v = 0; v < n; v++) if (indegree[v] === 0) enqueue(v);
  let unqueued = 0;
  for (let head = 0; head < order.length || order.length < n; head++) {
    if (head === order.length) {
      while (isQueued[unqueued]) unqueued++;
      enqueue(unqueued);
    }
    for (const t of succs[order[head]]) if (--indegree[t] === 0 && !isQueued[t]) enqueue(t);
  }
  const position = new Int32Array(n);
  order.forEach((v, i) => (position[v] = i));
  const layer = new Int32Array(n);
  for (const v of order) {
    for (const s of preds[v]) if (position[s] < position[v]) layer[v] = Math.max(layer[v], layer[s] + 1);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const v = order[i];
    if (preds[v].length > 0 || succs[v].length === 0) continue;
    let first = Infinity;
    for (const t of succs[v]) if (position[t] > i) first = Math.min(first, layer[t]);
    if (first !== Infinity) layer[v] = Math.max(layer[v], first - 1);
  }
  const layers: number[][] = [];
  for (const v of order) (layers[layer[v]] ??= []).push(v);
  return layers.filter((l) => l !== undefined);
}

/** Sorts each layer by the mean centre of its neighbours (barycentre heuristic), then places it. */
function reorderAndPlace(layers: number[][], neighbours: number[][], w: Float64Array, cx: Float64Array): void {
  const key = new Float64Array(cx.length);
  const desired = (v: number): number | undefined => {
    const list = neighbours[v];
    if (list.length === 0) return undefined;
    let sum = 0;
    for (const u of list) sum += cx[u];
    return sum / list.length;
  };
  for (const layer of layers) {
    for (const v of layer) key[v] = desired(v) ?? cx[v];
    layer.sort((a, b) => key[a] - key[b]);
  }
  placeLayers(layers, w, cx, desired);
}

/**
 * Places each layer's nodes in order, `NODE_GAP` apart, as close as possible (least squares) to where their
 * neighbours want them: subtracting the cumulative spacing turns this into isotonic regression, solved by
 * pool-adjacent-violators in linear time.
 */
function placeLayers(
  layers: number[][],
  w: Float64Array,
  cx: Float64Array,
  desired: (v: number) => number | undefined,
): void {
  for (const layer of layers) {
    const offsets = new Float64Array(layer.length);
    for (let i = 1; i < layer.length; i++) {
      offsets[i] = offsets[i - 1] + (w[layer[i - 1]] + w[layer[i]]) / 2 + NODE_GAP;
    }
    const mid = offsets[layer.length - 1] / 2;
    const targets = layer.map((v, i) => (desired(v) ?? offsets[i] - mid) - offsets[i]);
    const fitted = isotonic(targets);
    layer.forEach((v, i) => (cx[v] = fitted[i] + offsets[i]));
  }
}

/** Non-decreasing least-squares fit of `values` (pool adjacent violators). */
function isotonic(values: readonly number[]): Float64Array {
  const means: number[] = [];
  const sizes: number[] = [];
  for (const value of values) {
    let mean = value;
    let size = 1;
    while (means.length > 0 && means[means.length - 1] > mean) {
      const prevSize = sizes.pop()!;
      mean = (means.pop()! * prevSize + mean * size) / (prevSize + size);
      size += prevSize;
    }
    means.push(mean);
    sizes.push(size);
  }
  const out = new Float64Array(values.length);
  let i = 0;
  means.forEach((mean, block) => out.fill(mean, i, (i += sizes[block])));
  return out;
}
