import { InvalidMarkupError } from '../../../../errors.js';
import type { BayesianNetworkNode } from '../../schema/bayesian-network-model.js';

/** The graph of a Bayesian network: node states, discrete parents and a topological order. */
export interface NetworkGraph {
  readonly nodes: readonly BayesianNetworkNode[];
  readonly index: ReadonlyMap<string, number>;
  /** The states of each discrete node, in the order the document first names them; empty for continuous nodes. */
  readonly states: readonly (readonly string[])[];
  /** Indices of each node's parents, in the order its first table row names them. */
  readonly parents: readonly (readonly number[])[];
  /** Parents before children. */
  readonly order: readonly number[];
}

export function buildNetworkGraph(nodes: readonly BayesianNetworkNode[]): NetworkGraph {
  const index = new Map<string, number>();
  nodes.forEach((node, i) => {
    if (index.has(node.name)) {
      throw new InvalidMarkupError(`The Bayesian network declares node '${node.name}' twice (line ${node.line}).`, node.kind, node.line);
    }
    index.set(node.name, i);
  });
  const states = nodes.map((node) => {
    if (node.kind !== 'DiscreteNode') return [];
    const seen: string[] = [];
    for (const row of node.rows) for (const { value } of row.ValueProbability) if (!seen.includes(value)) seen.push(value);
    return seen;
  });
  const parents = nodes.map((node) => {
    const names: string[] = [];
    for (const row of node.rows) for (const { parent } of row.ParentValue) if (!names.includes(parent)) names.push(parent);
    return names.map((name) => {
      const parent = index.get(name);
      if (parent === undefined || nodes[parent].kind !== 'DiscreteNode') {
        throw new InvalidMarkupError(
          `<ParentValue> of node '${node.name}' names '${name}', which is not a discrete node of the network (line ${node.line}).`,
          'ParentValue',
          node.line,
        );
      }
      return parent;
    });
  });
  const order: number[] = [];
  const mark = new Uint8Array(nodes.length);
  const visit = (i: number): void => {
    if (mark[i] === 2) return;
    if (mark[i] === 1) {
      throw new InvalidMarkupError(`The Bayesian network has a cycle through node '${nodes[i].name}' (line ${nodes[i].line}).`, nodes[i].kind, nodes[i].line);
    }
    mark[i] = 1;
    for (const p of parents[i]) visit(p);
    mark[i] = 2;
    order.push(i);
  };
  nodes.forEach((_, i) => visit(i));
  return { nodes, index, states, parents, order };
}

/**
 * Keys a conditional table row by its parents' state indices. Every row must give a value for every parent
 * of the node, and the value must be one of the parent's states.
 */
export function rowKey(graph: NetworkGraph, node: number, row: { readonly ParentValue: readonly { parent: string; value: string }[]; readonly line: number }): string {
  return graph.parents[node]
    .map((p) => {
      const parentName = graph.nodes[p].name;
      const given = row.ParentValue.find((v) => v.parent === parentName);
      const state = given === undefined ? -1 : graph.states[p].indexOf(given.value);
      if (state < 0) {
        throw new InvalidMarkupError(
          `A conditional probability row of node '${graph.nodes[node].name}' gives no known value for parent '${parentName}' (line ${row.line}).`,
          'ParentValue',
          row.line,
        );
      }
      return state;
    })
    .join(',');
}
