import type { EvaluationContext, Expr } from '../context.js';
import { toNumber, valueKey, type ValueKey } from '../convert.js';
import { describeRegression } from '../describe-models.js';
import { looseValue } from '../expressions.js';
import type { MathContext, ModelCompileContext, ModelKind } from '../model-kind.js';
import { parseRegressionModel } from '../parse/regression-model.js';
import { classificationResult, MISSING_PREDICTION, type Prediction, type TermContribution } from '../prediction.js';
import type { RegressionModel, RegressionNormalizationMethod, RegressionTable } from '../schema/regression-model.js';
import { MISSING } from '../values.js';
import { inverseLink } from './normalization.js';

/** A RegressionTable compiled to one closure: the linear predictor, or NaN-free `undefined` when an input is missing. */
type TableScore = (ctx: EvaluationContext, contributions?: TermContribution[]) => number | undefined;

function compileTable(table: RegressionTable, mc: ModelCompileContext): TableScore {
  const { env, scope, math } = mc;
  const r = math.round;
  const terms: ((ctx: EvaluationContext, contributions?: TermContribution[]) => number | undefined)[] = [];
  // Classification tables repeat the same terms: a contribution names its table's targetCategory.
  const contribution = (label: string, value: number): TermContribution =>
    table.targetCategory === undefined ? { label, value } : { table: table.targetCategory, label, value };
  for (const p of table.NumericPredictor) {
    const get = env.resolve(scope, p.name, 'NumericPredictor', p.line).get;
    const coefficient = r(p.coefficient);
    const exponent = p.exponent;
    const label = exponent === 1 ? p.name : `${p.name}^${exponent}`;
    terms.push((ctx, contributions) => {
      const value = get(ctx);
      // PMML 4.4 Regression: If the input value is missing, the result evaluates to a missing value.
      if (value === MISSING) return undefined;
      const x = r(toNumber(value));
      const term = r(coefficient * (exponent === 1 ? x : r(Math.pow(x, exponent))));
      contributions?.push(contribution(label, term));
      return term;
    });
  }
  // Each category's coefficient, labelled as the description labels it (`c=1.0`, the document's text), so a
  // traced contribution finds its row even where the record's value prints differently (`1`).
  const byField = new Map<string, { get: Expr; coefficients: Map<ValueKey, { coefficient: number; label: string }> }>();
  for (const p of table.CategoricalPredictor) {
    let group = byField.get(p.name);
    const binding = env.resolve(scope, p.name, 'CategoricalPredictor', p.line);
    if (group === undefined) {
      group = { get: binding.get, coefficients: new Map() };
      byField.set(p.name, group);
    }
    group.coefficients.set(looseValue(p.value, binding.dataType).value, { coefficient: r(p.coefficient), label: `${p.name}=${p.value}` });
  }
  for (const [name, { get, coefficients }] of byField) {
    terms.push((ctx, contributions) => {
      const value = get(ctx);
      if (value === MISSING) return undefined;
      // PMML 4.4 CategoricalPredictor: the coefficient is multiplied by 1 if the value matches, 0 otherwise.
      const matched = coefficients.get(valueKey(value));
      const coefficient = matched?.coefficient ?? 0;
      contributions?.push(contribution(matched?.label ?? `${name}=${String(value.value)}`, coefficient));
      return coefficient;
    });
  }
  for (const p of table.PredictorTerm) {
    const getters = p.FieldRef.map((f) => env.resolve(scope, f.field, 'PredictorTerm', f.line).get);
    const coefficient = r(p.coefficient);
    const label = p.name ?? p.FieldRef.map((f) => f.field).join('*');
    terms.push((ctx, contributions) => {
      let product = coefficient;
      for (const get of getters) {
        const value = get(ctx);
        if (value === MISSING) return undefined;
        product = r(product * toNumber(value));
      }
      contributions?.push(contribution(label, product));
      return product;
    });
  }
  const intercept = r(table.intercept);
  return (ctx, contributions) => {
    let sum = 0;
    for (const term of terms) {
      const t = term(ctx, contributions);
      if (t === undefined) return undefined;
      sum = r(sum + t);
    }
    return r(sum + intercept);
  };
}

/**
 * PMML 4.4 Regression, classification: turns per-category scores into probabilities. Binary targets with a
 * link function compute the first category and give the second the rest (jpmml `computeBinomialProbabilities`).
 */
export function normalizeScores(scores: number[], method: RegressionNormalizationMethod, isOrdinal: boolean, math: MathContext): number[] {
  const r = math.round;
  const n = scores.length;
  if (method === 'softmax') {
    const exps = scores.map((y) => r(Math.exp(y)));
    let sum = 0;
    for (const e of exps) sum = r(sum + e);
    return exps.map((e) => r(e / sum));
  }
  if (method === 'simplemax') {
    let sum = 0;
    for (const y of scores) sum = r(sum + y);
    return scores.map((y) => r(y / sum));
  }
  if (isOrdinal) {
    // PMML 4.4 Regression: ordinal targets — the tables give cumulative probabilities; the last category takes the rest.
    const result: number[] = [];
    let previous = 0;
    for (let i = 0; i < n; i++) {
      const cumulative = i === n - 1 ? 1 : inverseLink(method, scores[i], r);
      result.push(r(cumulative - previous));
      previous = cumulative;
    }
    return result;
  }
  if (n === 2 && method !== 'exp') {
    const first = inverseLink(method, scores[0], r);
    return [first, r(1 - first)];
  }
  if (method === 'none') {
    let sum = 0;
    for (let i = 0; i < n - 1; i++) sum = r(sum + scores[i]);
    return scores.map((y, i) => (i === n - 1 ? r(1 - sum) : y));
  }
  return scores.map((y) => inverseLink(method, y, r));
}

export function compileRegressionModel(model: RegressionModel, mc: ModelCompileContext): (ctx: EvaluationContext) => Prediction {
  const { target, math } = mc;
  const tables = model.RegressionTable.map((t) => ({ table: t, score: compileTable(t, mc) }));
  const method = model.normalizationMethod;
  if (model.functionName === 'regression') {
    const score = tables[0]?.score;
    if (score === undefined) return () => MISSING_PREDICTION;
    return (ctx) => {
      const contributions = ctx.trace === undefined ? undefined : [];
      const y = score(ctx, contributions);
      if (y === undefined) return MISSING_PREDICTION;
      // PMML 4.4 Regression: for regression, softmax and logit both compute 1/(1+exp(-y)).
      return { value: { dataType: math.dataType, value: inverseLink(method, y, math.round) }, contributions };
    };
  }
  const keys = tables.map(({ table }) => looseValue(table.targetCategory ?? '', target.dataType).value);
  const isOrdinal = target.optype === 'ordinal';
  return (ctx) => {
    const contributions = ctx.trace === undefined ? undefined : [];
    const scores: number[] = [];
    for (const { score } of tables) {
      const y = score(ctx, contributions);
      if (y === undefined) return MISSING_PREDICTION;
      scores.push(y);
    }
    const probabilities = normalizeScores(scores, method, isOrdinal, math);
    const map = new Map<ValueKey, number>();
    for (let i = 0; i < keys.length; i++) map.set(keys[i], probabilities[i]);
    return classificationResult(map, target.dataType, { contributions });
  };
}

export const regressionModelKind: ModelKind<RegressionModel> = {
  element: 'RegressionModel',
  parse: parseRegressionModel,
  compile: compileRegressionModel,
  describe: describeRegression,
};
