import type { Located } from './data-dictionary.js';
import type { ModelElement } from './model.js';

export type TrendType = 'additive' | 'damped_additive' | 'multiplicative' | 'damped_multiplicative' | 'polynomial_exponential';

export interface Trend_ExpoSmooth extends Located {
  readonly trend: TrendType;
  readonly gamma?: number;
  /** Damping factor of the damped trends; default 1. */
  readonly phi: number;
  readonly smoothedValue: number;
  /** polynomial_exponential: the polynomial's coefficients. */
  readonly Array: readonly number[];
}

export interface Seasonality_ExpoSmooth extends Located {
  readonly type: 'additive' | 'multiplicative';
  readonly period: number;
  readonly unit?: string;
  readonly phase?: number;
  readonly delta?: number;
  /** The seasonal indices of one period, oldest first. */
  readonly Array: readonly number[];
}

export interface ExponentialSmoothing extends Located {
  readonly RMSE?: number;
  readonly transformation: 'none' | 'logarithmic' | 'squareroot';
  readonly Level: { readonly alpha?: number; readonly smoothedValue: number };
  readonly Trend_ExpoSmooth?: Trend_ExpoSmooth;
  readonly Seasonality_ExpoSmooth?: Seasonality_ExpoSmooth;
}

/** PMML 4.4 TimeValue: one value of a series, at its `index` (an INT-NUMBER) when the producer numbers them. */
export interface TimeValue {
  readonly index?: number;
  readonly value: number;
}

/**
 * PMML 4.4 TimeSeries (`usage` default `original`): the series the model was fitted on (`original`), mapped to
 * logical time (`logical`), or forecast values (`prediction`). Scoring does not read them; the structure view draws them.
 */
export interface TimeSeries {
  readonly usage: 'original' | 'logical' | 'prediction';
  readonly TimeValue: readonly TimeValue[];
}

export interface TimeSeriesModel extends ModelElement {
  readonly element: 'TimeSeriesModel';
  /** The algorithm whose results score the model (`ExponentialSmoothing`, `ARIMA`, …). */
  readonly bestFit: string;
  readonly TimeSeries: readonly TimeSeries[];
  readonly ExponentialSmoothing?: ExponentialSmoothing;
}
