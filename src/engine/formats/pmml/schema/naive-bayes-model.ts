import type { Located } from './data-dictionary.js';
import type { ModelElement } from './model.js';
import type { Expression } from './transformations.js';
import type { DataType } from '../values.js';

export interface TargetValueCount extends Located {
  readonly value: string;
  readonly count: number;
}

export interface PairCounts extends Located {
  readonly value: string;
  readonly TargetValueCounts: readonly TargetValueCount[];
}

/** PMML 4.4 CONTINUOUS-DISTRIBUTION-TYPES as a TargetValueStat holds them. */
export type ContinuousDistribution =
  | { readonly kind: 'GaussianDistribution'; readonly mean: number; readonly variance: number; readonly line: number }
  | { readonly kind: 'PoissonDistribution'; readonly mean: number; readonly line: number }
  | { readonly kind: 'UniformDistribution'; readonly lower: number; readonly upper: number; readonly line: number }
  | { readonly kind: 'AnyDistribution'; readonly mean: number; readonly variance: number; readonly line: number };

export interface TargetValueStat extends Located {
  readonly value: string;
  readonly distribution: ContinuousDistribution;
}

export interface BayesInput extends Located {
  readonly fieldName: string;
  /** The DerivedField (a Discretize) that maps a continuous field onto the PairCounts values. */
  readonly DerivedField?: { readonly dataType?: DataType; readonly expression: Expression; readonly line: number };
  readonly PairCounts: readonly PairCounts[];
  readonly TargetValueStats?: readonly TargetValueStat[];
}

export interface NaiveBayesModel extends ModelElement {
  readonly element: 'NaiveBayesModel';
  /** "the probability used in place of a zero count or a density below it" (required by the spec). */
  readonly threshold: number;
  readonly BayesInputs: readonly BayesInput[];
  readonly BayesOutput: { readonly fieldName: string; readonly TargetValueCounts: readonly TargetValueCount[]; readonly line: number };
}
