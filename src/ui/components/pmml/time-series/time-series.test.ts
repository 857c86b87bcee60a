import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import type { TimeSeriesSpec } from '../../../../engine/model/description.js';
import StructureView from '../../structure/StructureView.svelte';
import { descriptionOf } from '../../structure/fixtures.js';
import type { StructurePrediction } from '../../structure/types.js';
import { forecastChart, forecastFormula, niceTicks, parameterRows } from './time-series.js';

const spec: TimeSeriesSpec = {
  level: { smoothedValue: 100, alpha: 0.3 },
  trend: { kind: 'damped_additive', smoothedValue: 2, gamma: 0.1, phi: 0.9 },
  transformation: 'none',
  rmse: 1.5,
  horizonField: 'h',
  history: [
    { step: 1, value: 90 },
    { step: 2, value: 95 },
    { step: 3, value: 99 },
  ],
};
const forecast = { horizon: 2, values: Array.from({ length: 12 }, (_, i) => 101 + i) };

describe('niceTicks', () => {
  it('steps by 1, 2 or 5 times a power of ten and widens the domain to the outer ticks', () => {
    expect(niceTicks(3, 97)).toEqual({ ticks: [0, 20, 40, 60, 80, 100], min: 0, max: 100 });
    expect(niceTicks(0.12, 0.48, 5).ticks).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
  });

  it('keeps whole steps on a time axis', () => {
    expect(niceTicks(1, 4, 7, true).ticks).toEqual([1, 2, 3, 4]);
  });

  it('opens a flat series around its value', () => {
    const { min, max, ticks } = niceTicks(100, 100);
    expect(min).toBeLessThan(100);
    expect(max).toBeGreaterThan(100);
    expect(ticks).toContain(100);
  });
});

describe('forecastChart', () => {
  const chart = forecastChart(spec, forecast, { width: 600, height: 200 });

  it('places the forecast h steps after the last observation', () => {
    expect(chart.forecast.map((p) => p.step)).toEqual(Array.from({ length: 12 }, (_, i) => 4 + i));
    expect(chart.highlight).toMatchObject({ horizon: 2, step: 5, value: 102 });
  });

  it('scales values into the plot, larger values higher', () => {
    const ys = [...chart.history, ...chart.forecast].map((p) => p.y);
    for (const y of ys) {
      expect(y).toBeGreaterThanOrEqual(chart.plot.top);
      expect(y).toBeLessThanOrEqual(chart.plot.bottom);
    }
    expect(chart.history[0].y).toBeGreaterThan(chart.forecast[11].y);
    expect(chart.yTicks[0].at).toBe(chart.plot.bottom);
    expect(chart.xTicks.at(-1)?.at).toBe(chart.plot.right);
  });

  it('joins the forecast curve to the last observation', () => {
    const last = chart.history[2];
    expect(chart.forecastPath.startsWith(`M${last.x.toFixed(1)},${last.y.toFixed(1)}L`)).toBe(true);
  });

  it('breaks the curve at values that are not finite and leaves them out of the scale', () => {
    const overflow = forecastChart({ ...spec, history: [] }, { horizon: 1, values: [1, 2, Infinity, 4] });
    expect(overflow.forecastPath.match(/M/g)).toHaveLength(2);
    expect(overflow.yTicks.at(-1)?.value).toBeLessThan(10);
  });

  it('notes a horizon past the traced steps without a highlighted point', () => {
    const far = forecastChart(spec, { horizon: 80, values: forecast.values });
    expect(far.highlight).toBeUndefined();
    expect(far.isBeyond).toBe(true);
  });

  it('draws the history alone before a forecast is traced', () => {
    const before = forecastChart(spec, undefined);
    expect(before.forecast).toEqual([]);
    expect(before.historyPath).toMatch(/^M.*L.*L/);
  });
});

describe('parameters', () => {
  it('lists level, trend with its damping, and RMSE in the order the forecast applies them', () => {
    expect(parameterRows(spec)).toEqual([
      { component: 'Level', values: [{ symbol: 'S', value: '100' }, { symbol: 'α', value: '0.3' }] },
      { component: 'Trend (damped additive)', values: [{ symbol: 'T', value: '2' }, { symbol: 'γ', value: '0.1' }, { symbol: 'φ', value: '0.9' }] },
      { component: 'RMSE', values: [{ symbol: '', value: '1.5' }] },
    ]);
  });

  it('writes the formula of the trend, season and transformation', () => {
    expect(forecastFormula(spec)).toBe('ŷ(h) = S + (φ + … + φʰ)·T');
    const seasonal = { ...spec, seasonality: { type: 'multiplicative' as const, period: 4, indices: [1, 1, 1, 1] }, transformation: 'logarithmic' as const };
    expect(forecastFormula(seasonal)).toBe('ŷ(h) = exp((S + (φ + … + φʰ)·T)·I(h))');
  });
});

describe('TimeSeriesView', () => {
  function html(result?: StructurePrediction): string {
    const description = descriptionOf({ kind: 'other', element: 'TimeSeriesModel', summary: [], timeSeries: spec });
    return render(StructureView, { props: { description, result } }).body;
  }

  it('draws the forecast with the requested horizon highlighted and its value', () => {
    const body = html({ trace: { forecast } });
    expect(body).toContain('damped additive trend');
    expect(body).toContain('data-horizon="2"');
    expect(body).toContain('h = 2: 102');
    expect(body).not.toContain('no dedicated drawing');
  });

  it('asks for a horizon before a forecast is traced', () => {
    expect(html()).toContain('Enter a horizon');
  });
});
