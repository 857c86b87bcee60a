import type { ComparisonField, ComparisonMeasure } from './comparison-measure.js';
import type { Located } from './data-dictionary.js';
import type { ModelElement } from './model.js';
import type { InlineTable } from './transformations.js';

export interface InstanceField extends Located {
  readonly field: string;
  /** The InlineTable column (cell element name) holding the field's values. */
  readonly column: string;
}

export interface TrainingInstances extends Located {
  /** "isTransformed … true if the instance values are already transformed" (PMML 4.4 default false). */
  readonly isTransformed: boolean;
  readonly InstanceFields: readonly InstanceField[];
  readonly InlineTable: InlineTable;
}

export interface NearestNeighborModel extends ModelElement {
  readonly element: 'NearestNeighborModel';
  readonly numberOfNeighbors: number;
  readonly continuousScoringMethod: 'median' | 'average' | 'weightedAverage';
  readonly categoricalScoringMethod: 'majorityVote' | 'weightedMajorityVote';
  readonly instanceIdVariable?: string;
  /** "threshold … a small value that is added to the distance to avoid division by zero" (default 0.001). */
  readonly threshold: number;
  readonly TrainingInstances: TrainingInstances;
  readonly ComparisonMeasure: ComparisonMeasure;
  readonly KNNInputs: readonly ComparisonField[];
}
