import type { Located } from './data-dictionary.js';

/**
 * PMML 4.4 ModelStats (chapter "Statistics"): statistics of the training data, per field. Only what the input
 * form uses is kept; scoring never reads it.
 */
export interface ModelStats extends Located {
  readonly UnivariateStats: readonly UnivariateStats[];
}

export interface UnivariateStats extends Located {
  readonly field: string;
  readonly NumericInfo?: NumericInfo;
  readonly DiscrStats?: DiscrStats;
}

/** NumericInfo: summary statistics of a continuous field (all attributes optional). */
export interface NumericInfo {
  readonly minimum?: number;
  readonly maximum?: number;
  readonly mean?: number;
  readonly median?: number;
}

/** DiscrStats: the values of a discrete field with their frequencies, paired by position. */
export interface DiscrStats {
  readonly values: readonly string[];
  readonly counts: readonly number[];
}
