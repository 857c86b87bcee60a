import type { EvaluationContext } from '../context.js';
import { toNumber, valueKey, type ValueKey } from '../convert.js';
import { describeMining } from '../describe-models.js';
import type { CompiledModel, MathContext, ModelCompileContext, ModelKind, OutputBinding } from '../model-kind.js';
import { parseMiningModel } from '../parse/mining-model.js';
import { compilePredicate, type CompiledPredicate } from '../predicates.js';
import { classificationResult, MISSING_PREDICTION, type Prediction, type SegmentOutcome } from '../prediction.js';
import type { MiningModel, MultipleModelMethod } from '../schema/mining-model.js';
import { MISSING, type DataType, type Value } from '../values.js';

interface CompiledSegment {
  readonly id: string;
  readonly weight: number;
  readonly predicate: CompiledPredicate;
  readonly model: CompiledModel;
}

/**
 * The output fields of a selectFirst ensemble's segments, by name (the first segment declaring a name gives its
 * type), each read from the segment that was selected for the record and missing when that segment does not
 * declare it. Names the ensemble's own Output declares stay its own.
 */
function selectedOutputs(segments: readonly CompiledSegment[], selected: WeakMap<EvaluationContext, CompiledSegment>, own: ReadonlySet<string>): OutputBinding[] {
  const byName = new Map<string, OutputBinding>();
  for (const segment of segments) {
    for (const output of [...segment.model.outputs, ...segment.model.exposedOutputs]) {
      if (own.has(output.field.name) || byName.has(output.field.name)) continue;
      const name = output.field.name;
      const pick = (ctx: EvaluationContext) => {
        const chosen = selected.get(ctx);
        return chosen === undefined ? undefined : [...chosen.model.outputs, ...chosen.model.exposedOutputs].find((o) => o.field.name === name);
      };
      byName.set(name, {
        field: output.field,
        binding: { ...output.binding, get: (ctx) => pick(ctx)?.binding.get(ctx) ?? MISSING },
        list: output.list === undefined ? undefined : (ctx) => pick(ctx)?.list?.(ctx) ?? MISSING,
      });
    }
  }
  return [...byName.values()];
}

function valuesEqualKey(a: Value, b: Value): boolean {
  return a !== MISSING && b !== MISSING && valueKey(a) === valueKey(b);
}

/** Median of numbers; PMML 4.4: for an even count, the mean of the two middle values. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Weighted median (jpmml): the smallest value whose cumulative weight reaches half of the total. */
function weightedMedian(values: number[], weights: number[]): number {
  const order = values.map((v, i) => i).sort((a, b) => values[a] - values[b]);
  const half = weights.reduce((s, w) => s + w, 0) / 2;
  let cumulative = 0;
  for (const i of order) {
    cumulative += weights[i];
    if (cumulative >= half) return values[i];
  }
  return values[order[order.length - 1]];
}

function aggregateRegression(
  method: MultipleModelMethod,
  outcomes: SegmentOutcome[],
  math: MathContext,
  affine: { readonly factor: number; readonly constant: number },
): number | undefined {
  const r = math.round;
  const values = outcomes.map((o) => toNumber(o.prediction.value!));
  const weights = outcomes.map((o) => o.weight);
  if (values.length === 0) return undefined;
  let sum = 0;
  switch (method) {
    case 'sum': {
      const { factor, constant } = affine;
      sum = constant;
      for (const v of values) sum = r(sum + (factor === 1 ? v : r(factor * v)));
      return sum;
    }
    case 'average':
      for (const v of values) sum = r(sum + v);
      return r(sum / values.length);
    case 'weightedSum':
      for (let i = 0; i < values.length; i++) sum = r(sum + r(weights[i] * values[i]));
      return sum;
    case 'weightedAverage': {
      let weightSum = 0;
      for (let i = 0; i < values.length; i++) {
        sum = r(sum + r(weights[i] * values[i]));
        weightSum = r(weightSum + weights[i]);
      }
      return r(sum / weightSum);
    }
    case 'median':
      return median(values);
    case 'weightedMedian':
      return weightedMedian(values, weights);
    case 'max':
      return Math.max(...values);
    default:
      return undefined;
  }
}

function aggregateClassification(method: MultipleModelMethod, outcomes: SegmentOutcome[], dataType: DataType, math: MathContext): Prediction {
  const r = math.round;
  const scores = new Map<ValueKey, number>();
  const add = (key: ValueKey, x: number) => scores.set(key, r((scores.get(key) ?? 0) + x));
  switch (method) {
    case 'majorityVote':
    case 'weightedMajorityVote': {
      let total = 0;
      for (const o of outcomes) {
        const w = method === 'majorityVote' ? 1 : o.weight;
        add(valueKey(o.prediction.value!), w);
        total += w;
      }
      // jpmml: the probability of a class is its share of the (weighted) votes.
      for (const [key, votes] of scores) scores.set(key, votes / total);
      return classificationResult(scores, dataType);
    }
    case 'average':
    case 'weightedAverage': {
      let total = 0;
      for (const o of outcomes) {
        const w = method === 'average' ? 1 : o.weight;
        total = r(total + w);
        for (const [key, p] of o.prediction.probabilities ?? []) add(key, w === 1 ? p : r(w * p));
      }
      for (const [key, sum] of scores) scores.set(key, r(sum / total));
      return classificationResult(scores, dataType);
    }
    case 'median': {
      const keys = new Set<ValueKey>();
      for (const o of outcomes) for (const key of o.prediction.probabilities?.keys() ?? []) keys.add(key);
      for (const key of keys) scores.set(key, median(outcomes.map((o) => o.prediction.probabilities?.get(key) ?? 0)));
      return classificationResult(scores, dataType);
    }
    case 'max': {
      // PMML 4.4 Segmentation: max … the model with the highest probability for its predicted class is used.
      let best: Prediction = MISSING_PREDICTION;
      let bestP = -Infinity;
      for (const o of outcomes) {
        const value = o.prediction.value;
        const p = value === MISSING ? undefined : o.prediction.probabilities?.get(valueKey(value));
        if (p !== undefined && p > bestP) {
          bestP = p;
          best = o.prediction;
        }
      }
      return best;
    }
    default:
      return MISSING_PREDICTION;
  }
}

const REGRESSION_METHODS = new Set<MultipleModelMethod>(['sum', 'average', 'weightedSum', 'weightedAverage', 'median', 'weightedMedian', 'max']);
const CLASSIFICATION_METHODS = new Set<MultipleModelMethod>(['majorityVote', 'weightedMajorityVote', 'average', 'weightedAverage', 'median', 'max']);
const CHAINS = new Set<MultipleModelMethod>(['modelChain', 'x-multiModelChain', 'selectFirst', 'selectAll']);

export function compileMiningModel(model: MiningModel, mc: ModelCompileContext): (ctx: EvaluationContext) => Prediction {
  const segmentation = model.Segmentation;
  if (segmentation === undefined) {
    mc.env.unsupportedFeature(
      'MiningModel',
      model.line,
      `<MiningModel> has neither a <Segmentation> nor embedded <Regression>/<DecisionTree> models, so it has nothing to score (line ${model.line}).`,
    );
    return () => MISSING_PREDICTION;
  }
  const method = segmentation.multipleModelMethod;
  const isRegression = model.functionName === 'regression';
  const supported = CHAINS.has(method) || (isRegression ? REGRESSION_METHODS : CLASSIFICATION_METHODS).has(method);
  if (!supported) {
    mc.env.unsupportedFeature(
      'Segmentation',
      segmentation.line,
      `Attribute 'multipleModelMethod' value '${method}' of <Segmentation> is not supported for ${model.functionName} (line ${segmentation.line}).`,
      'multipleModelMethod',
      method,
    );
  }
  // Segments see the fields of the model and the output fields of the segments before them (modelChain).
  const segments: CompiledSegment[] = segmentation.Segment.map((segment) => {
    const compiled: CompiledSegment = {
      id: segment.id,
      weight: segment.weight,
      predicate: compilePredicate(segment.predicate, mc.resultScope, mc.env),
      model: mc.compileNested(segment.model, mc.resultScope),
    };
    for (const output of compiled.model.outputs) mc.resultScope.define(output.binding);
    return compiled;
  });
  const last = segments[segments.length - 1];
  if (method === 'modelChain' && last !== undefined) mc.exposeOutputs([...last.model.outputs, ...last.model.exposedOutputs]);
  // selectFirst: the result is the selected segment's, so are its output fields (the probabilities of a classifier).
  const selectedSegment = new WeakMap<EvaluationContext, CompiledSegment>();
  if (method === 'selectFirst') mc.exposeOutputs(selectedOutputs(segments, selectedSegment, new Set(model.Output?.OutputField.map((f) => f.name))));

  const { target, math } = mc;
  const treatment = segmentation.missingPredictionTreatment;
  const threshold = segmentation.missingThreshold;
  const totalWeight = segments.reduce((s, x) => s + x.weight, 0);
  const isChain = method === 'modelChain' || method === 'x-multiModelChain';
  // A chain predicts several targets when it is an x-multiModelChain or declares more than one target itself.
  const isMultiTarget =
    method === 'x-multiModelChain' ||
    (method === 'modelChain' && model.MiningSchema.MiningField.filter((f) => f.usageType === 'target' || f.usageType === 'predicted').length > 1);
  const isVote = method === 'majorityVote' || method === 'weightedMajorityVote';
  // Floating-point addition is not associative. A boosted sum adds factor × tree to the Target's constant tree
  // by tree, as XGBoost (from its base score) and scikit-learn (`predict_stages`) do, so the result matches the
  // producing framework to the last bit; mathematically it is the Target's factor × sum + constant.
  const affine = (isRegression && method === 'sum' ? mc.takeAffineTarget() : undefined) ?? { factor: 1, constant: 0 };
  const roundedAffine = { factor: math.round(affine.factor), constant: math.round(affine.constant) };

  const general = (ctx: EvaluationContext): Prediction => {
    const outcomes: SegmentOutcome[] = [];
    const scored: CompiledSegment[] = [];
    let missingWeight = 0;
    let missingCount = 0;
    for (const segment of segments) {
      if (segment.predicate(ctx) !== true) continue;
      const prediction = segment.model.evaluate(ctx);
      const outcome = { id: segment.id, weight: segment.weight, prediction };
      if (method === 'selectFirst') {
        selectedSegment.set(ctx, segment);
        return { ...prediction, segments: [outcome] };
      }
      if (prediction.value === MISSING && !isChain) {
        // PMML 4.4 Segmentation@missingPredictionTreatment: returnMissing, skipSegment, or continue up to missingThreshold.
        if (treatment === 'returnMissing') return MISSING_PREDICTION;
        if (treatment === 'skipSegment') continue;
        missingWeight += segment.weight;
        missingCount++;
        if (missingWeight / totalWeight > threshold) return MISSING_PREDICTION;
        continue;
      }
      if (prediction.value === MISSING && treatment === 'returnMissing') return MISSING_PREDICTION;
      outcomes.push(outcome);
      scored.push(segment);
    }
    if (outcomes.length === 0) return MISSING_PREDICTION;
    if (isChain || method === 'selectAll') {
      const last = outcomes[outcomes.length - 1].prediction;
      const chosen = method === 'selectAll' ? outcomes[0].prediction : last;
      if (!isMultiTarget) return { ...chosen, segments: outcomes };
      const targets = new Map<string, Prediction>();
      for (let i = 0; i < outcomes.length; i++) {
        const p = outcomes[i].prediction;
        if (p.targets !== undefined) for (const [name, t] of p.targets) targets.set(name, t);
        for (const name of scored[i].model.targetNames) targets.set(name, p);
      }
      return { ...last, segments: outcomes, targets };
    }
    if (isRegression) {
      const value = aggregateRegression(method, outcomes, math, roundedAffine);
      return value === undefined ? MISSING_PREDICTION : { value: { dataType: math.dataType, value }, segments: outcomes };
    }
    const result = aggregateClassification(method, outcomes, target.dataType, math);
    // jpmml, missingPredictionTreatment="continue": missing predictions vote for a missing pseudo-category,
    // which wins when it outweighs every real category.
    if (missingWeight > 0 && isVote && result.value !== MISSING) {
      let best = 0;
      for (const o of outcomes) if (valuesEqualKey(o.prediction.value, result.value)) best += method === 'majorityVote' ? 1 : o.weight;
      const missingVotes = method === 'majorityVote' ? missingCount : missingWeight;
      if (missingVotes > best) return MISSING_PREDICTION;
    }
    return { ...result, segments: outcomes };
  };

  // The common boosted-sum and forest-average case needs no per-segment records unless a trace or a
  // `segmentId` output asks for them: accumulate as the segments are scored.
  const needsOutcomes = model.Output?.OutputField.some((f) => f.segmentId !== undefined) ?? false;
  if (!isRegression || (method !== 'sum' && method !== 'average') || needsOutcomes) return general;
  const r = math.round;
  const { factor, constant } = roundedAffine;
  return (ctx) => {
    if (ctx.trace !== undefined) return general(ctx);
    let sum = method === 'sum' ? constant : 0;
    let count = 0;
    let missingWeight = 0;
    for (const segment of segments) {
      if (segment.predicate(ctx) !== true) continue;
      const value = segment.model.evaluate(ctx).value;
      if (value === MISSING) {
        if (treatment === 'returnMissing') return MISSING_PREDICTION;
        missingWeight += segment.weight;
        if (treatment === 'continue' && missingWeight / totalWeight > threshold) return MISSING_PREDICTION;
        continue;
      }
      const x = toNumber(value);
      sum = r(sum + (factor === 1 ? x : r(factor * x)));
      count++;
    }
    if (count === 0) return MISSING_PREDICTION;
    return { value: { dataType: math.dataType, value: method === 'sum' ? sum : r(sum / count) } };
  };
}

export const miningModelKind: ModelKind<MiningModel> = {
  element: 'MiningModel',
  parse: parseMiningModel,
  compile: compileMiningModel,
  describe: describeMining,
};
