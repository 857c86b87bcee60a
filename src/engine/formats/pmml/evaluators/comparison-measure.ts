import { InvalidValueError } from '../../../errors.js';
import type { CompileEnv } from '../compile-env.js';
import { toNumber, valuesEqual } from '../convert.js';
import type { CompareFunction, ComparisonField, ComparisonMeasure, Measure } from '../schema/comparison-measure.js';
import { MISSING, type TypedValue, type Value } from '../values.js';

/**
 * A ComparisonMeasure compiled over a list of comparison fields (ClusteringFields or KNNInputs), shared by
 * ClusteringModel and NearestNeighborModel (PMML 4.4 "Clustering Models", section "Comparison Measures").
 */
export interface CompiledComparison {
  /** `similarity` measures rank the largest value first; `distance` measures the smallest. */
  readonly kind: 'distance' | 'similarity';
  /**
   * The measure between a record's values and a reference (cluster center, training instance). A missing
   * record value is left out and the sum is scaled by `adjustment` (see {@link CompiledComparison.adjustment}).
   */
  measure(values: readonly Value[], reference: readonly Value[], adjustment: number): number;
  /**
   * PMML 4.4 "Missing values": "adjustM = sum(q_i) / sum(q_i * nonmissing_i)", where q_i are the
   * MissingValueWeights (1 when the model gives none).
   */
  adjustment(values: readonly Value[]): number;
}

type Compare = (x: TypedValue, y: TypedValue) => number;

const LN2 = Math.log(2);

function compareFunction(kind: CompareFunction, field: ComparisonField, env: CompileEnv): Compare {
  switch (kind) {
    case 'absDiff':
      // "c(x,y) = |x-y|"
      return (x, y) => Math.abs(toNumber(x) - toNumber(y));
    case 'gaussSim': {
      // "c(x,y) = exp(-ln(2)*z*z/(s*s)) where z=x-y, and s is the value of attribute similarityScale".
      const s = field.similarityScale;
      if (s === undefined) {
        env.unsupportedFeature('ComparisonField', field.line, `Field '${field.field}' compares with gaussSim but has no similarityScale (line ${field.line}).`);
        return () => NaN;
      }
      return (x, y) => {
        const z = toNumber(x) - toNumber(y);
        return Math.exp((-LN2 * z * z) / (s * s));
      };
    }
    case 'delta':
      // "c(x,y) = 0 if x=y, 1 else"
      return (x, y) => (valuesEqual(x, y) ? 0 : 1);
    case 'equal':
      // "c(x,y) = 1 if x=y, 0 else"
      return (x, y) => (valuesEqual(x, y) ? 1 : 0);
    case 'table':
      env.unsupportedFeature(
        'ComparisonField',
        field.line,
        `compareFunction 'table' (a Comparisons matrix) of field '${field.field}' is not supported (line ${field.line}).`,
        'compareFunction',
        'table',
      );
      return () => NaN;
  }
}

function bit(value: Value, field: ComparisonField): boolean {
  const x = value === MISSING ? NaN : toNumber(value);
  if (x === 0) return false;
  if (x === 1) return true;
  // Binary similarity measures are defined over 0/1 values only (PMML 4.4 "binary similarity measures").
  throw new InvalidValueError(`A similarity measure needs 0 or 1 in field '${field.field}', not ${value === MISSING ? 'a missing value' : String(value.value)}.`, field.field);
}

type Similarity = Extract<Measure, { kind: 'simpleMatching' | 'jaccard' | 'tanimoto' | 'binarySimilarity' }>;
type Distance = Exclude<Measure, Similarity>;

function isSimilarityMeasure(measure: Measure): measure is Similarity {
  return measure.kind === 'simpleMatching' || measure.kind === 'jaccard' || measure.kind === 'tanimoto' || measure.kind === 'binarySimilarity';
}

function compileSimilarity(measure: Similarity, fields: readonly ComparisonField[]): CompiledComparison['measure'] {
  const ratio = ((): ((a11: number, a10: number, a01: number, a00: number) => number) => {
    switch (measure.kind) {
      case 'simpleMatching':
        // "(a11 + a00) / (a11 + a10 + a01 + a00)"
        return (a11, a10, a01, a00) => (a11 + a00) / (a11 + a10 + a01 + a00);
      case 'jaccard':
        // "a11 / (a11 + a10 + a01)"
        return (a11, a10, a01) => a11 / (a11 + a10 + a01);
      case 'tanimoto':
        // "(a11 + a00) / (a11 + 2*(a10 + a01) + a00)"
        return (a11, a10, a01, a00) => (a11 + a00) / (a11 + 2 * (a10 + a01) + a00);
      case 'binarySimilarity': {
        // "(c11*a11 + c10*a10 + c01*a01 + c00*a00) / (d11*a11 + d10*a10 + d01*a01 + d00*a00)"
        const m = measure;
        return (a11, a10, a01, a00) => (m.c11 * a11 + m.c10 * a10 + m.c01 * a01 + m.c00 * a00) / (m.d11 * a11 + m.d10 * a10 + m.d01 * a01 + m.d00 * a00);
      }
    }
  })();
  return (values, reference) => {
    let a11 = 0;
    let a10 = 0;
    let a01 = 0;
    let a00 = 0;
    fields.forEach((field, i) => {
      const x = bit(values[i], field);
      const y = bit(reference[i], field);
      if (x) {
        if (y) a11++;
        else a10++;
      } else if (y) a01++;
      else a00++;
    });
    return ratio(a11, a10, a01, a00);
  };
}

function compileDistance(measure: Distance, terms: readonly Compare[], weights: readonly number[]): CompiledComparison['measure'] {
  const n = terms.length;
  switch (measure.kind) {
    case 'chebychev':
      // "d(x,y) = max_i (w_i * c(x_i,y_i))", scaled for missing values.
      return (values, reference, adjustment) => {
        let max = -Infinity;
        for (let i = 0; i < n; i++) {
          const x = values[i];
          const y = reference[i];
          if (x === MISSING || y === MISSING) continue;
          const term = weights[i] * terms[i](x, y);
          if (term > max) max = term;
        }
        return max * adjustment;
      };
    case 'euclidean':
    case 'squaredEuclidean':
    case 'cityBlock':
    case 'minkowski': {
      // euclidean "(Σ w_i c(x_i,y_i)²)^½", squaredEuclidean "Σ w_i c(x_i,y_i)²", cityBlock "Σ w_i c(x_i,y_i)",
      // minkowski "(Σ w_i c(x_i,y_i)^p)^(1/p)".
      const p = measure.kind === 'minkowski' ? measure.p : measure.kind === 'cityBlock' ? 1 : 2;
      const power = p === 2 ? (d: number) => d * d : p === 1 ? (d: number) => d : (d: number) => Math.pow(d, p);
      const outer =
        measure.kind === 'euclidean' ? Math.sqrt : measure.kind === 'minkowski' && p !== 1 ? (s: number) => Math.pow(s, 1 / p) : (s: number) => s;
      return (values, reference, adjustment) => {
        let sum = 0;
        for (let i = 0; i < n; i++) {
          const x = values[i];
          const y = reference[i];
          if (x === MISSING || y === MISSING) continue;
          sum += weights[i] * power(terms[i](x, y));
        }
        return outer(sum * adjustment);
      };
    }
  }
}

/**
 * Compiles `measure` over `fields`. `missingWeights` are the ClusteringModel's MissingValueWeights (one per
 * field); an unsupported compare function or a measure that contradicts `kind` is reported through `env`.
 */
export function compileComparison(
  measure: ComparisonMeasure,
  fields: readonly ComparisonField[],
  env: CompileEnv,
  missingWeights?: readonly number[],
): CompiledComparison {
  const isSimilarity = isSimilarityMeasure(measure.measure);
  if (isSimilarity !== (measure.kind === 'similarity')) {
    env.unsupportedFeature(
      'ComparisonMeasure',
      measure.line,
      `<ComparisonMeasure kind="${measure.kind}"> holds the ${isSimilarity ? 'similarity' : 'distance'} measure <${measure.measure.kind}> (line ${measure.line}).`,
    );
  }
  const q = missingWeights ?? fields.map(() => 1);
  const total = q.reduce((a, b) => a + b, 0);
  const adjustment = (values: readonly Value[]): number => {
    let present = 0;
    for (let i = 0; i < values.length; i++) if (values[i] !== MISSING) present += q[i];
    return total / present;
  };
  if (isSimilarityMeasure(measure.measure)) return { kind: 'similarity', measure: compileSimilarity(measure.measure, fields), adjustment };
  const terms = fields.map((field) => {
    const kind = field.compareFunction ?? measure.compareFunction;
    // jpmml: the ComparisonMeasure element is limited to attribute-less compare functions (gaussSim needs similarityScale).
    return compareFunction(kind, field, env);
  });
  return { kind: 'distance', measure: compileDistance(measure.measure, terms, fields.map((f) => f.fieldWeight)), adjustment };
}
