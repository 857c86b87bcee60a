import { InvalidMarkupError, InvalidValueError } from '../../../errors.js';
import type { ModelStructure, TimeSeriesSpec } from '../../../model/description.js';
import type { EvaluationContext, Expr } from '../context.js';
import { formatDouble, toNumber } from '../convert.js';
import type { ModelCompileContext, ModelKind } from '../model-kind.js';
import { parseTimeSeriesModel } from '../parse/time-series-model.js';
import { MISSING_PREDICTION, type Prediction } from '../prediction.js';
import type { MiningField } from '../schema/mining-schema.js';
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
 * The MiningField of the forecast horizon h: the one named `h` (as R's pmml package writes time series models),
 * else the model's first input field; a model without inputs forecasts one step ahead.
 */
export function horizonField(model: TimeSeriesModel): MiningField | undefined {
  const inputs = model.MiningSchema.MiningField.filter((f) => f.usageType !== 'target' && f.usageType !== 'predicted');
  return inputs.find((f) => f.name === 'h') ?? inputs[0];
}

function compileHorizon(model: TimeSeriesModel, mc: ModelCompileContext): Expr | undefined {
  const field = horizonField(model);
  return field === undefined ? undefined : mc.env.resolve(mc.scope, field.name, 'MiningField', field.line).get;
}

/** How far the traced forecast reaches: a year of monthly steps at least, the requested horizon if further, within a bound a chart can show. */
const FORECAST_MIN_STEPS = 12;
const FORECAST_MAX_STEPS = 60;

/** The forecast for horizons 1..n, n = h clamped to [FORECAST_MIN_STEPS, FORECAST_MAX_STEPS], for the structure view. */
function forecastSeries(predict: (h: number) => number, horizon: number): number[] {
  const steps = Math.min(Math.max(horizon, FORECAST_MIN_STEPS), FORECAST_MAX_STEPS);
  return Array.from({ length: steps }, (_, i) => predict(i + 1));
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
  const predict = (h: number) => mc.math.round(forecast(h));
  return (ctx) => {
    const value = horizon?.(ctx);
    if (value === MISSING) return MISSING_PREDICTION;
    const h = value === undefined ? 1 : toNumber(value);
    if (!Number.isInteger(h) || h < 1) {
      throw new InvalidValueError(`The forecast horizon must be a whole number of steps from 1 up, but it is ${h}.`, 'h');
    }
    const prediction: Prediction = { value: { dataType, value: predict(h) } };
    return ctx.trace === undefined ? prediction : { ...prediction, explanation: { forecast: { horizon: h, values: forecastSeries(predict, h) } } };
  };
}

/** The observed series to draw: the first `original` TimeSeries, else the first `logical` one; none for forecasts only. */
function history(document: TimeSeriesModel): TimeSeriesSpec['history'] {
  const series = document.TimeSeries.find((s) => s.usage === 'original') ?? document.TimeSeries.find((s) => s.usage === 'logical');
  const values = series?.TimeValue ?? [];
  const isIndexed = values.every((v) => v.index !== undefined);
  const points = values.map((v, i) => ({ step: isIndexed ? v.index! : i + 1, value: v.value }));
  return isIndexed ? points.sort((a, b) => a.step - b.step) : points;
}

function timeSeriesSpec(document: TimeSeriesModel, smoothing: ExponentialSmoothing): TimeSeriesSpec {
  const { Level, Trend_ExpoSmooth: trend, Seasonality_ExpoSmooth: season } = smoothing;
  const horizon = horizonField(document);
  return {
    level: { smoothedValue: Level.smoothedValue, ...(Level.alpha === undefined ? {} : { alpha: Level.alpha }) },
    ...(trend === undefined
      ? {}
      : {
          trend: {
            kind: trend.trend,
            smoothedValue: trend.smoothedValue,
            ...(trend.gamma === undefined ? {} : { gamma: trend.gamma }),
            ...(trend.trend.startsWith('damped') ? { phi: trend.phi } : {}),
          },
        }),
    ...(season === undefined
      ? {}
      : {
          seasonality: {
            type: season.type,
            period: season.period,
            ...(season.unit === undefined ? {} : { unit: season.unit }),
            ...(season.phase === undefined ? {} : { phase: season.phase }),
            ...(season.delta === undefined ? {} : { delta: season.delta }),
            indices: season.Array,
          },
        }),
    transformation: smoothing.transformation,
    ...(smoothing.RMSE === undefined ? {} : { rmse: smoothing.RMSE }),
    ...(horizon === undefined ? {} : { horizonField: horizon.name }),
    history: history(document),
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
  const timeSeries = smoothing === undefined ? undefined : timeSeriesSpec(model, smoothing);
  if (timeSeries !== undefined && timeSeries.history.length > 0) summary.push({ label: 'History', value: `${timeSeries.history.length} values` });
  return { kind: 'other', element: model.element, summary, ...(timeSeries === undefined ? {} : { timeSeries }) };
}

export const timeSeriesModelKind: ModelKind<TimeSeriesModel> = {
  element: 'TimeSeriesModel',
  parse: parseTimeSeriesModel,
  compile: compileTimeSeriesModel,
  describe: describeTimeSeriesModel,
};
