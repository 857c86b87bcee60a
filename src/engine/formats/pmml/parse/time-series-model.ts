import { InvalidMarkupError } from '../../../errors.js';
import type { ModelElement } from '../schema/model.js';
import type { ExponentialSmoothing, Seasonality_ExpoSmooth, TimeSeries, TimeSeriesModel, Trend_ExpoSmooth } from '../schema/time-series-model.js';
import type { XmlElement } from '../xml-reader.js';
import { splitArrayContent } from './predicates.js';
import { childNamed, childrenNamed, enumAttr, numberAttr, optionalAttr, requiredAttr, requiredChild, requiredNumberAttr, type ParseContext } from './reader.js';

const ALGORITHMS = ['ARIMA', 'ExponentialSmoothing', 'SeasonalTrendDecomposition', 'SpectralAnalysis', 'StateSpaceModel', 'GARCH'];
const TRENDS = ['additive', 'damped_additive', 'multiplicative', 'damped_multiplicative', 'polynomial_exponential'] as const;

function arrayOf(element: XmlElement): number[] {
  const array = childNamed(element, 'Array');
  if (array === undefined) return [];
  return splitArrayContent(array.text).map((token) => {
    const value = Number(token);
    if (Number.isNaN(value)) {
      throw new InvalidMarkupError(`<Array> of <${element.name}> holds '${token}', which is not a number (line ${array.line}).`, 'Array', array.line);
    }
    return value;
  });
}

function parseTrend(element: XmlElement): Trend_ExpoSmooth {
  return {
    trend: enumAttr(element, 'trend', TRENDS, 'additive'),
    gamma: numberAttr(element, 'gamma'),
    phi: numberAttr(element, 'phi') ?? 1,
    smoothedValue: numberAttr(element, 'smoothedValue') ?? 0,
    Array: arrayOf(element),
    line: element.line,
  };
}

function parseSeasonality(element: XmlElement): Seasonality_ExpoSmooth {
  const period = requiredNumberAttr(element, 'period');
  const indices = arrayOf(element);
  if (!Number.isInteger(period) || period < 1 || indices.length !== period) {
    throw new InvalidMarkupError(
      `<Seasonality_ExpoSmooth> has period ${period} but ${indices.length} seasonal indices (line ${element.line}).`,
      element.name,
      element.line,
    );
  }
  return {
    type: enumAttr(element, 'type', ['additive', 'multiplicative'] as const, 'additive'),
    period,
    unit: optionalAttr(element, 'unit'),
    phase: numberAttr(element, 'phase'),
    delta: numberAttr(element, 'delta'),
    Array: indices,
    line: element.line,
  };
}

function parseExponentialSmoothing(element: XmlElement): ExponentialSmoothing {
  const level = requiredChild(element, 'Level');
  const trend = childNamed(element, 'Trend_ExpoSmooth');
  const seasonality = childNamed(element, 'Seasonality_ExpoSmooth');
  return {
    RMSE: numberAttr(element, 'RMSE'),
    transformation: enumAttr(element, 'transformation', ['none', 'logarithmic', 'squareroot'] as const, 'none'),
    Level: { alpha: numberAttr(level, 'alpha'), smoothedValue: requiredNumberAttr(level, 'smoothedValue') },
    Trend_ExpoSmooth: trend === undefined ? undefined : parseTrend(trend),
    Seasonality_ExpoSmooth: seasonality === undefined ? undefined : parseSeasonality(seasonality),
    line: element.line,
  };
}

export function parseTimeSeriesModel(element: XmlElement, common: ModelElement, ctx: ParseContext): TimeSeriesModel {
  const bestFit = requiredAttr(element, 'bestFit');
  if (!ALGORITHMS.includes(bestFit)) ctx.unsupportedAttribute(element, 'bestFit', bestFit);
  const smoothing = childNamed(element, 'ExponentialSmoothing');
  if (bestFit !== 'ExponentialSmoothing') {
    const algorithm = childNamed(element, bestFit) ?? element;
    ctx.unsupportedElement(algorithm, `Time series algorithm <${bestFit}> is not supported; only <ExponentialSmoothing> is (line ${algorithm.line}).`);
  }
  return {
    ...common,
    element: 'TimeSeriesModel',
    bestFit,
    TimeSeries: childrenNamed(element, 'TimeSeries').map(
      (series): TimeSeries => ({
        usage: enumAttr(series, 'usage', ['original', 'logical', 'prediction'] as const, 'original'),
        TimeValue: childrenNamed(series, 'TimeValue').map((v) => ({ index: numberAttr(v, 'index'), value: requiredNumberAttr(v, 'value') })),
      }),
    ),
    ExponentialSmoothing: smoothing === undefined ? undefined : parseExponentialSmoothing(smoothing),
  };
}
