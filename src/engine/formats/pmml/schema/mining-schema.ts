import type { Located } from './data-dictionary.js';

export type UsageType =
  | 'active'
  | 'predicted'
  | 'target'
  | 'supplementary'
  | 'group'
  | 'order'
  | 'frequencyWeight'
  | 'analysisWeight';

export type OutlierTreatmentMethod = 'asIs' | 'asMissingValues' | 'asExtremeValues';
export type MissingValueTreatmentMethod = 'asIs' | 'asMean' | 'asMode' | 'asMedian' | 'asValue' | 'returnInvalid';
/** PMML 4.4 INVALID-VALUE-TREATMENT-METHOD (`asValue` is new in 4.4). */
export type InvalidValueTreatmentMethod = 'returnInvalid' | 'asIs' | 'asMissing' | 'asValue';

export interface MiningSchema extends Located {
  readonly MiningField: readonly MiningField[];
}

export interface MiningField extends Located {
  readonly name: string;
  readonly usageType: UsageType;
  readonly optype?: 'continuous' | 'categorical' | 'ordinal';
  readonly importance?: number;
  readonly outliers: OutlierTreatmentMethod;
  readonly lowValue?: number;
  readonly highValue?: number;
  readonly missingValueReplacement?: string;
  readonly missingValueTreatment?: MissingValueTreatmentMethod;
  readonly invalidValueTreatment: InvalidValueTreatmentMethod;
  readonly invalidValueReplacement?: string;
}

export interface Targets extends Located {
  readonly Target: readonly Target[];
}

export interface Target extends Located {
  readonly field?: string;
  readonly optype?: 'continuous' | 'categorical' | 'ordinal';
  readonly castInteger?: 'round' | 'ceiling' | 'floor';
  readonly min?: number;
  readonly max?: number;
  readonly rescaleConstant: number;
  readonly rescaleFactor: number;
  readonly TargetValue: readonly TargetValue[];
}

export interface TargetValue extends Located {
  readonly value?: string;
  readonly displayValue?: string;
  readonly priorProbability?: number;
  readonly defaultValue?: number;
}
