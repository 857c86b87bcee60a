import { SpatialIndex, type Rect } from '../structure/spatial-index.js';
import type { DisplayGraph, DisplayNode } from './display-graph.js';
import { edgePath } from './edge-path.js';
import type { LayoutDirection, LayoutRequest, LayoutResult } from './layout/protocol.js';

/** A display graph with its layout: boxes, edge paths and the indexes the view culls with. */
export interface PositionedGraph {
  readonly display: DisplayGraph;
  readonly direction: LayoutDirection;
  readonly boxes: readonly Rect[];
  readonly edgePaths: readonly string[];
  readonly edgePoints: readonly Float64Array[];
  readonly nodeIndex: SpatialIndex;
  readonly edgeIndex: SpatialIndex;
  readonly bounds: Rect;
  readonly engine: LayoutResult['engine'];
  readonly indexById: ReadonlyMap<string, number>;
}

export function layoutRequest(
  display: DisplayGraph,
  direction: LayoutDirection,
  engine: LayoutRequest['engine'] = 'auto',
): LayoutRequest {
  return {
    nodes: display.nodes.map(({ id, width, height }) => ({ id, width, height })),
    edges: display.edges.map(({ id, source, target }) => ({ id, source, target })),
    direction,
    engine,
  };
}

export function positionGraph(display: DisplayGraph, direction: LayoutDirection, result: LayoutResult): PositionedGraph {
  const nodeIndex = new SpatialIndex();
  const boxes = display.nodes.map((node, i) => {
    const box = { x: result.x[i], y: result.y[i], width: node.width, height: node.height };
    nodeIndex.insert(i, box);
    return box;
  });
  const edgeIndex = new SpatialIndex();
  result.edgePoints.forEach((points, i) => edgeIndex.insert(i, pointsBounds(points)));
  return {
    display,
    direction,
    boxes,
    edgePaths: result.edgePoints.map((points) => edgePath(points, direction)),
    edgePoints: result.edgePoints,
    nodeIndex,
    edgeIndex,
    bounds: { x: 0, y: 0, width: result.width, height: result.height },
    engine: result.engine,
    indexById: new Map(display.nodes.map((node, i) => [node.id, i])),
  };
}

function pointsBounds(points: Float64Array): Rect {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < points.length; i += 2) {
    x0 = Math.min(x0, points[i]);
    x1 = Math.max(x1, points[i]);
    y0 = Math.min(y0, points[i + 1]);
    y1 = Math.max(y1, points[i + 1]);
  }
  return points.length === 0 ? { x: 0, y: 0, width: 0, height: 0 } : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * The zoomed-out drawing: every visible node as a plain box and every visible edge, merged into one path per
 * category plus one for the edges, so ten thousand nodes cost a dozen DOM elements instead of thirty thousand.
 */
export function overviewPaths(
  positioned: PositionedGraph,
  nodes: readonly number[],
  edges: readonly number[],
): { readonly edges: string; readonly nodes: readonly { readonly category: DisplayNode['category']; readonly d: string }[] } {
  const byCategory = new Map<DisplayNode['category'], string[]>();
  for (const i of nodes) {
    const { x, y, width, height } = positioned.boxes[i];
    const category = positioned.display.nodes[i].category;
    const parts = byCategory.get(category) ?? [];
    parts.push(`M${x.toFixed(1)},${y.toFixed(1)}h${width}v${height}h${-width}z`);
    byCategory.set(category, parts);
  }
  return {
    edges: edges.map((i) => positioned.edgePaths[i]).join(''),
    nodes: [...byCategory].map(([category, parts]) => ({ category, d: parts.join('') })),
  };
}
