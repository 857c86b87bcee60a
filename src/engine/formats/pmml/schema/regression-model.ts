import type { Located } from './data-dictionary.js';
import type { ModelElement } from './model.js';

export type RegressionNormalizationMethod =
  | 'none'
  | 'simplemax'
  | 'softmax'
  | 'logit'
  | 'probit'
  | 'cloglog'
  | 'exp'
  | 'loglog'
  | 'cauchit';

export interface RegressionModel extends ModelElement {
  readonly element: 'RegressionModel';
  readonly normalizationMethod: RegressionNormalizationMethod;
  readonly RegressionTable: readonly RegressionTable[];
}

export interface RegressionTable extends Located {
  readonly intercept: number;
  readonly targetCategory?: string;
  readonly NumericPredictor: readonly NumericPredictor[];
  readonly CategoricalPredictor: readonly CategoricalPredictor[];
  readonly PredictorTerm: readonly PredictorTerm[];
}

export interface NumericPredictor extends Located {
  readonly name: string;
  readonly exponent: number;
  readonly coefficient: number;
}

export interface CategoricalPredictor extends Located {
  readonly name: string;
  readonly value: string;
  readonly coefficient: number;
}

export interface PredictorTerm extends Located {
  readonly name?: string;
  readonly coefficient: number;
  readonly FieldRef: readonly { readonly field: string; readonly line: number }[];
}
