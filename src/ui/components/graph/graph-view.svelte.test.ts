import ELK from 'elkjs/lib/elk.bundled.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { handleLayoutMessage } from '../../workers/layout-handler.js';
import { LayoutClient, type LayoutTransport } from '../../workers/layout-client.js';
import { smallGraph, syntheticGraph } from '../structure/fixtures.js';
import { GraphViewState } from './graph-view.svelte.js';

function client(): LayoutClient {
  return new LayoutClient((): LayoutTransport => {
    let handler: Parameters<LayoutTransport['listen']>[0] = () => {};
    return {
      post: (message) => void handleLayoutMessage(message, async () => new ELK(), (response) => handler(response)),
      listen: (onMessage) => (handler = onMessage),
      terminate: () => {},
    };
  });
}

async function laidOut(graph = smallGraph()): Promise<GraphViewState> {
  const view = new GraphViewState(graph, client());
  view.panZoom.width = 1280;
  view.panZoom.height = 800;
  await view.relayout();
  return view;
}

describe('GraphViewState', () => {
  let large: Promise<GraphViewState>;
  beforeAll(() => {
    large = laidOut(syntheticGraph(10_000));
  });

  it('lays the graph out and reports it done', async () => {
    const view = await laidOut();
    expect(view.status.state).toBe('done');
    expect(view.positioned?.boxes).toHaveLength(view.display.nodes.length);
  });

  it('selects and focuses search matches in turn', async () => {
    const view = await laidOut();
    view.search('conv');
    expect(view.matches.length).toBeGreaterThan(0);
    expect(view.selectedId).toBe(view.display.nodes[view.matches[0]].id);
    view.stepMatch(-1);
    expect(view.selectedId).toBe(view.display.nodes[view.matches[view.matches.length - 1]].id);
  });

  it('opens a subgraph and goes back through the breadcrumb', async () => {
    const view = await laidOut();
    const node = view.current.nodes.find((n) => n.opType === 'If')!;
    view.openSubgraph('check.then_branch', node.attributes[0].value as never);
    expect(view.stack.map((entry) => entry.label)).toEqual(['small', 'check.then_branch']);
    expect(view.display.nodes.map((n) => n.label)).toEqual(['Identity', 'then_out']);
    view.openAncestor(0);
    expect(view.current.name).toBe('small');
  });

  it('draws a zoomed-out 10,000-node graph as merged paths, not one element per node', async () => {
    const view = await large;
    view.fitToView();
    expect(view.isDetailed).toBe(false);
    expect(view.overview?.nodes.length).toBeLessThanOrEqual(12);
  });

  it('lays out a graph without nodes', async () => {
    const view = await laidOut({ ...smallGraph(), inputs: [], outputs: [], nodes: [] });
    expect(view.status.state).toBe('done');
    expect(view.visible.nodes).toEqual([]);
  });

  it('opens a large graph at its start at reading size', async () => {
    const view = await large;
    view.showStart();
    expect(view.panZoom.transform.k).toBeGreaterThan(0.45);
    expect(view.visible.nodes.length).toBeLessThan(50);
  });
});
