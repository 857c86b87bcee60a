import type { Located } from './data-dictionary.js';

/** PMML 4.4 COMPARE-FUNCTION: how one field's value is compared with a center or a training instance. */
export type CompareFunction = 'absDiff' | 'gaussSim' | 'delta' | 'equal' | 'table';

/** The measure element inside ComparisonMeasure (PMML 4.4 "Clustering Models" / "k-Nearest Neighbors"). */
export type Measure =
  | { readonly kind: 'euclidean' }
  | { readonly kind: 'squaredEuclidean' }
  | { readonly kind: 'chebychev' }
  | { readonly kind: 'cityBlock' }
  | { readonly kind: 'minkowski'; readonly p: number }
  | { readonly kind: 'simpleMatching' }
  | { readonly kind: 'jaccard' }
  | { readonly kind: 'tanimoto' }
  | {
      readonly kind: 'binarySimilarity';
      readonly c00: number;
      readonly c01: number;
      readonly c10: number;
      readonly c11: number;
      readonly d00: number;
      readonly d01: number;
      readonly d10: number;
      readonly d11: number;
    };

export interface ComparisonMeasure extends Located {
  readonly kind: 'distance' | 'similarity';
  readonly compareFunction: CompareFunction;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly measure: Measure;
}

/** What ClusteringField and KNNInput share: a field, its weight and how it is compared. */
export interface ComparisonField extends Located {
  readonly field: string;
  /** PMML 4.4: `fieldWeight` defaults to 1. */
  readonly fieldWeight: number;
  /** Overrides the ComparisonMeasure's compare function for this field. */
  readonly compareFunction?: CompareFunction;
  /** Required by `gaussSim`: the distance at which similarity is 0.5. */
  readonly similarityScale?: number;
}
