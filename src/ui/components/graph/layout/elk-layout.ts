import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { LayoutRequest, LayoutResult } from './protocol.js';

/** The part of ELK's API the layout uses; both `elk.bundled.js` and `elk-api.js` instances satisfy it. */
export interface ElkLayouter {
  layout(graph: ElkNode): Promise<ElkNode>;
}

/**
 * ELK layered options (https://eclipse.dev/elk/reference/algorithms/org-eclipse-elk-layered.html): model order
 * keeps the file's node order where it costs no crossings, so the drawing reads like the ONNX file, as in netron;
 * network-simplex placement keeps long chains straight (measured on ResNet-50: 2,029 px wide against 11,024 px
 * with Brandes–Köpf, at the same speed).
 */
function layoutOptions(request: LayoutRequest): Record<string, string> {
  return {
    'elk.algorithm': 'layered',
    'elk.direction': request.direction === 'LR' ? 'RIGHT' : 'DOWN',
    'elk.edgeRouting': 'POLYLINE',
    'elk.spacing.nodeNode': '20',
    'elk.layered.spacing.nodeNodeBetweenLayers': '32',
    'elk.layered.spacing.edgeNodeBetweenLayers': '16',
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
    'elk.padding': '[top=20,left=20,bottom=20,right=20]',
  };
}

/** Lays the graph out with ELK and reads positions back in request order. */
export async function elkLayout(elk: ElkLayouter, request: LayoutRequest): Promise<LayoutResult> {
  const ids = new Set(request.nodes.map((node) => node.id));
  const edges: ElkExtendedEdge[] = request.edges
    .filter((edge) => ids.has(edge.source) && ids.has(edge.target))
    .map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] }));
  const laidOut = await elk.layout({
    id: 'root',
    layoutOptions: layoutOptions(request),
    children: request.nodes.map((node) => ({ id: node.id, width: node.width, height: node.height })),
    edges,
  });
  const byId = new Map((laidOut.children ?? []).map((child) => [child.id, child]));
  const routed = new Map((laidOut.edges ?? []).map((edge) => [edge.id, edge]));
  const x = Float64Array.from(request.nodes, (node) => byId.get(node.id)?.x ?? 0);
  const y = Float64Array.from(request.nodes, (node) => byId.get(node.id)?.y ?? 0);
  const edgePoints = request.edges.map((edge) => {
    const points: number[] = [];
    for (const section of routed.get(edge.id)?.sections ?? []) {
      for (const p of [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]) points.push(p.x, p.y);
    }
    return Float64Array.from(points);
  });
  return { x, y, edgePoints, width: laidOut.width ?? 0, height: laidOut.height ?? 0, engine: 'elk' };
}
