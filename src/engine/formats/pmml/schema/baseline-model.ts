import type { Located } from './data-dictionary.js';
import type { ModelElement } from './model.js';
import type { ContinuousDistribution } from './naive-bayes-model.js';

/** PMML 4.4 TestDistributions@testStatistic. */
export type TestStatistic = 'zValue' | 'chiSquareIndependence' | 'chiSquareDistribution' | 'CUSUM' | 'scalarProduct';

/**
 * The content of Baseline or Alternate: a continuous distribution, or the element name of a discrete one
 * (CountTable, NormalizedCountTable, FieldRef), which the batch statistics use.
 */
export type BaselineDistribution = ContinuousDistribution | ({ readonly kind: 'discrete'; readonly element: string } & Located);

export interface TestDistributions extends Located {
  readonly field: string;
  readonly testStatistic: TestStatistic;
  /** CUSUM: the floor the score is reset to (`Z[n] = max{r, Z[n−1] + g(x[n])}`); default 0. */
  readonly resetValue: number;
  /** Number of records a batch statistic looks at; 0 means all of them. */
  readonly windowSize: number;
  readonly weightField?: string;
  readonly normalizationScheme?: string;
  readonly Baseline: BaselineDistribution;
  readonly Alternate?: BaselineDistribution;
}

export interface BaselineModel extends ModelElement {
  readonly element: 'BaselineModel';
  readonly TestDistributions: TestDistributions;
}
