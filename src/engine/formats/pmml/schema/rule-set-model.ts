import type { Located } from './data-dictionary.js';
import type { ModelElement } from './model.js';
import type { Predicate } from './predicates.js';

export interface RuleScoreDistribution extends Located {
  readonly value: string;
  readonly recordCount: number;
  readonly confidence?: number;
  readonly probability?: number;
}

export interface SimpleRule extends Located {
  readonly kind: 'SimpleRule';
  readonly id?: string;
  readonly predicate: Predicate;
  readonly score: string;
  readonly recordCount?: number;
  readonly nbCorrect?: number;
  /** PMML 4.4: confidence and weight default to 1. */
  readonly confidence: number;
  readonly weight: number;
  readonly ScoreDistribution: readonly RuleScoreDistribution[];
}

export interface CompoundRule extends Located {
  readonly kind: 'CompoundRule';
  readonly predicate: Predicate;
  readonly rules: readonly Rule[];
}

export type Rule = SimpleRule | CompoundRule;

export interface RuleSelectionMethod extends Located {
  readonly criterion: 'weightedSum' | 'weightedMax' | 'firstHit';
}

export interface RuleSet extends Located {
  readonly recordCount?: number;
  readonly nbCorrect?: number;
  readonly defaultScore?: string;
  readonly defaultConfidence?: number;
  readonly RuleSelectionMethod: readonly RuleSelectionMethod[];
  readonly rules: readonly Rule[];
}

export interface RuleSetModel extends ModelElement {
  readonly element: 'RuleSetModel';
  readonly RuleSet: RuleSet;
}
