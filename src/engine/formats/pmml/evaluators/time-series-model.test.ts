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
});
