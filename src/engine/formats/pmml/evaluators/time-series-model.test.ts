import { describe, expect, it } from 'vitest';
import { InvalidValueError, UnsupportedMarkupError } from '../../../errors.js';
import { dataField, expectClose, load, score } from '../test-helpers.js';

const FIELDS = [dataField('ts_value'), dataField('h', 'integer')];

function smoothing(inner: string, attributes = ''): string {
  return `<TimeSeriesModel modelName="sales" functionName="timeSeries" bestFit="ExponentialSmoothing">
    <MiningSchema><MiningField name="ts_value" usageType="target"/><MiningField name="h"/></MiningSchema>
    <ExponentialSmoothing RMSE="1.2" ${attributes}>
      <Level alpha="0.3" smoothedValue="100"/>
      ${inner}
    </ExponentialSmoothing>
  </TimeSeriesModel>`;
}

const forecast = (inner: string, h: number, attributes = '') => score(load(FIELDS, smoothing(inner, attributes)), { h }).ts_value;

describe('TimeSeriesModel ExponentialSmoothing', () => {
  it('describes the horizon input as a number of steps from 1 up', () => {
    expect(load(FIELDS, smoothing('')).inputFields).toEqual([expect.objectContaining({ name: 'h', intervals: [{ closure: 'closedOpen', leftMargin: 1 }] })]);
  });

  it('puts a horizon marked supplementary (as R writes it) in the form, since it is what the forecast needs', () => {
    const model = load(FIELDS, smoothing('').replace('<MiningField name="h"/>', '<MiningField name="h" usageType="supplementary"/>'));
    expect(model.inputFields).toEqual([expect.objectContaining({ name: 'h', intervals: [{ closure: 'closedOpen', leftMargin: 1 }] })]);
    expect(score(model, { h: 2 }).ts_value).toBe(100);
  });

  it('forecasts the smoothed level at every horizon without a trend', () => {
    expect(forecast('', 1)).toBe(100);
    expect(forecast('', 7)).toBe(100);
  });

  it('adds h times the trend for an additive trend', () => {
    expectClose(forecast('<Trend_ExpoSmooth trend="additive" gamma="0.1" smoothedValue="2.5"/>', 4), 110);
  });

  it('adds the damped sum φ + φ² + … + φ^h of the trend for a damped additive trend', () => {
    expectClose(forecast('<Trend_ExpoSmooth trend="damped_additive" gamma="0.1" phi="0.5" smoothedValue="8"/>', 3), 100 + (0.5 + 0.25 + 0.125) * 8);
  });

  it('multiplies by the trend to the power h for a multiplicative trend', () => {
    expectClose(forecast('<Trend_ExpoSmooth trend="multiplicative" smoothedValue="1.1"/>', 2), 121);
  });

  it('raises the trend to the damped sum for a damped multiplicative trend', () => {
    expectClose(forecast('<Trend_ExpoSmooth trend="damped_multiplicative" phi="0.9" smoothedValue="1.1"/>', 2), 100 * Math.pow(1.1, 0.9 + 0.81));
  });

  it('adds the seasonal index of the position h steps ahead, wrapping after a period', () => {
    const season = '<Seasonality_ExpoSmooth type="additive" period="4"><Array n="4" type="real">-3 1 5 -2</Array></Seasonality_ExpoSmooth>';
    expect(forecast(season, 1)).toBe(97);
    expect(forecast(season, 3)).toBe(105);
    expect(forecast(season, 6)).toBe(101);
  });

  it('multiplies the trended level by a multiplicative seasonal index', () => {
    const inner = `<Trend_ExpoSmooth trend="additive" smoothedValue="2"/>
      <Seasonality_ExpoSmooth type="multiplicative" period="2"><Array n="2" type="real">0.9 1.1</Array></Seasonality_ExpoSmooth>`;
    expectClose(forecast(inner, 2), 104 * 1.1);
  });

  it('transforms a logarithmic forecast back with exp', () => {
    const model = `<Trend_ExpoSmooth trend="additive" smoothedValue="0.5"/>`;
    const logLevel = smoothing(model, 'transformation="logarithmic"').replace('smoothedValue="100"', 'smoothedValue="2"');
    expectClose(score(load(FIELDS, logLevel), { h: 2 }).ts_value, Math.exp(3));
  });

  it('predicts a missing value when the horizon is missing', () => {
    expect(forecast('', null as unknown as number)).toBeNull();
  });

  it('rejects a horizon that is not a whole number of steps', () => {
    expect(() => forecast('', 1.5)).toThrow(InvalidValueError);
  });

  it('reports other time series algorithms as unsupported when the model loads', () => {
    const markup = `<TimeSeriesModel functionName="timeSeries" bestFit="ARIMA">
      <MiningSchema><MiningField name="ts_value" usageType="target"/><MiningField name="h"/></MiningSchema>
      <ARIMA/></TimeSeriesModel>`;
    expect(() => load(FIELDS, markup)).toThrow(UnsupportedMarkupError);
  });

  it('reports the polynomial exponential trend as unsupported when the model loads', () => {
    expect(() => load(FIELDS, smoothing('<Trend_ExpoSmooth trend="polynomial_exponential" smoothedValue="1"/>'))).toThrow(UnsupportedMarkupError);
  });

  it('forecasts as a segment of a MiningModel', () => {
    const markup = `<MiningModel functionName="regression">
      <MiningSchema><MiningField name="h"/><MiningField name="ts_value" usageType="target"/></MiningSchema>
      <Segmentation multipleModelMethod="selectFirst"><Segment id="only"><True/>
        ${smoothing('<Trend_ExpoSmooth trend="additive" smoothedValue="2.5"/>')}
      </Segment></Segmentation>
    </MiningModel>`;
    expectClose(score(load(FIELDS, markup), { h: 2 }).ts_value, 105);
  });

  it('traces the forecast for horizons 1 to 12 whose value at the requested horizon is the prediction', () => {
    const model = load(FIELDS, smoothing('<Trend_ExpoSmooth trend="damped_additive" phi="0.8" smoothedValue="4"/>'));
    const result = model.evaluate({ h: 5 }, { trace: true });
    const forecast = result.trace?.explanation?.forecast;
    expect(forecast?.horizon).toBe(5);
    expect(forecast?.values).toHaveLength(12);
    expect(forecast?.values[4]).toBe(result.values.get('ts_value'));
    expectClose(forecast?.values[0], 100 + 0.8 * 4);
  });

  it('reaches the traced forecast to a horizon past 12 steps, up to 60', () => {
    const model = load(FIELDS, smoothing('<Trend_ExpoSmooth trend="additive" smoothedValue="1"/>'));
    const at = (h: number) => model.evaluate({ h }, { trace: true });
    expect(at(30).trace?.explanation?.forecast?.values).toHaveLength(30);
    expect(at(30).trace?.explanation?.forecast?.values[29]).toBe(at(30).values.get('ts_value'));
    expect(at(200).trace?.explanation?.forecast?.values).toHaveLength(60);
  });

  it('leaves the forecast series out of untraced evaluations', () => {
    expect(load(FIELDS, smoothing('')).evaluate({ h: 2 }).trace).toBeUndefined();
  });

  it('describes the smoothing parameters for the structure view', () => {
    const inner = `<Trend_ExpoSmooth trend="damped_multiplicative" gamma="0.2" phi="0.9" smoothedValue="1.01"/>
      <Seasonality_ExpoSmooth type="multiplicative" period="2" delta="0.1"><Array n="2" type="real">0.9 1.1</Array></Seasonality_ExpoSmooth>`;
    const structure = load(FIELDS, smoothing(inner, 'transformation="logarithmic"')).description.structure;
    expect(structure.kind === 'other' && structure.timeSeries).toEqual({
      level: { smoothedValue: 100, alpha: 0.3 },
      trend: { kind: 'damped_multiplicative', smoothedValue: 1.01, gamma: 0.2, phi: 0.9 },
      seasonality: { type: 'multiplicative', period: 2, delta: 0.1, indices: [0.9, 1.1] },
      transformation: 'logarithmic',
      rmse: 1.2,
      horizonField: 'h',
      history: [],
    });
  });

  it('describes the original TimeSeries as the history, by TimeValue index', () => {
    const series = `<TimeSeries usage="prediction"><TimeValue index="9" value="1"/></TimeSeries>
      <TimeSeries><TimeValue index="2" value="96"/><TimeValue index="1" value="91"/><TimeValue index="3" value="99.5"/></TimeSeries>`;
    const markup = smoothing('').replace('<ExponentialSmoothing', `${series}<ExponentialSmoothing`);
    const structure = load(FIELDS, markup).description.structure;
    expect(structure.kind === 'other' && structure.timeSeries?.history).toEqual([
      { step: 1, value: 91 },
      { step: 2, value: 96 },
      { step: 3, value: 99.5 },
    ]);
  });
});
