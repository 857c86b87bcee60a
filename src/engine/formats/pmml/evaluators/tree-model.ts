import type { EvaluationContext } from '../context.js';
import { parseValue, type ValueKey } from '../convert.js';
import { describeTree } from '../describe-models.js';
import { looseValue } from '../expressions.js';
import type { ModelCompileContext, ModelKind } from '../model-kind.js';
import { parseTreeModel } from '../parse/tree-model.js';
import { compilePredicate, type CompiledPredicate, type Truth } from '../predicates.js';
import { classificationResult, MISSING_PREDICTION, type Prediction } from '../prediction.js';
import type { Node, TreeModel } from '../schema/tree-model.js';
import { MISSING, type Value } from '../values.js';

/** A Node compiled with its result precomputed: scoring a record allocates nothing unless a penalty applies. */
interface CompiledNode {
  readonly node: Node;
  readonly predicate: CompiledPredicate;
  /** The parts of a `surrogate` predicate, when deciding by a later part costs a missing-value penalty. */
  readonly surrogates?: readonly CompiledPredicate[];
  readonly children: CompiledNode[];
  defaultChild?: CompiledNode;
  readonly prediction: Prediction;
}

function nodePrediction(node: Node, path: readonly string[], model: TreeModel, mc: ModelCompileContext): Prediction {
  const { target, math } = mc;
  const base = { entityId: node.id, decisionPath: path };
  if (model.functionName === 'regression') {
    if (node.score === undefined) return { ...base, value: MISSING };
    const parsed = parseValue(node.score, 'double');
    const value: Value = parsed === undefined ? MISSING : { dataType: math.dataType, value: math.round(parsed.value as number) };
    return { ...base, value };
  }
  const distribution = node.ScoreDistribution;
  const probabilities = new Map<ValueKey, number>();
  const confidences = new Map<ValueKey, number>();
  const total = distribution.reduce((sum, d) => sum + (d.recordCount ?? 0), 0);
  for (const d of distribution) {
    const key = looseValue(d.value, target.dataType).value;
    // PMML 4.4 ScoreDistribution: probability … if not specified, it is recordCount divided by the node's total.
    probabilities.set(key, math.round(d.probability ?? (total > 0 ? (d.recordCount ?? 0) / total : 0)));
    if (d.confidence !== undefined) confidences.set(key, math.round(d.confidence));
  }
  let value: Value = MISSING;
  if (node.score !== undefined) {
    value = looseValue(node.score, target.dataType);
  } else {
    let best = -Infinity;
    for (const [key, p] of probabilities) {
      if (p > best) {
        best = p;
        value = { dataType: target.dataType, value: key };
      }
    }
  }
  return {
    ...base,
    value,
    probabilities: distribution.length > 0 ? probabilities : undefined,
    confidences: confidences.size > 0 ? confidences : undefined,
  };
}

/** jpmml applies `missingValuePenalty` to classification confidences under the defaultChild strategy. */
function isPenalised(model: TreeModel): boolean {
  return model.missingValuePenalty !== 1 && model.functionName !== 'regression' && model.missingValueStrategy === 'defaultChild';
}

function compileNodes(model: TreeModel, mc: ModelCompileContext): CompiledNode {
  const build = (node: Node, parentPath: readonly string[]): CompiledNode => {
    const path = [...parentPath, node.id];
    const children = node.Node.map((child) => build(child, path));
    const compiled: CompiledNode = {
      node,
      predicate: compilePredicate(node.predicate, mc.scope, mc.env),
      surrogates:
        isPenalised(model) && node.predicate.kind === 'CompoundPredicate' && node.predicate.booleanOperator === 'surrogate'
          ? node.predicate.predicates.map((p) => compilePredicate(p, mc.scope, mc.env))
          : undefined,
      children,
      prediction: nodePrediction(node, path, model, mc),
    };
    if (node.defaultChild !== undefined) compiled.defaultChild = children.find((c) => c.node.id === node.defaultChild);
    return compiled;
  };
  return build(model.Node, []);
}

/** Aggregates the distributions of every node reachable through true or unknown predicates (aggregateNodes, weightedConfidence). */
function aggregate(nodes: readonly CompiledNode[], from: CompiledNode, model: TreeModel, mc: ModelCompileContext): Prediction {
  const counts = new Map<ValueKey, number>();
  const weighted = new Map<ValueKey, number>();
  let total = 0;
  let weight = 0;
  for (const n of nodes) {
    const rc = n.node.recordCount ?? n.node.ScoreDistribution.reduce((s, d) => s + (d.recordCount ?? 0), 0);
    weight += rc;
    for (const d of n.node.ScoreDistribution) {
      const key = looseValue(d.value, mc.target.dataType).value;
      const count = d.recordCount ?? 0;
      counts.set(key, (counts.get(key) ?? 0) + count);
      total += count;
      weighted.set(key, (weighted.get(key) ?? 0) + (d.confidence ?? count / (rc || 1)) * rc);
    }
  }
  const probabilities = new Map<ValueKey, number>();
  const confidences = new Map<ValueKey, number>();
  for (const [key, count] of counts) {
    probabilities.set(key, total > 0 ? count / total : 0);
    confidences.set(key, (weighted.get(key) ?? 0) / (weight || 1));
  }
  const scores = model.missingValueStrategy === 'weightedConfidence' ? confidences : probabilities;
  return { ...classificationResult(scores, mc.target.dataType, from.prediction), probabilities, confidences };
}

function collectReachable(node: CompiledNode, ctx: EvaluationContext, into: CompiledNode[]): void {
  if (node.children.length === 0) {
    into.push(node);
    return;
  }
  const before = into.length;
  for (const child of node.children) {
    const truth = child.predicate(ctx);
    if (truth === true) {
      collectReachable(child, ctx, into);
      return;
    }
    if (truth === undefined) collectReachable(child, ctx, into);
  }
  if (into.length === before) into.push(node);
}

function penalised(prediction: Prediction, penalty: number): Prediction {
  // PMML 4.4 TreeModel: missingValuePenalty … the confidence is multiplied by this factor for each default child taken.
  const source = prediction.confidences ?? prediction.probabilities;
  if (penalty === 1 || source === undefined) return prediction;
  const confidences = new Map<ValueKey, number>();
  for (const [key, c] of source) confidences.set(key, c * penalty);
  return { ...prediction, confidences };
}

export function compileTreeModel(model: TreeModel, mc: ModelCompileContext): (ctx: EvaluationContext) => Prediction {
  const root = compileNodes(model, mc);
  const strategy = model.missingValueStrategy;
  const returnLast = model.noTrueChildStrategy === 'returnLastPrediction';
  const penalty = model.missingValuePenalty;
  const hasPenalty = isPenalised(model);

  return (ctx) => {
    const rootTruth = root.predicate(ctx);
    if (rootTruth !== true) return MISSING_PREDICTION;
    let node = root;
    let penalties = 0;
    descend: while (node.children.length > 0) {
      for (const child of node.children) {
        let truth: Truth;
        if (child.surrogates === undefined) {
          truth = child.predicate(ctx);
        } else {
          // A node reached through a surrogate (a later part of a surrogate predicate) costs one penalty, like a default child.
          for (let i = 0; i < child.surrogates.length && truth === undefined; i++) {
            truth = child.surrogates[i](ctx);
            if (truth === true && i > 0) penalties++;
          }
        }
        if (truth === true) {
          node = child;
          continue descend;
        }
        if (truth === undefined) {
          switch (strategy) {
            // PMML 4.4 TreeModel: nullPrediction: If a missing value is encountered, then stop evaluation and return a null prediction.
            case 'nullPrediction':
              return MISSING_PREDICTION;
            // "lastPrediction: … the prediction of the last node whose predicate evaluated to true is returned".
            case 'lastPrediction':
              return node.prediction;
            // "defaultChild: … evaluation proceeds with the child node referenced by defaultChild".
            case 'defaultChild':
              if (node.defaultChild === undefined) return node.prediction;
              penalties++;
              node = node.defaultChild;
              continue descend;
            case 'aggregateNodes':
            case 'weightedConfidence': {
              const reachable: CompiledNode[] = [];
              collectReachable(node, ctx, reachable);
              return aggregate(reachable, node, model, mc);
            }
            // "none: Comparisons with missing values other than checks for missing values always evaluate to FALSE".
            case 'none':
              break;
          }
        }
      }
      // PMML 4.4 TreeModel: noTrueChildStrategy returnNullPrediction or returnLastPrediction.
      if (!returnLast) return MISSING_PREDICTION;
      break;
    }
    return hasPenalty && penalties > 0 ? penalised(node.prediction, Math.pow(penalty, penalties)) : node.prediction;
  };
}

export const treeModelKind: ModelKind<TreeModel> = {
  element: 'TreeModel',
  parse: parseTreeModel,
  compile: compileTreeModel,
  describe: describeTree,
};
