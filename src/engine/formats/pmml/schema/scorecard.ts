import type { Located } from './data-dictionary.js';
import type { ModelElement } from './model.js';
import type { Predicate } from './predicates.js';
import type { Expression } from './transformations.js';

export interface ScorecardAttribute extends Located {
  readonly predicate: Predicate;
  readonly partialScore?: number;
  readonly reasonCode?: string;
  /** ComplexPartialScore: an expression computing the partial score from the record. */
  readonly ComplexPartialScore?: Expression;
}

export interface Characteristic extends Located {
  readonly name?: string;
  readonly reasonCode?: string;
  readonly baselineScore?: number;
  readonly Attribute: readonly ScorecardAttribute[];
}

export interface Scorecard extends ModelElement {
  readonly element: 'Scorecard';
  readonly initialScore: number;
  readonly useReasonCodes: boolean;
  readonly reasonCodeAlgorithm: 'pointsAbove' | 'pointsBelow';
  readonly baselineScore?: number;
  readonly baselineMethod: 'max' | 'min' | 'mean' | 'neutral' | 'other';
  readonly Characteristics: readonly Characteristic[];
}
