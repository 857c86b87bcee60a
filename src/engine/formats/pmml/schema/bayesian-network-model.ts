import type { Located } from './data-dictionary.js';
import type { ModelElement } from './model.js';
import type { Expression } from './transformations.js';

export interface ParentValue {
  readonly parent: string;
  readonly value: string;
}

export interface ValueProbability {
  readonly value: string;
  readonly probability: number;
}

/** A row of a discrete node's conditional probability table: the parents' values and the node's distribution. */
export interface DiscreteConditionalProbability extends Located {
  readonly ParentValue: readonly ParentValue[];
  readonly ValueProbability: readonly ValueProbability[];
}

/** PMML 4.4 ContinuousDistribution; each parameter is an expression that may read continuous parents. */
export type ContinuousDistributionType =
  | { readonly kind: 'NormalDistribution'; readonly Mean: Expression; readonly Variance: Expression }
  | { readonly kind: 'LognormalDistribution'; readonly Mean: Expression; readonly Variance: Expression }
  | { readonly kind: 'UniformDistribution'; readonly Lower: Expression; readonly Upper: Expression }
  | { readonly kind: 'TriangularDistribution'; readonly Mean: Expression; readonly Lower: Expression; readonly Upper: Expression };

export interface ContinuousConditionalProbability extends Located {
  readonly ParentValue: readonly ParentValue[];
  readonly distribution: ContinuousDistributionType;
}

export interface DiscreteNode extends Located {
  readonly kind: 'DiscreteNode';
  readonly name: string;
  /** Rows of the conditional table; a node without parents has one row with no ParentValue. */
  readonly rows: readonly DiscreteConditionalProbability[];
}

export interface ContinuousNode extends Located {
  readonly kind: 'ContinuousNode';
  readonly name: string;
  readonly rows: readonly ContinuousConditionalProbability[];
}

export type BayesianNetworkNode = DiscreteNode | ContinuousNode;

export interface BayesianNetworkModel extends ModelElement {
  readonly element: 'BayesianNetworkModel';
  readonly modelType: 'General' | 'TAN';
  readonly inferenceMethod: 'Other' | 'MCMC' | 'Exact';
  readonly BayesianNetworkNodes: readonly BayesianNetworkNode[];
}
