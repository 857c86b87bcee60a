import type { CoefficientTable } from '../../../engine/model/description.js';
import type { PredictionValue, StructurePrediction, StructureOf } from '../structure/types.js';

export interface TermRow {
  readonly label: string;
  readonly coefficient: number;
  /** The term's value for the current record (the product of its factors). */
  readonly value?: number;
  /** `value × coefficient`: how much the term adds to this table's linear predictor. */
  readonly contribution?: number;
}

export interface TableRows {
  readonly title: string;
  readonly intercept: number;
  readonly terms: readonly TermRow[];
  /** Intercept plus all contributions, when every term's value is known. */
  readonly total?: number;
  /** Largest magnitude among the bars, for scaling them. */
  readonly scale: number;
  readonly hasContributions: boolean;
}

/**
 * The value of a term label for a record, read from its input and derived values: a field name is its number,
 * `c=v` is 1 when field c has value v and 0 otherwise (PMML CategoricalPredictor), `x^2` a power, and `a*b` the
 * product of its factors (PMML PredictorTerm). Undefined when a factor is missing or not numeric.
 */
export function termValue(label: string, values: Readonly<Record<string, PredictionValue>>): number | undefined {
  const name = label.trim();
  if (name in values) return asNumber(values[name]);
  // An interaction of categorical factors (`sex=0*minority=0`) is a product before it is one `c=v` pair.
  const product = interaction(name, values);
  if (product !== undefined) return product;
  for (let i = name.indexOf('='); i > 0; i = name.indexOf('=', i + 1)) {
    const field = name.slice(0, i).trim();
    if (!(field in values)) continue;
    const actual = values[field];
    return actual === null || actual === undefined ? undefined : String(actual) === name.slice(i + 1).trim() ? 1 : 0;
  }
  const power = /^(.+?)\s*\^\s*(-?[\d.]+)$/.exec(name);
  if (power && power[1] in values) {
    const base = asNumber(values[power[1]]);
    return base === undefined ? undefined : base ** Number(power[2]);
  }
  return undefined;
}

/** The product of a `a*b` term's factors, or undefined when it has one factor or one of them is unknown. */
function interaction(name: string, values: Readonly<Record<string, PredictionValue>>): number | undefined {
  const factors = name.split('*');
  if (factors.length < 2) return undefined;
  let product = 1;
  for (const factor of factors) {
    const value = termValue(factor, values);
    if (value === undefined) return undefined;
    product *= value;
  }
  return product;
}

function asNumber(raw: PredictionValue): number | undefined {
  if (typeof raw === 'boolean') return raw ? 1 : 0;
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  return Number.isNaN(value) ? undefined : value;
}

function tableRows(table: CoefficientTable, tableCount: number, prediction?: StructurePrediction): TableRows {
  const traced = prediction?.trace?.terms?.filter((t) => tableCount === 1 || t.table === table.targetCategory);
  const known = prediction?.inputs || prediction?.trace?.derivedValues ? { ...prediction.inputs, ...prediction.trace?.derivedValues } : undefined;
  const terms: TermRow[] = table.terms.map((term) => {
    const fromTrace = traced?.find((t) => t.label === term.label);
    if (fromTrace) return { ...term, value: fromTrace.value, contribution: fromTrace.contribution };
    const value = known ? termValue(term.label, known) : undefined;
    return { ...term, value, contribution: value === undefined ? undefined : value * term.coefficient };
  });
  const hasContributions = terms.some((t) => t.contribution !== undefined);
  const magnitude = (t: TermRow) => Math.abs(hasContributions ? (t.contribution ?? 0) : t.coefficient);
  terms.sort((a, b) => magnitude(b) - magnitude(a));
  const isComplete = hasContributions && terms.every((t) => t.contribution !== undefined);
  return {
    title: table.targetCategory === undefined ? 'Regression table' : `Target category ${table.targetCategory}`,
    intercept: table.intercept,
    terms,
    total: isComplete ? terms.reduce((sum, t) => sum + t.contribution!, table.intercept) : undefined,
    scale: Math.max(1e-12, ...terms.map(magnitude)),
    hasContributions,
  };
}

/** Each regression table's terms, with their contributions to the current prediction when it is known. */
export function regressionRows(structure: StructureOf<'regression'>, prediction?: StructurePrediction): TableRows[] {
  return structure.tables.map((table) => tableRows(table, structure.tables.length, prediction));
}

/**
 * The sentence under a regression's title saying how its linear predictors become the result. `normalization`
 * holds a RegressionModel's normalizationMethod, or a GeneralRegressionModel's link function, cumulative link or,
 * lacking both, its modelType; plain linear models (identity, `regression`, `generalLinear`) need no sentence.
 */
export function normalizationNote(normalization: string | undefined): string | undefined {
  switch (normalization) {
    case undefined:
    case 'none':
    case 'identity':
    case 'regression':
    case 'generalLinear':
      return undefined;
    case 'CoxRegression':
      return 'Cox regression: exp(linear predictor) scales the baseline cumulative hazard at the given time.';
    case 'multinomialLogistic':
      return 'Linear predictors are turned into class probabilities with softmax (multinomial logistic).';
    default:
      return `Linear predictors are normalised with ${normalization}.`;
  }
}
