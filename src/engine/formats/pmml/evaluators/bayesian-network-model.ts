import { InvalidMarkupError, InvalidValueError, UndefinedResultError } from '../../../errors.js';
import type { ModelStructure } from '../../../model/description.js';
import type { EvaluationContext } from '../context.js';
import { toNumber, valuesEqual, type ValueKey } from '../convert.js';
import { looseValue } from '../expressions.js';
import type { ModelCompileContext, ModelKind } from '../model-kind.js';
import { parseBayesianNetworkModel } from '../parse/bayesian-network-model.js';
import { classificationResult, type Prediction } from '../prediction.js';
import type { BayesianNetworkModel } from '../schema/bayesian-network-model.js';
import { MISSING } from '../values.js';
import { compileDensity, type Density } from './bayesian-network-model/densities.js';
import { buildNetworkGraph, rowKey, type NetworkGraph } from './bayesian-network-model/network.js';

/** Exact enumeration visits every joint state of the hidden discrete nodes; beyond this many it is refused at load. */
const MAX_JOINT_STATES = 1 << 20;

/** What a node contributes to the joint probability, given its parents' states (and, if observed, its value). */
type DiscreteTable = ReadonlyMap<string, Float64Array>;
type ContinuousTable = ReadonlyMap<string, Density>;

/** Observed evidence of one node for a record: a state index, a number, or `undefined` when not observed. */
type EvidenceReader = (ctx: EvaluationContext) => number | undefined;

function compileTables(model: BayesianNetworkModel, graph: NetworkGraph, mc: ModelCompileContext): (DiscreteTable | ContinuousTable)[] {
  return model.BayesianNetworkNodes.map((node, i) => {
    if (node.kind === 'DiscreteNode') {
      const table = new Map<string, Float64Array>();
      for (const row of node.rows) {
        const probabilities = new Float64Array(graph.states[i].length);
        for (const { value, probability } of row.ValueProbability) probabilities[graph.states[i].indexOf(value)] = probability;
        table.set(rowKey(graph, i, row), probabilities);
      }
      return table;
    }
    const table = new Map<string, Density>();
    for (const row of node.rows) table.set(rowKey(graph, i, row), compileDensity(row.distribution, node.name, mc.scope, mc.env));
    return table;
  });
}

/** Reads the record's value of every node that is an input of the model. */
function compileEvidence(graph: NetworkGraph, mc: ModelCompileContext, targetIndex: number): (EvidenceReader | undefined)[] {
  return graph.nodes.map((node, i) => {
    if (i === targetIndex) return undefined;
    const binding = mc.scope.resolve(node.name);
    if (binding === undefined) return undefined;
    if (node.kind === 'ContinuousNode') {
      return (ctx) => {
        const value = binding.get(ctx);
        return value === MISSING ? undefined : toNumber(value);
      };
    }
    const states = graph.states[i].map((s) => looseValue(s, binding.dataType));
    return (ctx) => {
      const value = binding.get(ctx);
      if (value === MISSING) return undefined;
      const state = states.findIndex((s) => valuesEqual(value, s));
      if (state < 0) throw new InvalidValueError(`Value of field '${node.name}' is not a state of its Bayesian network node.`, node.name);
      return state;
    };
  });
}

export function compileBayesianNetworkModel(model: BayesianNetworkModel, mc: ModelCompileContext): (ctx: EvaluationContext) => Prediction {
  const graph = buildNetworkGraph(model.BayesianNetworkNodes);
  const { target } = mc;
  const targetIndex = target.name === undefined ? undefined : graph.index.get(target.name);
  if (targetIndex === undefined) {
    throw new InvalidMarkupError(`The target of <BayesianNetworkModel> is not a node of its network (line ${model.line}).`, model.element, model.line);
  }
  if (graph.nodes[targetIndex].kind !== 'DiscreteNode') {
    mc.env.unsupportedFeature(
      'BayesianNetworkModel',
      model.line,
      `<BayesianNetworkModel> with the continuous target node '${target.name}' is not supported; only discrete targets are (line ${model.line}).`,
    );
    return () => ({ value: MISSING });
  }
  const jointStates = graph.states.reduce((product, s) => product * Math.max(s.length, 1), 1);
  if (jointStates > MAX_JOINT_STATES) {
    mc.env.unsupportedFeature(
      'BayesianNetworkModel',
      model.line,
      `<BayesianNetworkModel> has ${jointStates} joint states of its discrete nodes, too many for exact inference (line ${model.line}).`,
    );
  }
  const tables = compileTables(model, graph, mc);
  const evidence = compileEvidence(graph, mc, targetIndex);
  const targetStates = graph.states[targetIndex];
  const keys: ValueKey[] = targetStates.map((s) => looseValue(s, target.dataType).value);
  const n = graph.nodes.length;

  // P(target | evidence) ∝ Σ over the hidden discrete nodes of Π P(node | parents), times the density of every
  // observed continuous node. Nodes that are neither observed, the target, nor an ancestor of one sum to 1 and
  // are left out.
  return (ctx) => {
    const observed: (number | undefined)[] = evidence.map((read) => read?.(ctx));
    const relevant = new Uint8Array(n);
    const mark = (i: number): void => {
      if (relevant[i] === 1) return;
      relevant[i] = 1;
      for (const p of graph.parents[i]) mark(p);
    };
    mark(targetIndex);
    observed.forEach((value, i) => value !== undefined && mark(i));
    const order = graph.order.filter((i) => relevant[i] === 1);
    const assignment = new Int32Array(n);
    const posterior = new Float64Array(targetStates.length);
    const key = (i: number) => graph.parents[i].map((p) => assignment[p]).join(',');
    const visit = (position: number, weight: number): void => {
      if (weight === 0) return;
      if (position === order.length) {
        posterior[assignment[targetIndex]] += weight;
        return;
      }
      const i = order[position];
      const table = tables[i];
      const value = observed[i];
      if (graph.nodes[i].kind === 'ContinuousNode') {
        const density = (table as ContinuousTable).get(key(i));
        if (density === undefined) throw new UndefinedResultError(`Bayesian network node '${graph.nodes[i].name}' has no distribution for its parents' states.`);
        visit(position + 1, weight * density(ctx, value!));
        return;
      }
      const probabilities = (table as DiscreteTable).get(key(i));
      if (probabilities === undefined) throw new UndefinedResultError(`Bayesian network node '${graph.nodes[i].name}' has no probabilities for its parents' states.`);
      if (value !== undefined) {
        assignment[i] = value;
        visit(position + 1, weight * probabilities[value]);
        return;
      }
      for (let s = 0; s < probabilities.length; s++) {
        assignment[i] = s;
        visit(position + 1, weight * probabilities[s]);
      }
    };
    visit(0, 1);
    const total = posterior.reduce((a, b) => a + b, 0);
    if (!(total > 0)) throw new UndefinedResultError('The evidence of this record has zero probability under the Bayesian network.');
    const probabilities = new Map<ValueKey, number>();
    keys.forEach((k, s) => probabilities.set(k, posterior[s] / total));
    return classificationResult(probabilities, target.dataType);
  };
}

export function describeBayesianNetworkModel(model: BayesianNetworkModel): ModelStructure {
  const graph = buildNetworkGraph(model.BayesianNetworkNodes);
  return {
    kind: 'other',
    element: model.element,
    summary: [
      { label: 'Model type', value: model.modelType },
      { label: 'Inference', value: `${model.inferenceMethod} (evaluated by exact enumeration)` },
      ...graph.nodes.map((node, i) => ({
        label: node.name,
        value: `${node.kind === 'DiscreteNode' ? `discrete {${graph.states[i].join(', ')}}` : 'continuous'}${
          graph.parents[i].length === 0 ? '' : ` ← ${graph.parents[i].map((p) => graph.nodes[p].name).join(', ')}`
        }`,
      })),
    ],
  };
}

export const bayesianNetworkModelKind: ModelKind<BayesianNetworkModel> = {
  element: 'BayesianNetworkModel',
  parse: parseBayesianNetworkModel,
  compile: compileBayesianNetworkModel,
  describe: describeBayesianNetworkModel,
};
