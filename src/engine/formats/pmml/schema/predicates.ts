import type { Located } from './data-dictionary.js';

export type Predicate = SimplePredicate | CompoundPredicate | SimpleSetPredicate | True | False;

export type SimpleOperator =
  | 'equal'
  | 'notEqual'
  | 'lessThan'
  | 'lessOrEqual'
  | 'greaterThan'
  | 'greaterOrEqual'
  | 'isMissing'
  | 'isNotMissing';

export interface SimplePredicate extends Located {
  readonly kind: 'SimplePredicate';
  readonly field: string;
  readonly operator: SimpleOperator;
  readonly value?: string;
}

export interface CompoundPredicate extends Located {
  readonly kind: 'CompoundPredicate';
  readonly booleanOperator: 'or' | 'and' | 'xor' | 'surrogate';
  readonly predicates: readonly Predicate[];
}

/** PMML `Array`: whitespace-separated, `"`-quoted entries; `type` int, real or string. */
export interface PmmlArray extends Located {
  readonly type: 'int' | 'real' | 'string';
  readonly values: readonly string[];
}

export interface SimpleSetPredicate extends Located {
  readonly kind: 'SimpleSetPredicate';
  readonly field: string;
  readonly booleanOperator: 'isIn' | 'isNotIn';
  readonly Array: PmmlArray;
}

export interface True extends Located {
  readonly kind: 'True';
}

export interface False extends Located {
  readonly kind: 'False';
}
