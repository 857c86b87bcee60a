import { InvalidMarkupError } from '../../../errors.js';
import type { ModelStructure } from '../../../model/description.js';
import type { EvaluationContext } from '../context.js';
import { formatDouble, toNumber } from '../convert.js';
import type { ModelCompileContext, ModelKind } from '../model-kind.js';
import { parseBaselineModel } from '../parse/baseline-model.js';
import { MISSING_PREDICTION, type Prediction } from '../prediction.js';
import type { BaselineDistribution, BaselineModel, TestDistributions } from '../schema/baseline-model.js';
import type { ContinuousDistribution } from '../schema/naive-bayes-model.js';
import { MISSING } from '../values.js';

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** log f(x) of a continuous distribution; `undefined` when the distribution has no density (AnyDistribution). */
export function logDensity(distribution: ContinuousDistribution, x: number): number | undefined {
  switch (distribution.kind) {
    case 'GaussianDistribution':
      return -LOG_SQRT_2PI - 0.5 * Math.log(distribution.variance) - (x - distribution.mean) ** 2 / (2 * distribution.variance);
    case 'PoissonDistribution': {
      // log(λ^x e^−λ / x!), with log x! = lgamma(x + 1) left out: it cancels in every ratio of two Poisson densities.
      const { mean } = distribution;
      return x * Math.log(mean) - mean;
    }
    case 'UniformDistribution':
      return x >= distribution.lower && x <= distribution.upper ? -Math.log(distribution.upper - distribution.lower) : -Infinity;
    case 'AnyDistribution':
      return undefined;
  }
}

function continuous(distribution: BaselineDistribution | undefined, role: string, tests: TestDistributions): ContinuousDistribution {
  if (distribution === undefined || distribution.kind === 'discrete') {
    throw new InvalidMarkupError(
      `<TestDistributions> with testStatistic '${tests.testStatistic}' needs a continuous distribution as its ${role} (line ${tests.line}).`,
      'TestDistributions',
      tests.line,
    );
  }
  return distribution;
}

/** The z-score of x against the baseline: (x − mean) / standard deviation. */
function compileZValue(tests: TestDistributions): ((x: number) => number) | undefined {
  const baseline = continuous(tests.Baseline, 'Baseline', tests);
  switch (baseline.kind) {
    case 'GaussianDistribution':
    case 'AnyDistribution': {
      const sd = Math.sqrt(baseline.variance);
      return (x) => (x - baseline.mean) / sd;
    }
    case 'PoissonDistribution': {
      // A Poisson distribution's variance equals its mean.
      const sd = Math.sqrt(baseline.mean);
      return (x) => (x - baseline.mean) / sd;
    }
    case 'UniformDistribution':
      return undefined;
  }
}

/**
 * PMML 4.4 Baseline Models, CUSUM: "g(x) = log f1(x)/f0(x)" and "Z[n] = max{r, Z[n-1] + g(x[n])}", starting from
 * "Z[-1]=0". The score accumulates over the records this loaded model scores, in the order they arrive.
 */
function compileCusum(tests: TestDistributions): ((x: number) => number) | undefined {
  const baseline = continuous(tests.Baseline, 'Baseline', tests);
  const alternate = continuous(tests.Alternate, 'Alternate', tests);
  if (baseline.kind === 'AnyDistribution' || alternate.kind === 'AnyDistribution') return undefined;
  const reset = tests.resetValue;
  let z = 0;
  return (x) => {
    const g = (logDensity(alternate, x) ?? 0) - (logDensity(baseline, x) ?? 0);
    z = Math.max(reset, z + g);
    return z;
  };
}

export function compileBaselineModel(model: BaselineModel, mc: ModelCompileContext): (ctx: EvaluationContext) => Prediction {
  const tests = model.TestDistributions;
  const statistic =
    tests.testStatistic === 'zValue' ? compileZValue(tests) : tests.testStatistic === 'CUSUM' ? compileCusum(tests) : undefined;
  if (statistic === undefined) {
    const what =
      tests.testStatistic === 'zValue' || tests.testStatistic === 'CUSUM'
        ? `testStatistic '${tests.testStatistic}' over a <${tests.Baseline.kind}>`
        : `testStatistic '${tests.testStatistic}' (a statistic over batches of records)`;
    mc.env.unsupportedFeature('TestDistributions', tests.line, `<TestDistributions> ${what} is not supported (line ${tests.line}).`, 'testStatistic', tests.testStatistic);
    return () => MISSING_PREDICTION;
  }
  const input = mc.env.resolve(mc.scope, tests.field, 'TestDistributions', tests.line).get;
  return (ctx) => {
    const value = input(ctx);
    if (value === MISSING) return MISSING_PREDICTION;
    return { value: { dataType: 'double', value: mc.math.round(statistic(toNumber(value))) } };
  };
}

function distributionText(distribution: BaselineDistribution): string {
  switch (distribution.kind) {
    case 'GaussianDistribution':
      return `Gaussian (mean ${formatDouble(distribution.mean)}, variance ${formatDouble(distribution.variance)})`;
    case 'AnyDistribution':
      return `any (mean ${formatDouble(distribution.mean)}, variance ${formatDouble(distribution.variance)})`;
    case 'PoissonDistribution':
      return `Poisson (mean ${formatDouble(distribution.mean)})`;
    case 'UniformDistribution':
      return `uniform (${formatDouble(distribution.lower)} … ${formatDouble(distribution.upper)})`;
    case 'discrete':
      return distribution.element;
  }
}

export function describeBaselineModel(model: BaselineModel): ModelStructure {
  const tests = model.TestDistributions;
  return {
    kind: 'other',
    element: model.element,
    summary: [
      { label: 'Test statistic', value: tests.testStatistic },
      { label: 'Field', value: tests.field },
      { label: 'Baseline', value: distributionText(tests.Baseline) },
      ...(tests.Alternate === undefined ? [] : [{ label: 'Alternate', value: distributionText(tests.Alternate) }]),
      ...(tests.testStatistic === 'CUSUM' ? [{ label: 'Reset value', value: formatDouble(tests.resetValue) }] : []),
    ],
  };
}

export const baselineModelKind: ModelKind<BaselineModel> = {
  element: 'BaselineModel',
  parse: parseBaselineModel,
  compile: compileBaselineModel,
  describe: describeBaselineModel,
};
