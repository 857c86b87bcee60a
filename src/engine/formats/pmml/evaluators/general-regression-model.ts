import type { EvaluationContext } from '../context.js';
import { toNumber, valueKey, type ValueKey } from '../convert.js';
import { describeGeneralRegression, parameterTerm } from '../describe-models.js';
import { looseValue } from '../expressions.js';
import type { ModelCompileContext, ModelKind } from '../model-kind.js';
import { parseGeneralRegressionModel } from '../parse/general-regression-model.js';
import { classificationResult, MISSING_PREDICTION, type Prediction, type TermContribution } from '../prediction.js';
import type { CumulativeLinkFunction, GeneralRegressionModel, LinkFunction } from '../schema/general-regression-model.js';
import { MISSING, type Value } from '../values.js';
import { stdNormalCdf } from './normalization.js';

/** A parameter's design value x_p for the record, or `undefined` when an input it needs is missing. */
type Design = (ctx: EvaluationContext) => number | undefined;

/** PMML 4.4 GeneralRegression "linkFunction": the inverse link μ = g⁻¹(η). */
function inverseLink(link: LinkFunction, eta: number, a: number | undefined, c: number | undefined): number {
  switch (link) {
    case 'identity':
      return eta;
    case 'log':
      return Math.exp(eta);
    case 'logit':
      return 1 / (1 + Math.exp(-eta));
    case 'probit':
      return stdNormalCdf(eta);
    case 'cloglog':
      return 1 - Math.exp(-Math.exp(eta));
    case 'loglog':
      return Math.exp(-Math.exp(-eta));
    case 'cauchit':
      return 0.5 + Math.atan(eta) / Math.PI;
    case 'logc':
      return 1 - Math.exp(eta);
    case 'negbin':
      return 1 / ((c ?? 1) * (Math.exp(-eta) - 1));
    case 'oddspower': {
      // "oddspower: η = ((μ/(1−μ))^a − 1)/a, and logit when a = 0".
      if (!a) return 1 / (1 + Math.exp(-eta));
      const odds = Math.pow(1 + a * eta, 1 / a);
      return odds / (1 + odds);
    }
    case 'power':
      // "power: η = μ^a, and log when a = 0".
      return !a ? Math.exp(eta) : Math.pow(eta, 1 / a);
  }
}

function cumulative(link: CumulativeLinkFunction, eta: number): number {
  return inverseLink(link, eta, undefined, undefined);
}

/**
 * The design matrix row: PPMatrix cells turn inputs into parameter values. A factor cell is 1 when the field
 * equals the cell's value, a covariate cell is the field raised to the cell's value; cells of one parameter
 * multiply (interactions), and a parameter without cells is the intercept (1).
 */
function compileDesigns(model: GeneralRegressionModel, mc: ModelCompileContext): Map<string, Design> {
  const { env, scope } = mc;
  const factors = new Map(model.FactorList.map((p) => [p.name, p]));
  const designs = new Map<string, Design>();
  for (const parameter of model.ParameterList) {
    const cells = model.PPMatrix.filter((c) => c.parameterName === parameter.name);
    const parts = cells.map((cell): Design => {
      const binding = env.resolve(scope, cell.predictorName, 'PPCell', cell.line);
      const get = binding.get;
      const factor = factors.get(cell.predictorName);
      const matrix = factor?.Matrix;
      if (factor?.Categories !== undefined && matrix !== undefined) {
        // PMML 4.4 GeneralRegression, contrast matrices: the observed category picks the row, the cell's
        // category the column; the design value is that matrix entry instead of a 0/1 indicator.
        const rows = new Map(factor.Categories.map((c, i) => [valueKey(looseValue(c, binding.dataType)), matrix[i]]));
        const column = factor.Categories.indexOf(cell.value);
        return (ctx) => {
          const value = get(ctx);
          const row = value === MISSING ? undefined : rows.get(valueKey(value));
          return row === undefined ? undefined : row[column];
        };
      }
      if (factor !== undefined) {
        const level = valueKey(looseValue(cell.value, binding.dataType));
        return (ctx) => {
          const value = get(ctx);
          return value === MISSING ? undefined : valueKey(value) === level ? 1 : 0;
        };
      }
      const exponent = Number(cell.value);
      return (ctx) => {
        const value = get(ctx);
        if (value === MISSING) return undefined;
        const x = toNumber(value);
        return exponent === 1 ? x : Math.pow(x, exponent);
      };
    });
    designs.set(
      parameter.name,
      parts.length === 0
        ? () => 1
        : (ctx) => {
            let product = 1;
            for (const part of parts) {
              const x = part(ctx);
              if (x === undefined) return undefined;
              product *= x;
            }
            return product;
          },
    );
  }
  return designs;
}

/**
 * η for one target category (or for all when `category` is undefined): Σ β·x over the ParamMatrix cells. With
 * `contributions`, each term but the intercept adds its β·x under the label and table the structure view shows.
 */
type LinearPredictor = (ctx: EvaluationContext, contributions?: TermContribution[]) => number | undefined;

function compileLinearPredictor(model: GeneralRegressionModel, designs: Map<string, Design>, category: string | undefined, useReferencePoints: boolean): LinearPredictor {
  const references = new Map(model.ParameterList.map((p) => [p.name, p.referencePoint]));
  const labels = new Map(model.ParameterList.map((p) => [p.name, parameterTerm(model, p.name, p.label ?? p.name)]));
  const terms = model.ParamMatrix.filter((c) => c.targetCategory === undefined || c.targetCategory === category).flatMap((cell) => {
    const design = designs.get(cell.parameterName);
    if (design === undefined) return [];
    const isIntercept = !model.PPMatrix.some((p) => p.parameterName === cell.parameterName);
    const label = isIntercept ? undefined : (labels.get(cell.parameterName) ?? cell.parameterName);
    return [{ beta: cell.beta, design, reference: useReferencePoints ? (references.get(cell.parameterName) ?? 0) : 0, label, table: cell.targetCategory }];
  });
  return (ctx, contributions) => {
    let eta = 0;
    for (const term of terms) {
      const x = term.design(ctx);
      if (x === undefined) return undefined;
      const value = term.beta * (x - term.reference);
      eta += value;
      if (contributions && term.label !== undefined) contributions.push(term.table === undefined ? { label: term.label, value } : { table: term.table, label: term.label, value });
    }
    return eta;
  };
}

/** The list a traced evaluation collects term contributions in; none when not tracing. */
const traced = (ctx: EvaluationContext): TermContribution[] | undefined => (ctx.trace === undefined ? undefined : []);

function compileCox(model: GeneralRegressionModel, mc: ModelCompileContext, designs: Map<string, Design>): (ctx: EvaluationContext) => Prediction {
  const { env, scope } = mc;
  const tables = model.BaseCumHazardTables;
  if (tables === undefined || model.endTimeVariable === undefined) {
    env.unsupportedFeature('GeneralRegressionModel', model.line, `CoxRegression without <BaseCumHazardTables> and 'endTimeVariable' cannot be scored (line ${model.line}).`);
    return () => MISSING_PREDICTION;
  }
  const eta = compileLinearPredictor(model, designs, undefined, true);
  const time = env.resolve(scope, model.endTimeVariable, 'GeneralRegressionModel', model.line).get;
  const strata = model.baselineStrataVariable === undefined ? undefined : env.resolve(scope, model.baselineStrataVariable, 'GeneralRegressionModel', model.line);
  const byStratum = new Map<ValueKey, { maxTime: number; cells: readonly { time: number; cumHazard: number }[] }>();
  for (const s of tables.BaselineStratum) {
    byStratum.set(valueKey(looseValue(s.value, strata?.dataType)), { maxTime: s.maxTime, cells: [...s.BaselineCell].sort((a, b) => a.time - b.time) });
  }
  type Baseline = { maxTime: number; cells: readonly { time: number; cumHazard: number }[] };
  const flat: Baseline = { maxTime: tables.maxTime ?? Infinity, cells: [...tables.BaselineCell].sort((a, b) => a.time - b.time) };
  return (ctx) => {
    let baseline: Baseline = flat;
    if (strata !== undefined) {
      const stratum = strata.get(ctx);
      const found = stratum === MISSING ? undefined : byStratum.get(valueKey(stratum));
      if (found === undefined) return MISSING_PREDICTION;
      baseline = found;
    }
    const t = time(ctx);
    const contributions = traced(ctx);
    const r = eta(ctx, contributions);
    if (t === MISSING || r === undefined) return MISSING_PREDICTION;
    const x = toNumber(t);
    // PMML 4.4 GeneralRegression, CoxRegression: times after maxTime have no prediction; before the first
    // cell the cumulative hazard is 0; otherwise it is the hazard of the last cell at or before the time.
    if (x > baseline.maxTime) return MISSING_PREDICTION;
    let cumHazard = 0;
    for (const cell of baseline.cells) {
      if (cell.time > x) break;
      cumHazard = cell.cumHazard;
    }
    return { value: { dataType: 'double', value: cumHazard * Math.exp(r) }, contributions };
  };
}

export function compileGeneralRegressionModel(model: GeneralRegressionModel, mc: ModelCompileContext): (ctx: EvaluationContext) => Prediction {
  const { env, scope, target } = mc;
  const designs = compileDesigns(model, mc);
  if (model.modelType === 'CoxRegression') return compileCox(model, mc, designs);

  const offsetField = model.offsetVariable === undefined ? undefined : env.resolve(scope, model.offsetVariable, 'GeneralRegressionModel', model.line).get;
  const trialsField = model.trialsVariable === undefined ? undefined : env.resolve(scope, model.trialsVariable, 'GeneralRegressionModel', model.line).get;
  const numberOf = (get: ((ctx: EvaluationContext) => Value) | undefined, fallback: number | undefined, ctx: EvaluationContext): number | undefined => {
    if (get === undefined) return fallback;
    const value = get(ctx);
    return value === MISSING ? undefined : toNumber(value);
  };
  const link = model.linkFunction ?? 'identity';
  const isGeneralized = model.modelType === 'generalizedLinear';

  if (model.functionName === 'regression') {
    const eta = compileLinearPredictor(model, designs, undefined, false);
    return (ctx) => {
      const contributions = traced(ctx);
      let y = eta(ctx, contributions);
      if (y === undefined) return MISSING_PREDICTION;
      const offset = numberOf(offsetField, model.offsetValue, ctx);
      if (offset === undefined && offsetField !== undefined) return MISSING_PREDICTION;
      y += offset ?? 0;
      if (isGeneralized) {
        y = inverseLink(link, y, model.linkParameter, model.distParameter);
        const trials = numberOf(trialsField, model.trialsValue, ctx);
        if (trials === undefined && trialsField !== undefined) return MISSING_PREDICTION;
        if (trials !== undefined) y *= trials;
      }
      return { value: { dataType: 'double', value: y }, contributions };
    };
  }

  // Categories: the DataDictionary's, else those the ParamMatrix names plus the reference category.
  const named = [...new Set(model.ParamMatrix.map((c) => c.targetCategory).filter((c): c is string => c !== undefined))];
  const categories = target.categories.length > 0 ? target.categories.map((c) => String(c.value)) : named;
  const reference =
    model.targetReferenceCategory ?? categories.find((c) => !named.includes(c)) ?? categories[categories.length - 1];
  const keyOf = (category: string) => looseValue(category, target.dataType).value;

  if (model.modelType === 'ordinalMultinomial') {
    const cumulativeLink = model.cumulativeLink ?? 'logit';
    const etas = categories.slice(0, -1).map((c) => compileLinearPredictor(model, designs, c, false));
    return (ctx) => {
      const probabilities = new Map<ValueKey, number>();
      const contributions = traced(ctx);
      let previous = 0;
      for (let i = 0; i < categories.length; i++) {
        let upper = 1;
        if (i < etas.length) {
          // The slopes are shared by every cumulative logit: they count once, with the first.
          const eta = etas[i](ctx, i === 0 ? contributions : undefined);
          if (eta === undefined) return MISSING_PREDICTION;
          upper = cumulative(cumulativeLink, eta + (numberOf(offsetField, model.offsetValue, ctx) ?? 0));
        }
        probabilities.set(keyOf(categories[i]), upper - previous);
        previous = upper;
      }
      return { ...classificationResult(probabilities, target.dataType), contributions };
    };
  }

  const others = categories.filter((c) => c !== reference);
  const etas = others.map((c) => compileLinearPredictor(model, designs, c, false));
  if (isGeneralized && others.length === 1) {
    // Binomial GLM: the modelled category gets g⁻¹(η), the reference category the rest.
    return (ctx) => {
      const contributions = traced(ctx);
      const eta = etas[0](ctx, contributions);
      if (eta === undefined) return MISSING_PREDICTION;
      const p = inverseLink(link, eta + (numberOf(offsetField, model.offsetValue, ctx) ?? 0), model.linkParameter, model.distParameter);
      const probabilities = new Map<ValueKey, number>();
      for (const c of categories) probabilities.set(keyOf(c), c === reference ? 1 - p : p);
      return { ...classificationResult(probabilities, target.dataType), contributions };
    };
  }
  // multinomialLogistic: "the reference category has η = 0", probabilities by softmax.
  return (ctx) => {
    const exps = new Map<string, number>();
    const contributions = traced(ctx);
    let sum = 0;
    for (let i = 0; i < others.length; i++) {
      const eta = etas[i](ctx, contributions);
      if (eta === undefined) return MISSING_PREDICTION;
      const e = Math.exp(eta);
      exps.set(others[i], e);
      sum += e;
    }
    sum += 1;
    const probabilities = new Map<ValueKey, number>();
    for (const c of categories) probabilities.set(keyOf(c), (c === reference ? 1 : (exps.get(c) ?? 0)) / sum);
    return { ...classificationResult(probabilities, target.dataType), contributions };
  };
}

export const generalRegressionModelKind: ModelKind<GeneralRegressionModel> = {
  element: 'GeneralRegressionModel',
  parse: parseGeneralRegressionModel,
  compile: compileGeneralRegressionModel,
  describe: describeGeneralRegression,
};
