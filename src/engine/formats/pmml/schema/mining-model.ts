import type { Located } from './data-dictionary.js';
import type { ModelElement } from './model.js';
import type { Predicate } from './predicates.js';

export type MultipleModelMethod =
  | 'majorityVote'
  | 'weightedMajorityVote'
  | 'average'
  | 'weightedAverage'
  | 'median'
  | 'weightedMedian'
  | 'max'
  | 'sum'
  | 'weightedSum'
  | 'selectFirst'
  | 'selectAll'
  | 'modelChain'
  | 'x-multiModelChain';

export interface MiningModel extends ModelElement {
  readonly element: 'MiningModel';
  readonly Segmentation?: Segmentation;
}

export interface Segmentation extends Located {
  readonly multipleModelMethod: MultipleModelMethod;
  readonly missingPredictionTreatment: 'returnMissing' | 'skipSegment' | 'continue';
  readonly missingThreshold: number;
  readonly Segment: readonly Segment[];
}

export interface Segment extends Located {
  readonly id: string;
  readonly weight: number;
  readonly predicate: Predicate;
  readonly model: ModelElement;
}
