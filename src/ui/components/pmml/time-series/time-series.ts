import type { TimeSeriesSpec } from '../../../../engine/model/description.js';
import { formatNumber } from '../../graph/node-details.js';
import type { StructureTrace } from '../../structure/types.js';

/** A value of the series placed on the chart: its step and value, and where it lands in SVG units. */
export interface ChartPoint {
  readonly step: number;
  readonly value: number;
  readonly x: number;
  readonly y: number;
}

export interface Tick {
  readonly value: number;
  /** x (for the step axis) or y (for the value axis) in SVG units. */
  readonly at: number;
  readonly label: string;
}

/** The chart laid out in SVG units, ready to draw: nothing here needs the DOM. */
export interface ForecastChart {
  readonly width: number;
  readonly height: number;
  /** The plot area inside the axes. */
  readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  readonly history: readonly ChartPoint[];
  readonly forecast: readonly ChartPoint[];
  /** `d` of the history line and of the forecast curve (which starts at the last observation, so the two join). */
  readonly historyPath: string;
  readonly forecastPath: string;
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  /** The requested horizon's point, when the traced forecast reaches it. */
  readonly highlight?: ChartPoint & { readonly horizon: number };
  /** The requested horizon lies past the steps the trace carries (the prediction still has its value). */
  readonly isBeyond: boolean;
}

export interface ChartSize {
  readonly width: number;
  readonly height: number;
}

const MARGIN = { left: 56, right: 16, top: 14, bottom: 26 };

/**
 * Round axis values covering [min, max]: steps of 1, 2 or 5 × 10ᵏ, about `count` of them, and the axis domain
 * widened to the outer ticks so the line never leaves the plot. `integer` keeps the step at 1 or more (time steps).
 */
export function niceTicks(min: number, max: number, count = 5, integer = false): { readonly ticks: readonly number[]; readonly min: number; readonly max: number } {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { ticks: [], min: 0, max: 1 };
  if (min > max) [min, max] = [max, min];
  if (min === max) {
    const pad = integer ? 1 : Math.abs(min) * 0.1 || 1;
    min -= pad;
    max += pad;
  }
  const raw = (max - min) / Math.max(1, count - 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  // The nice step nearest the raw one on a log scale (d3-array's thresholds √2, √10, √50: https://github.com/d3/d3-array/blob/main/src/ticks.js), so the count stays near `count`.
  let step = (fraction < Math.SQRT2 ? 1 : fraction < Math.sqrt(10) ? 2 : fraction < Math.sqrt(50) ? 5 : 10) * power;
  if (integer) step = Math.max(1, Math.round(step));
  const first = Math.floor(min / step);
  const last = Math.ceil(max / step);
  // toPrecision drops the binary noise of k·step (0.30000000000000004) so labels and equality checks read cleanly.
  const ticks = Array.from({ length: last - first + 1 }, (_, k) => Number(((first + k) * step).toPrecision(12)) || 0);
  return { ticks, min: ticks[0], max: ticks[ticks.length - 1] };
}

/** An SVG path through the points, broken where a value is not finite (an overflowing multiplicative trend). */
function pathThrough(points: readonly ChartPoint[]): string {
  let d = '';
  let isDrawing = false;
  for (const p of points) {
    if (!Number.isFinite(p.y)) {
      isDrawing = false;
      continue;
    }
    d += `${isDrawing ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`;
    isDrawing = true;
  }
  return d;
}

/**
 * Lays out the observed history and the traced forecast on one step axis: the forecast h steps ahead lies at
 * the last observed step + h (step h when the document keeps no history).
 */
export function forecastChart(spec: TimeSeriesSpec, forecast: StructureTrace['forecast'], size: ChartSize = { width: 640, height: 240 }): ForecastChart {
  const lastStep = spec.history.at(-1)?.step ?? 0;
  const future = (forecast?.values ?? []).map((value, i) => ({ step: lastStep + i + 1, value }));
  const all = [...spec.history, ...future];
  const finite = all.filter((p) => Number.isFinite(p.value));
  const plot = { left: MARGIN.left, top: MARGIN.top, right: size.width - MARGIN.right, bottom: size.height - MARGIN.bottom };
  const steps = niceTicks(Math.min(...all.map((p) => p.step), lastStep + 1), Math.max(...all.map((p) => p.step), lastStep + 1), 7, true);
  const values = niceTicks(Math.min(...finite.map((p) => p.value)), Math.max(...finite.map((p) => p.value)), 5);
  const x = (step: number) => plot.left + ((step - steps.min) / (steps.max - steps.min)) * (plot.right - plot.left);
  const y = (value: number) => plot.bottom - ((value - values.min) / (values.max - values.min)) * (plot.bottom - plot.top);
  const place = (p: { step: number; value: number }): ChartPoint => ({ ...p, x: x(p.step), y: Number.isFinite(p.value) ? y(p.value) : Number.NaN });
  const history = spec.history.map(place);
  const ahead = future.map(place);
  const horizon = forecast?.horizon;
  const target = horizon === undefined ? undefined : ahead[horizon - 1];
  return {
    ...size,
    plot,
    history,
    forecast: ahead,
    historyPath: pathThrough(history),
    forecastPath: pathThrough([...history.slice(-1), ...ahead]),
    xTicks: steps.ticks.map((value) => ({ value, at: x(value), label: formatNumber(value) })),
    yTicks: finite.length === 0 ? [] : values.ticks.map((value) => ({ value, at: y(value), label: formatNumber(value) })),
    ...(target === undefined || horizon === undefined || !Number.isFinite(target.y) ? {} : { highlight: { ...target, horizon } }),
    isBeyond: horizon !== undefined && horizon > ahead.length,
  };
}

/** One row of the parameters table: the component, its smoothed value and its smoothing weight. */
export interface ParameterRow {
  readonly component: string;
  readonly values: readonly { readonly symbol: string; readonly value: string }[];
}

const TREND_NAMES: Record<NonNullable<TimeSeriesSpec['trend']>['kind'], string> = {
  additive: 'additive',
  damped_additive: 'damped additive',
  multiplicative: 'multiplicative',
  damped_multiplicative: 'damped multiplicative',
  polynomial_exponential: 'polynomial exponential',
};

export function trendName(spec: TimeSeriesSpec): string {
  return spec.trend === undefined ? 'no trend' : `${TREND_NAMES[spec.trend.kind]} trend`;
}

const num = (value: number) => formatNumber(value);

/** The parameters as the table lists them, in the order the forecast applies them. */
export function parameterRows(spec: TimeSeriesSpec): ParameterRow[] {
  const level = [{ symbol: 'S', value: num(spec.level.smoothedValue) }];
  if (spec.level.alpha !== undefined) level.push({ symbol: 'α', value: num(spec.level.alpha) });
  const rows: ParameterRow[] = [{ component: 'Level', values: level }];
  const { trend, seasonality } = spec;
  if (trend !== undefined) {
    const values = [{ symbol: 'T', value: num(trend.smoothedValue) }];
    if (trend.gamma !== undefined) values.push({ symbol: 'γ', value: num(trend.gamma) });
    if (trend.phi !== undefined) values.push({ symbol: 'φ', value: num(trend.phi) });
    rows.push({ component: `Trend (${TREND_NAMES[trend.kind]})`, values });
  }
  if (seasonality !== undefined) {
    const values = [{ symbol: 'period', value: `${seasonality.period}${seasonality.unit === undefined ? '' : ` ${seasonality.unit}`}` }];
    if (seasonality.delta !== undefined) values.push({ symbol: 'δ', value: num(seasonality.delta) });
    if (seasonality.phase !== undefined) values.push({ symbol: 'phase', value: String(seasonality.phase) });
    rows.push({ component: `Seasonality (${seasonality.type})`, values });
  }
  if (spec.transformation !== 'none') rows.push({ component: 'Transformation', values: [{ symbol: '', value: spec.transformation }] });
  if (spec.rmse !== undefined) rows.push({ component: 'RMSE', values: [{ symbol: '', value: num(spec.rmse) }] });
  return rows;
}

/**
 * The forecast formula as text, for the reader to follow the chart: PMML 4.4 ExponentialSmoothing uses Gardner's
 * point forecasts, the trend by kind, then the seasonal index I(h) added or multiplied, then the inverse transformation.
 */
export function forecastFormula(spec: TimeSeriesSpec): string {
  const damped = '(φ + … + φʰ)';
  const trended: Record<NonNullable<TimeSeriesSpec['trend']>['kind'], string> = {
    additive: 'S + h·T',
    damped_additive: `S + ${damped}·T`,
    multiplicative: 'S·Tʰ',
    damped_multiplicative: `S·T^${damped}`,
    polynomial_exponential: 'S·…',
  };
  let text = spec.trend === undefined ? 'S' : trended[spec.trend.kind];
  if (spec.seasonality?.type === 'additive') text = `${text} + I(h)`;
  if (spec.seasonality?.type === 'multiplicative') text = spec.trend === undefined ? 'S·I(h)' : `(${text})·I(h)`;
  if (spec.transformation === 'logarithmic') text = `exp(${text})`;
  if (spec.transformation === 'squareroot') text = `(${text})²`;
  return `ŷ(h) = ${text}`;
}
