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
import { compileDistribution, type CompiledDistribution } from './bayesian-network-model/densities.js';
import { buildNetworkGraph, rowKey, type NetworkGraph } from './bayesian-network-model/network.js';

/** Exact enumeration visits every joint state of the hidden discrete nodes; beyond this many it is refused at load. */
const MAX_JOINT_STATES = 1 << 20;

/** What a node contributes to the joint probability, keyed by its parents' states. */
type DiscreteTable = ReadonlyMap<string, Float64Array>;
type ContinuousTable = ReadonlyMap<string, CompiledDistribution>;

/** Observed evidence of one node for a record: a state index, a number, or `undefined` when not observed. */
type EvidenceReader = (ctx: EvaluationContext) => number | undefined;

/** Receives each joint state of the enumerated nodes (indexed by node) with its weight. */
type JointStateSink = (assignment: Int32Array, weight: number) => void;

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
    const table = new Map<string, CompiledDistribution>();
    for (const row of node.rows) table.set(rowKey(graph, i, row), compileDistribution(row.distribution, node.name, mc.scope, mc.env));
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

/** Keys a node's table row by the states its parents have in `assignment`. */
function parentKey(graph: NetworkGraph, i: number, assignment: Int32Array): string {
  return graph.parents[i].map((p) => assignment[p]).join(',');
}

/**
 * Exact inference by enumeration: visits every joint state of the hidden discrete nodes that matter, weighted by
 * Π P(node | parents) times the density of every observed continuous node. Nodes that are neither observed, the
 * target, nor an ancestor of one sum to 1 and are left out; the (unobserved) target contributes no factor.
 */
function compileEnumeration(
  graph: NetworkGraph,
  tables: readonly (DiscreteTable | ContinuousTable)[],
  evidence: readonly (EvidenceReader | undefined)[],
  targetIndex: number,
): (ctx: EvaluationContext, sink: JointStateSink) => void {
  const n = graph.nodes.length;
  const missingRow = (i: number): never => {
    throw new UndefinedResultError(`Bayesian network node '${graph.nodes[i].name}' has no table row for its parents' states.`);
  };
  return (ctx, sink) => {
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
    const visit = (position: number, weight: number): void => {
      if (weight === 0) return;
      if (position === order.length) {
        sink(assignment, weight);
        return;
      }
      const i = order[position];
      const value = observed[i];
      if (graph.nodes[i].kind === 'ContinuousNode') {
        if (value === undefined) {
          visit(position + 1, weight);
          return;
        }
        const distribution = (tables[i] as ContinuousTable).get(parentKey(graph, i, assignment)) ?? missingRow(i);
        visit(position + 1, weight * distribution.density(ctx, value));
        return;
      }
      const probabilities = (tables[i] as DiscreteTable).get(parentKey(graph, i, assignment)) ?? missingRow(i);
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
  };
}

const ZERO_EVIDENCE = 'The evidence of this record has zero probability under the Bayesian network.';

export function compileBayesianNetworkModel(model: BayesianNetworkModel, mc: ModelCompileContext): (ctx: EvaluationContext) => Prediction {
  const graph = buildNetworkGraph(model.BayesianNetworkNodes);
  const { target } = mc;
  const targetIndex = target.name === undefined ? undefined : graph.index.get(target.name);
  if (targetIndex === undefined) {
    throw new InvalidMarkupError(`The target of <BayesianNetworkModel> is not a node of its network (line ${model.line}).`, model.element, model.line);
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
  const enumerate = compileEnumeration(graph, tables, compileEvidence(graph, mc, targetIndex), targetIndex);

  if (graph.nodes[targetIndex].kind === 'ContinuousNode') {
    // A continuous target predicts its posterior mean: Σ P(parent states | evidence) · E[target | parent states].
    const rows = tables[targetIndex] as ContinuousTable;
    const dataType = target.dataType === 'float' ? 'float' : 'double';
    return (ctx) => {
      const weights = new Map<string, number>();
      enumerate(ctx, (assignment, weight) => {
        const key = parentKey(graph, targetIndex, assignment);
        weights.set(key, (weights.get(key) ?? 0) + weight);
      });
      let total = 0;
      let sum = 0;
      for (const [key, weight] of weights) {
        const row = rows.get(key);
        if (row === undefined) throw new UndefinedResultError(`Bayesian network node '${target.name}' has no table row for its parents' states.`);
        total += weight;
        sum += weight * row.mean(ctx);
      }
      if (!(total > 0)) throw new UndefinedResultError(ZERO_EVIDENCE);
      return { value: { dataType, value: mc.math.round(sum / total) } };
    };
  }

  const targetStates = graph.states[targetIndex];
  const keys: ValueKey[] = targetStates.map((s) => looseValue(s, target.dataType).value);
  return (ctx) => {
    const posterior = new Float64Array(targetStates.length);
    enumerate(ctx, (assignment, weight) => {
      posterior[assignment[targetIndex]] += weight;
    });
    const total = posterior.reduce((a, b) => a + b, 0);
    if (!(total > 0)) throw new UndefinedResultError(ZERO_EVIDENCE);
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
      { label: 'Inference', value: `${model.inferenceMethod} (scored by exact enumeration)` },
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
