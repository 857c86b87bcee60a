import type { Located } from './data-dictionary.js';
import type { ModelElement } from './model.js';
import type { Predicate } from './predicates.js';

export type TreeMissingValueStrategy =
  | 'lastPrediction'
  | 'nullPrediction'
  | 'defaultChild'
  | 'weightedConfidence'
  | 'aggregateNodes'
  | 'none';

export interface TreeModel extends ModelElement {
  readonly element: 'TreeModel';
  readonly missingValueStrategy: TreeMissingValueStrategy;
  readonly missingValuePenalty: number;
  readonly noTrueChildStrategy: 'returnNullPrediction' | 'returnLastPrediction';
  readonly splitCharacteristic: 'binarySplit' | 'multiSplit';
  readonly Node: Node;
}

export interface Node extends Located {
  /** The document's id, or a generated one (1-based depth-first position) when it has none. */
  readonly id: string;
  readonly hasDocumentId: boolean;
  readonly score?: string;
  readonly recordCount?: number;
  readonly defaultChild?: string;
  readonly predicate: Predicate;
  readonly ScoreDistribution: readonly ScoreDistribution[];
  readonly Node: readonly Node[];
}

export interface ScoreDistribution extends Located {
  readonly value: string;
  readonly recordCount?: number;
  readonly confidence?: number;
  readonly probability?: number;
}
