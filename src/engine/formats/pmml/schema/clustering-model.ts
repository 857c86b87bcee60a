import type { ComparisonField, ComparisonMeasure } from './comparison-measure.js';
import type { Located } from './data-dictionary.js';
import type { ModelElement } from './model.js';

export interface ClusteringField extends ComparisonField {
  /** PMML 4.4: "isCenterField … true if the field is used for computing the distance to the center" (default). */
  readonly isCenterField: boolean;
}

export interface Cluster extends Located {
  readonly id?: string;
  readonly name?: string;
  readonly size?: number;
  /** The center's coordinates, one per center field (the Cluster's Array); absent for distribution-based models. */
  readonly center?: readonly number[];
  /** The same entries as written: a center of categorical fields is a string Array compared with delta/equal. */
  readonly centerValues?: readonly string[];
}

export interface ClusteringModel extends ModelElement {
  readonly element: 'ClusteringModel';
  readonly modelClass: 'centerBased' | 'distributionBased';
  readonly numberOfClusters?: number;
  readonly ComparisonMeasure: ComparisonMeasure;
  readonly ClusteringField: readonly ClusteringField[];
  /** MissingValueWeights: one weight per ClusteringField, for the missing-value adjustment. */
  readonly MissingValueWeights?: readonly number[];
  readonly Cluster: readonly Cluster[];
}
