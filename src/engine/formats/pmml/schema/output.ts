import type { DataType } from '../values.js';
import type { Located, OpType } from './data-dictionary.js';
import type { Expression } from './transformations.js';

export type ResultFeature =
  | 'predictedValue'
  | 'predictedDisplayValue'
  | 'transformedValue'
  | 'decision'
  | 'probability'
  | 'affinity'
  | 'residual'
  | 'standardError'
  | 'standardDeviation'
  | 'clusterId'
  | 'clusterAffinity'
  | 'entityId'
  | 'entityAffinity'
  | 'warning'
  | 'ruleValue'
  | 'reasonCode'
  | 'antecedent'
  | 'consequent'
  | 'rule'
  | 'ruleId'
  | 'confidence'
  | 'support'
  | 'lift'
  | 'leverage'
  /** jpmml's vendor feature: a report of how the OutputField named by `x-reportField` was computed. */
  | 'x-report';

export interface Output extends Located {
  readonly OutputField: readonly OutputField[];
}

export interface OutputField extends Located {
  readonly name: string;
  readonly displayName?: string;
  readonly optype?: OpType;
  readonly dataType?: DataType;
  readonly targetField?: string;
  readonly feature: ResultFeature;
  /** For `probability`, `confidence`, `affinity`, …: the category asked about. */
  readonly value?: string;
  readonly ruleFeature?: string;
  readonly algorithm?: string;
  readonly rank: number;
  readonly rankBasis?: string;
  readonly rankOrder?: string;
  readonly isMultiValued?: string;
  readonly segmentId?: string;
  /** `x-reportField`: the OutputField an `x-report` field reports on. */
  readonly reportField?: string;
  readonly isFinalResult: boolean;
  readonly Decisions?: Decisions;
  readonly expression?: Expression;
}

export interface Decisions extends Located {
  readonly businessProblem?: string;
  readonly description?: string;
  readonly Decision: readonly { readonly value: string; readonly displayValue?: string; readonly description?: string }[];
}
