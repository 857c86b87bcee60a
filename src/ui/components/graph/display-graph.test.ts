import { describe, expect, it } from 'vitest';
import { buildDisplayGraph, functionGraph, functionOf, outerScopeValues, subgraphsOf } from './display-graph.js';
import { searchNodes, stepMatch } from './search.js';
import { smallGraph } from '../structure/fixtures.js';

describe('buildDisplayGraph', () => {
  it('folds initializers into their consumer instead of drawing them', () => {
    const display = buildDisplayGraph(smallGraph());
    const conv = display.nodes.find((node) => node.id === 'conv')!;
    expect(conv.initializers.map((i) => i.inputName)).toEqual(['conv.weight', 'conv.bias']);
    expect(conv.rows[0]).toEqual({ name: 'weight', text: '⟨8×3×3×3⟩' });
    expect(display.edges.some((edge) => edge.value === 'conv.weight')).toBe(false);
  });

  it('draws graph inputs and outputs as pills joined to their consumers and producers', () => {
    const display = buildDisplayGraph(smallGraph());
    expect(display.edges.find((edge) => edge.source === 'input:image')?.target).toBe('conv');
    expect(display.edges.find((edge) => edge.target === 'output:probs')?.source).toBe('softmax');
  });

  it('labels an edge with the declared type and shape of its value', () => {
    const display = buildDisplayGraph(smallGraph());
    expect(display.edges.find((edge) => edge.value === 'c')?.label).toBe('float32[1,8,6,6]');
  });

  it('finds the subgraph held by an If attribute', () => {
    const node = smallGraph().nodes.find((n) => n.opType === 'If')!;
    expect(subgraphsOf(node).map((s) => s.label)).toEqual(['then_branch']);
  });

  it('joins an If to the outer values its branch reads, as an implicit edge', () => {
    const graph = smallGraph();
    const nodes = graph.nodes.map((n) => (n.opType === 'If' ? { ...n, inputs: ['c'] } : n));
    const display = buildDisplayGraph({ ...graph, nodes });
    const implicit = display.edges.filter((edge) => edge.isImplicit);
    expect(implicit.map((edge) => [edge.source, edge.target, edge.value])).toEqual([['softmax', 'check', 'probs']]);
  });

  it('lists the names a subgraph reads from the outer scope', () => {
    const branch = subgraphsOf(smallGraph().nodes.find((n) => n.opType === 'If')!)[0].graph;
    expect(outerScopeValues(branch)).toEqual(['probs']);
  });

  it('draws no edge for a value produced outside the subgraph', () => {
    const branch = subgraphsOf(smallGraph().nodes.find((n) => n.opType === 'If')!)[0].graph;
    const display = buildDisplayGraph(branch);
    expect(display.edges.map((edge) => edge.value)).toEqual(['then_out']);
  });
});

describe('searchNodes', () => {
  it('matches op types case-insensitively in reading order', () => {
    const display = buildDisplayGraph(smallGraph());
    const y = new Map(display.nodes.map((node, i) => [i, display.nodes.length - i]));
    const matches = searchNodes(display.nodes, 'RELU', (i) => ({ x: 0, y: y.get(i)! }));
    expect(matches.map((i) => display.nodes[i].id)).toEqual(['relu']);
  });

  it('walks matches forwards and backwards with wrap-around', () => {
    expect(stepMatch(2, 3, 1)).toBe(0);
    expect(stepMatch(0, 3, -1)).toBe(2);
  });
});

describe('model-local functions', () => {
  it('finds the function a node calls and opens its body as a graph', () => {
    const fn = { name: 'Swish', domain: 'custom', inputs: ['x'], outputs: ['y'], attributes: [], nodes: [
      { id: 's', name: 's', opType: 'Sigmoid', domain: '', inputs: ['x'], outputs: ['s'], attributes: [] },
      { id: 'm', name: 'm', opType: 'Mul', domain: '', inputs: ['x', 's'], outputs: ['y'], attributes: [] },
    ] };
    const node = { id: 'n', name: 'n', opType: 'Swish', domain: 'custom', inputs: ['a'], outputs: ['b'], attributes: [] };
    expect(functionOf(node, [fn])).toBe(fn);
    const display = buildDisplayGraph(functionGraph(fn));
    expect(display.nodes.map((n) => n.id)).toEqual(['input:x', 's', 'm', 'output:y']);
    expect(display.edges).toHaveLength(4);
  });
});

describe('display options', () => {
  it('adds the operator name as the first row when names are shown', () => {
    const conv = buildDisplayGraph(smallGraph(), { showNames: true }).nodes.find((n) => n.id === 'conv')!;
    const plain = buildDisplayGraph(smallGraph()).nodes.find((n) => n.id === 'conv')!;
    expect(conv.rows[0]).toEqual({ name: 'conv', text: '', isName: true });
    expect(conv.height).toBeGreaterThan(plain.height);
  });
});
