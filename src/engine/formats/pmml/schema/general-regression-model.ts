import type { Located } from './data-dictionary.js';
import type { ModelElement } from './model.js';

export type GeneralRegressionModelType =
  | 'regression'
  | 'generalLinear'
  | 'multinomialLogistic'
  | 'ordinalMultinomial'
  | 'generalizedLinear'
  | 'CoxRegression';

export type LinkFunction =
  | 'cloglog'
  | 'identity'
  | 'log'
  | 'logc'
  | 'logit'
  | 'loglog'
  | 'negbin'
  | 'oddspower'
  | 'power'
  | 'probit'
  | 'cauchit';

export type CumulativeLinkFunction = 'logit' | 'probit' | 'cloglog' | 'loglog' | 'cauchit';

export interface GeneralRegressionModel extends ModelElement {
  readonly element: 'GeneralRegressionModel';
  readonly modelType: GeneralRegressionModelType;
  readonly targetReferenceCategory?: string;
  readonly cumulativeLink?: CumulativeLinkFunction;
  readonly linkFunction?: LinkFunction;
  readonly linkParameter?: number;
  readonly trialsVariable?: string;
  readonly trialsValue?: number;
  readonly distribution?: string;
  readonly distParameter?: number;
  readonly offsetVariable?: string;
  readonly offsetValue?: number;
  readonly endTimeVariable?: string;
  readonly baselineStrataVariable?: string;
  readonly ParameterList: readonly Parameter[];
  readonly FactorList: readonly Predictor[];
  readonly CovariateList: readonly Predictor[];
  readonly PPMatrix: readonly PPCell[];
  readonly ParamMatrix: readonly PCell[];
  readonly BaseCumHazardTables?: BaseCumHazardTables;
}

export interface Parameter extends Located {
  readonly name: string;
  readonly label?: string;
  readonly referencePoint: number;
}

export interface Predictor extends Located {
  readonly name: string;
  readonly contrastMatrixType?: string;
  /** The factor's categories in contrast-matrix row order. */
  readonly Categories?: readonly string[];
  /** Contrast matrix: one row per category, one column per parameter of the factor. */
  readonly Matrix?: readonly (readonly number[])[];
}

export interface PPCell extends Located {
  readonly value: string;
  readonly predictorName: string;
  readonly parameterName: string;
  readonly targetCategory?: string;
}

export interface PCell extends Located {
  readonly targetCategory?: string;
  readonly parameterName: string;
  readonly beta: number;
  readonly df?: number;
}

export interface BaselineCell extends Located {
  readonly time: number;
  readonly cumHazard: number;
}

export interface BaseCumHazardTables extends Located {
  readonly maxTime?: number;
  readonly BaselineStratum: readonly { readonly value: string; readonly maxTime: number; readonly BaselineCell: readonly BaselineCell[] }[];
  readonly BaselineCell: readonly BaselineCell[];
}
