import { MissingValueError } from '../../../../errors.js';
import type { CompileEnv } from '../../compile-env.js';
import type { EvaluationContext, Scope } from '../../context.js';
import { toNumber } from '../../convert.js';
import { compileExpression } from '../../expressions.js';
import type { ContinuousDistributionType } from '../../schema/bayesian-network-model.js';
import type { Expression } from '../../schema/transformations.js';
import { MISSING } from '../../values.js';

/** A density f(x) whose parameters are evaluated for the record (they may read continuous parents). */
export type Density = (ctx: EvaluationContext, x: number) => number;

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/** Normal density with mean μ and variance σ². */
export function normalDensity(x: number, mean: number, variance: number): number {
  return Math.exp(-((x - mean) ** 2) / (2 * variance)) / (SQRT_2PI * Math.sqrt(variance));
}

/** Log-normal density: ln x is normal with mean μ and variance σ². */
export function lognormalDensity(x: number, mean: number, variance: number): number {
  return x > 0 ? normalDensity(Math.log(x), mean, variance) / x : 0;
}

export function uniformDensity(x: number, lower: number, upper: number): number {
  return x >= lower && x <= upper && upper > lower ? 1 / (upper - lower) : 0;
}

/** Triangular density on [a, b] whose mean (a + b + c)/3 fixes its mode c. */
export function triangularDensity(x: number, mean: number, lower: number, upper: number): number {
  const mode = 3 * mean - lower - upper;
  if (x < lower || x > upper || upper <= lower) return 0;
  if (x < mode) return (2 * (x - lower)) / ((upper - lower) * (mode - lower));
  if (x > mode) return (2 * (upper - x)) / ((upper - lower) * (upper - mode));
  return 2 / (upper - lower);
}

/** A continuous node's distribution for one row of its table: its density and its expected value. */
export interface CompiledDistribution {
  readonly density: Density;
  readonly mean: (ctx: EvaluationContext) => number;
}

export function compileDistribution(distribution: ContinuousDistributionType, node: string, scope: Scope, env: CompileEnv): CompiledDistribution {
  const parameter = (expression: Expression, label: string) => {
    const get = compileExpression(expression, scope, env).get;
    return (ctx: EvaluationContext): number => {
      const value = get(ctx);
      if (value === MISSING) {
        throw new MissingValueError(`The ${label} of the distribution of Bayesian network node '${node}' is missing for this record.`, node);
      }
      return toNumber(value);
    };
  };
  switch (distribution.kind) {
    case 'NormalDistribution': {
      const mean = parameter(distribution.Mean, 'mean');
      const variance = parameter(distribution.Variance, 'variance');
      return { density: (ctx, x) => normalDensity(x, mean(ctx), variance(ctx)), mean };
    }
    case 'LognormalDistribution': {
      const mean = parameter(distribution.Mean, 'mean');
      const variance = parameter(distribution.Variance, 'variance');
      // E[x] = exp(μ + σ²/2) when ln x has mean μ and variance σ².
      return { density: (ctx, x) => lognormalDensity(x, mean(ctx), variance(ctx)), mean: (ctx) => Math.exp(mean(ctx) + variance(ctx) / 2) };
    }
    case 'UniformDistribution': {
      const lower = parameter(distribution.Lower, 'lower bound');
      const upper = parameter(distribution.Upper, 'upper bound');
      return { density: (ctx, x) => uniformDensity(x, lower(ctx), upper(ctx)), mean: (ctx) => (lower(ctx) + upper(ctx)) / 2 };
    }
    case 'TriangularDistribution': {
      const mean = parameter(distribution.Mean, 'mean');
      const lower = parameter(distribution.Lower, 'lower bound');
      const upper = parameter(distribution.Upper, 'upper bound');
      return { density: (ctx, x) => triangularDensity(x, mean(ctx), lower(ctx), upper(ctx)), mean };
    }
  }
}
