import { InvalidMarkupError, InvalidValueError } from '../../../errors.js';
import type { ModelStructure } from '../../../model/description.js';
import type { EvaluationContext, Expr } from '../context.js';
import { formatDouble, toNumber } from '../convert.js';
import type { ModelCompileContext, ModelKind } from '../model-kind.js';
import { parseTimeSeriesModel } from '../parse/time-series-model.js';
import { MISSING_PREDICTION, type Prediction } from '../prediction.js';
import type { ExponentialSmoothing, TimeSeriesModel } from '../schema/time-series-model.js';
import { MISSING } from '../values.js';

/** Σ_{i=1..h} φ^i: the damped trend's weight after h steps. */
function dampedSum(phi: number, h: number): number {
  let sum = 0;
  let power = 1;
  for (let i = 1; i <= h; i++) {
    power *= phi;
    sum += power;
  }
  return sum;
}

/**
 * The h-step-ahead forecast of PMML 4.4 ExponentialSmoothing (Gardner's formulas): from the smoothed level S
 * and trend T, additive S + h·T, damped_additive S + Σφ^i·T, multiplicative S·T^h,
 * damped_multiplicative S·T^(Σφ^i); an additive season adds, a multiplicative one multiplies, the seasonal
 * index of the period position h steps after the last observation. The result is transformed back from the
 * logarithmic or square-root scale the model was fitted on. `undefined` for a trend this evaluator lacks.
 */
export function compileForecast(smoothing: ExponentialSmoothing): ((h: number) => number) | undefined {
  const level = smoothing.Level.smoothedValue;
  const trend = smoothing.Trend_ExpoSmooth;
  let withTrend: (h: number) => number;
  if (trend === undefined) withTrend = () => level;
  else {
    const { smoothedValue: t, phi } = trend;
    switch (trend.trend) {
      case 'additive':
        withTrend = (h) => level + h * t;
        break;
      case 'damped_additive':
        withTrend = (h) => level + dampedSum(phi, h) * t;
        break;
      case 'multiplicative':
        withTrend = (h) => level * Math.pow(t, h);
        break;
      case 'damped_multiplicative':
        withTrend = (h) => level * Math.pow(t, dampedSum(phi, h));
        break;
      case 'polynomial_exponential':
        return undefined;
    }
  }
  const season = smoothing.Seasonality_ExpoSmooth;
  let forecast = withTrend;
  if (season !== undefined) {
    const { Array: indices, period } = season;
    const phase = season.phase ?? 0;
    const index = (h: number) => indices[(((phase + h - 1) % period) + period) % period];
    forecast = season.type === 'additive' ? (h) => withTrend(h) + index(h) : (h) => withTrend(h) * index(h);
  }
  switch (smoothing.transformation) {
    case 'none':
      return forecast;
    case 'logarithmic':
      return (h) => Math.exp(forecast(h));
    case 'squareroot':
      return (h) => forecast(h) ** 2;
  }
}

/**
 * The forecast horizon h: the MiningField named `h` (as R's pmml package writes time series models), else the
 * model's first input field; a model without inputs forecasts one step ahead.
 */
function compileHorizon(model: TimeSeriesModel, mc: ModelCompileContext): Expr | undefined {
  const inputs = model.MiningSchema.MiningField.filter((f) => f.usageType !== 'target' && f.usageType !== 'predicted');
  const field = inputs.find((f) => f.name === 'h') ?? inputs[0];
  return field === undefined ? undefined : mc.env.resolve(mc.scope, field.name, 'MiningField', field.line).get;
}

export function compileTimeSeriesModel(model: TimeSeriesModel, mc: ModelCompileContext): (ctx: EvaluationContext) => Prediction {
  const smoothing = model.ExponentialSmoothing;
  if (smoothing === undefined) {
    if (model.bestFit === 'ExponentialSmoothing') {
      throw new InvalidMarkupError(`<TimeSeriesModel> with bestFit 'ExponentialSmoothing' has no <ExponentialSmoothing> (line ${model.line}).`, model.element, model.line);
    }
    return () => MISSING_PREDICTION;
  }
  const forecast = compileForecast(smoothing);
  if (forecast === undefined) {
    const trend = smoothing.Trend_ExpoSmooth!;
    mc.env.unsupportedFeature('Trend_ExpoSmooth', trend.line, `Trend '${trend.trend}' of <Trend_ExpoSmooth> is not supported (line ${trend.line}).`, 'trend', trend.trend);
    return () => MISSING_PREDICTION;
  }
  const horizon = compileHorizon(model, mc);
  const dataType = mc.target.dataType === 'float' ? 'float' : 'double';
  return (ctx) => {
    const value = horizon?.(ctx);
    if (value === MISSING) return MISSING_PREDICTION;
    const h = value === undefined ? 1 : toNumber(value);
    if (!Number.isInteger(h) || h < 1) {
      throw new InvalidValueError(`The forecast horizon must be a whole number of steps from 1 up, but it is ${h}.`, 'h');
    }
    return { value: { dataType, value: mc.math.round(forecast(h)) } };
  };
}

export function describeTimeSeriesModel(model: TimeSeriesModel): ModelStructure {
  const smoothing = model.ExponentialSmoothing;
  const summary = [{ label: 'Algorithm', value: model.bestFit }];
  if (smoothing !== undefined) {
    const { Level, Trend_ExpoSmooth: trend, Seasonality_ExpoSmooth: season } = smoothing;
    summary.push({ label: 'Level', value: `${formatDouble(Level.smoothedValue)}${Level.alpha === undefined ? '' : ` (α ${formatDouble(Level.alpha)})`}` });
    if (trend !== undefined) {
      const damping = trend.trend.startsWith('damped') ? `, φ ${formatDouble(trend.phi)}` : '';
      summary.push({ label: 'Trend', value: `${trend.trend} ${formatDouble(trend.smoothedValue)}${damping}` });
    }
    if (season !== undefined) summary.push({ label: 'Seasonality', value: `${season.type}, period ${season.period}: ${season.Array.map(formatDouble).join(', ')}` });
    if (smoothing.transformation !== 'none') summary.push({ label: 'Transformation', value: smoothing.transformation });
    if (smoothing.RMSE !== undefined) summary.push({ label: 'RMSE', value: formatDouble(smoothing.RMSE) });
  }
  return { kind: 'other', element: model.element, summary };
}

export const timeSeriesModelKind: ModelKind<TimeSeriesModel> = {
  element: 'TimeSeriesModel',
  parse: parseTimeSeriesModel,
  compile: compileTimeSeriesModel,
  describe: describeTimeSeriesModel,
};
