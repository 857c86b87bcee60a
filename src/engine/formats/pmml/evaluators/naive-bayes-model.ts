import type { ModelStructure } from '../../../model/description.js';
import type { EvaluationContext, Expr } from '../context.js';
import { toNumber, valueKey, type ValueKey } from '../convert.js';
import { compileDerivedValue, looseValue } from '../expressions.js';
import type { ModelCompileContext, ModelKind } from '../model-kind.js';
import { parseNaiveBayesModel } from '../parse/naive-bayes-model.js';
import { classificationResult, type Prediction } from '../prediction.js';
import type { BayesInput, ContinuousDistribution, NaiveBayesModel } from '../schema/naive-bayes-model.js';
import { MISSING, type DataType } from '../values.js';
import { normalizeInPlace } from './layer-normalization.js';

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/**
 * Adds one input's log-likelihood per target category (index into the category list) to `logs`; false when the
 * input's value is missing or unknown, which adds nothing.
 */
type Evidence = (ctx: EvaluationContext, logs: Float64Array) => boolean;

function lnFactorial(k: number): number {
  let sum = 0;
  for (let i = 2; i <= k; i++) sum += Math.log(i);
  return sum;
}

/**
 * The density of a TargetValueStat's distribution at x; `undefined` for a degenerate Gaussian (variance ≤ 0),
 * which jpmml skips rather than letting it decide the class.
 */
export function density(distribution: ContinuousDistribution, x: number): number | undefined {
  switch (distribution.kind) {
    case 'GaussianDistribution': {
      if (distribution.variance <= 0) return undefined;
      const sd = Math.sqrt(distribution.variance);
      const z = (x - distribution.mean) / sd;
      return Math.exp(-0.5 * z * z) / (sd * SQRT_2PI);
    }
    case 'PoissonDistribution': {
      // P(k) = λ^k e^−λ / k!, for the integer part of x.
      const k = Math.trunc(x);
      if (k < 0) return 0;
      const lambda = distribution.mean;
      return Math.exp(k * Math.log(lambda) - lambda - lnFactorial(k));
    }
    default:
      return undefined;
  }
}

function compileInput(input: BayesInput, categories: Map<ValueKey, number>, threshold: number, mc: ModelCompileContext): Evidence {
  const { env, scope, target, math } = mc;
  const r = math.round;
  const binding = env.resolve(scope, input.fieldName, 'BayesInput', input.line);
  const indexOf = (value: string): number => {
    const key = looseValue(value, target.dataType).value;
    let index = categories.get(key);
    if (index === undefined) {
      index = categories.size;
      categories.set(key, index);
    }
    return index;
  };
  const lnThreshold = r(Math.log(threshold));

  if (input.TargetValueStats !== undefined) {
    const stats = input.TargetValueStats.map((s) => ({ index: indexOf(s.value), distribution: s.distribution }));
    for (const { distribution } of stats) {
      if (distribution.kind !== 'GaussianDistribution' && distribution.kind !== 'PoissonDistribution') {
        // PMML 4.4 Naive Bayes: "continuous distribution types are restricted to Gaussian and Poisson distributions".
        env.unsupportedFeature(
          distribution.kind,
          distribution.line,
          `<${distribution.kind}> in a Naive Bayes model is not supported; the spec allows Gaussian and Poisson distributions only (line ${distribution.line}).`,
        );
      }
    }
    return (ctx, logs) => {
      const value = binding.get(ctx);
      // PMML 4.4 Naive Bayes: missing values are ignored.
      if (value === MISSING) return false;
      const x = toNumber(value);
      for (const { index, distribution } of stats) {
        const p = density(distribution, x);
        if (p === undefined) continue;
        // A density below the threshold is raised to it, so that one input cannot veto a class.
        logs[index] = r(logs[index] + (p < threshold ? lnThreshold : r(Math.log(p))));
      }
      return true;
    };
  }

  // "P(x|c) = count(x, c) / Sum over x' of count(x', c)", and a zero count is replaced by the threshold.
  const sums = new Map<number, number>();
  for (const pair of input.PairCounts) {
    for (const c of pair.TargetValueCounts) {
      const index = indexOf(c.value);
      sums.set(index, (sums.get(index) ?? 0) + c.count);
    }
  }
  let read: Expr = binding.get;
  let dataType: DataType = binding.dataType;
  if (input.DerivedField !== undefined) {
    const { expression } = input.DerivedField;
    if (expression.kind !== 'Discretize') {
      env.unsupportedFeature(
        'BayesInput',
        input.line,
        `<BayesInput> '${input.fieldName}' maps its field with <${expression.kind}>; only <Discretize> is supported (line ${input.line}).`,
      );
    }
    read = compileDerivedValue(expression, input.DerivedField.dataType, scope, env);
    dataType = input.DerivedField.dataType ?? (expression.kind === 'Discretize' ? (expression.dataType ?? 'string') : 'string');
  }
  const table = new Map<ValueKey, { index: number; ln: number }[]>();
  for (const pair of input.PairCounts) {
    const key = looseValue(pair.value, dataType).value;
    if (table.has(key)) continue;
    table.set(
      key,
      pair.TargetValueCounts.map((c) => {
        const index = indexOf(c.value);
        return { index, ln: c.count === 0 ? lnThreshold : r(Math.log(r(c.count / (sums.get(index) ?? 1)))) };
      }),
    );
  }
  return (ctx, logs) => {
    const value = read(ctx);
    if (value === MISSING) return false;
    const counts = table.get(valueKey(value));
    if (counts === undefined) return false;
    for (const { index, ln } of counts) logs[index] = r(logs[index] + ln);
    return true;
  };
}

export function compileNaiveBayesModel(model: NaiveBayesModel, mc: ModelCompileContext): (ctx: EvaluationContext) => Prediction {
  const { target, math } = mc;
  const categories = new Map<ValueKey, number>();
  // PMML 4.4 Naive Bayes: the prior of a class is its count in BayesOutput (normalisation comes at the end).
  const priors = model.BayesOutput.TargetValueCounts.map((c) => {
    const key = looseValue(c.value, target.dataType).value;
    if (!categories.has(key)) categories.set(key, categories.size);
    return { index: categories.get(key) ?? 0, ln: math.round(Math.log(c.count)) };
  });
  const evidence = model.BayesInputs.map((input) => compileInput(input, categories, model.threshold, mc));
  const keys = [...categories.keys()];
  // Sums of logarithms instead of products of probabilities (jpmml), then softmax back to probabilities.
  return (ctx) => {
    const logs = new Float64Array(keys.length);
    for (const { index, ln } of priors) logs[index] += ln;
    const explanation = ctx.trace === undefined ? undefined : explain(ctx, logs, evidence, keys);
    if (explanation === undefined) for (const add of evidence) add(ctx, logs);
    normalizeInPlace(logs, 'softmax', math.round);
    const probabilities = new Map<ValueKey, number>();
    keys.forEach((key, i) => probabilities.set(key, logs[i]));
    const prediction = classificationResult(probabilities, target.dataType);
    return explanation === undefined ? prediction : { ...prediction, explanation: { bayes: explanation } };
  };
}

/**
 * Adds each input's evidence to `logs` one input at a time, keeping what each one added per class: an input
 * whose value is missing (or not among its PairCounts) adds nothing and shows as `null`.
 */
function explain(ctx: EvaluationContext, logs: Float64Array, evidence: readonly Evidence[], keys: readonly ValueKey[]) {
  const prior = Array.from(logs);
  const inputs = evidence.map((add) => {
    const before = Float64Array.from(logs);
    return add(ctx, logs) ? Array.from(logs, (value, i) => value - before[i]) : null;
  });
  return { classes: keys.map(String), prior, inputs };
}

/** How an input's likelihood is given: a distribution per class, or counts per value (binned by a Discretize). */
function evidenceText(input: BayesInput): string {
  if (input.TargetValueStats !== undefined) return (input.TargetValueStats[0]?.distribution.kind ?? 'continuous').replace(/Distribution$/, '');
  const counts = `counts of ${input.PairCounts.length} values`;
  return input.DerivedField === undefined ? counts : `${counts}, discretized`;
}

/** The generic summary view: classes with their counts and the kind of evidence each input contributes. */
export function describeNaiveBayes(model: NaiveBayesModel): ModelStructure {
  const inputs = model.BayesInputs.map((input) => `${input.fieldName} (${evidenceText(input)})`);
  return {
    kind: 'other',
    element: model.element,
    summary: [
      { label: 'Classes', value: model.BayesOutput.TargetValueCounts.map((c) => `${c.value}: ${c.count}`).join(', ') },
      { label: 'Threshold', value: String(model.threshold) },
      { label: 'Per-class likelihoods', value: inputs.join(', ') },
    ],
    naiveBayes: {
      classes: model.BayesOutput.TargetValueCounts.map((c) => ({ value: c.value, count: c.count })),
      inputs: model.BayesInputs.map((input) => ({ field: input.fieldName, evidence: evidenceText(input) })),
      threshold: model.threshold,
    },
  };
}

export const naiveBayesModelKind: ModelKind<NaiveBayesModel> = {
  element: 'NaiveBayesModel',
  parse: parseNaiveBayesModel,
  compile: compileNaiveBayesModel,
  describe: describeNaiveBayes,
};
