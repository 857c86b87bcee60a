import { describe, expect, it } from 'vitest';
import ELK from 'elkjs/lib/elk.bundled.js';
import { buildDisplayGraph } from '../components/graph/display-graph.js';
import type { LayoutRequest, WorkerResponse } from '../components/graph/layout/protocol.js';
import { SpatialIndex, visibleRect } from '../components/structure/spatial-index.js';
import { smallGraph, syntheticGraph } from '../components/structure/fixtures.js';
import { handleLayoutMessage } from './layout-handler.js';
import { LayoutCancelledError, LayoutClient, type LayoutTransport } from './layout-client.js';

/** The worker's handler run in-process, answering asynchronously like a worker does. */
function inProcessTransport(): LayoutTransport {
  let handler: (message: WorkerResponse) => void = () => {};
  let isTerminated = false;
  return {
    post: (message) =>
      void handleLayoutMessage(message, async () => new ELK(), (response) => {
        if (!isTerminated) handler(response);
      }),
    listen: (onMessage) => (handler = onMessage),
    terminate: () => (isTerminated = true),
  };
}

function requestFor(count: number): LayoutRequest {
  const display = buildDisplayGraph(syntheticGraph(count));
  return {
    nodes: display.nodes.map(({ id, width, height }) => ({ id, width, height })),
    edges: display.edges.map(({ id, source, target }) => ({ id, source, target })),
    direction: 'TB',
    engine: 'auto',
  };
}

describe('LayoutClient', () => {
  it('lays out a 10,000-node graph with the layered layout in well under two seconds', async () => {
    const request = requestFor(10_000);
    const phases: string[] = [];
    const started = performance.now();
    const result = await new LayoutClient(inProcessTransport).layout(request, (phase) => phases.push(phase));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.engine).toBe('layered');
    expect(result.x).toHaveLength(request.nodes.length);
    expect(phases).toContain('ordering');
  });

  it('places every node of a large graph below the nodes it consumes', async () => {
    const request = requestFor(10_000);
    const result = await new LayoutClient(inProcessTransport).layout(request);
    const index = new Map(request.nodes.map((node, i) => [node.id, i]));
    const violations = request.edges.filter((edge) => {
      const s = index.get(edge.source)!;
      const t = index.get(edge.target)!;
      return result.y[t] < result.y[s] + request.nodes[s].height;
    });
    expect(violations).toEqual([]);
  });

  it('keeps nodes from overlapping', async () => {
    const request = requestFor(2000);
    const result = await new LayoutClient(inProcessTransport).layout({ ...request, engine: 'layered' });
    const boxes = request.nodes.map((node, i) => ({ x: result.x[i], y: result.y[i], w: node.width, h: node.height }));
    boxes.sort((a, b) => a.x - b.x);
    const overlaps = boxes.filter((box, i) => {
      for (let j = i + 1; j < boxes.length && boxes[j].x < box.x + box.w; j++) {
        if (boxes[j].y < box.y + box.h && box.y < boxes[j].y + boxes[j].h) return true;
      }
      return false;
    });
    expect(overlaps).toEqual([]);
  });

  it('lays out a small graph with ELK, edges routed from source to target', async () => {
    const display = buildDisplayGraph(smallGraph());
    const request: LayoutRequest = {
      nodes: display.nodes.map(({ id, width, height }) => ({ id, width, height })),
      edges: display.edges.map(({ id, source, target }) => ({ id, source, target })),
      direction: 'LR',
      engine: 'auto',
    };
    const result = await new LayoutClient(inProcessTransport).layout(request);
    expect(result.engine).toBe('elk');
    const image = display.nodes.findIndex((node) => node.id === 'input:image');
    const probs = display.nodes.findIndex((node) => node.id === 'output:probs');
    expect(result.x[probs]).toBeGreaterThan(result.x[image]);
    expect(result.edgePoints.every((points) => points.length >= 4)).toBe(true);
  });

  it('rejects a running layout when a newer one is requested', async () => {
    const client = new LayoutClient(inProcessTransport);
    const first = client.layout(requestFor(50));
    const second = client.layout(requestFor(60));
    await expect(first).rejects.toBeInstanceOf(LayoutCancelledError);
    await expect(second).resolves.toHaveProperty('engine');
  });
});

describe('viewport culling over a laid-out 10,000-node graph', () => {
  it('returns only the nodes inside the viewport, quickly', async () => {
    const request = requestFor(10_000);
    const result = await new LayoutClient(inProcessTransport).layout(request);
    const index = new SpatialIndex();
    request.nodes.forEach((node, i) => index.insert(i, { x: result.x[i], y: result.y[i], width: node.width, height: node.height }));
    const view = visibleRect({ x: -result.x[5000] + 100, y: -result.y[5000] + 100, k: 1 }, 1280, 800);
    const started = performance.now();
    for (let i = 0; i < 100; i++) index.query(view);
    const perQuery = (performance.now() - started) / 100;
    const visible = index.query(view);
    expect(perQuery).toBeLessThan(5);
    expect(visible).toContain(5000);
    expect(visible.length).toBeGreaterThan(0);
    expect(visible.length).toBeLessThan(200);
  });
});
