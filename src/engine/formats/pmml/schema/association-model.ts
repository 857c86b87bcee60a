import type { Located } from './data-dictionary.js';
import type { ModelElement } from './model.js';

export interface Item extends Located {
  readonly id: string;
  readonly value: string;
  /** PMML 4.4: the field (and its category) the item stands for, when the value alone does not say. */
  readonly field?: string;
  readonly category?: string;
  readonly mappedValue?: string;
}

export interface Itemset extends Located {
  readonly id: string;
  readonly support?: number;
  /** ItemRef@itemRef values: the ids of the itemset's Items. */
  readonly itemRefs: readonly string[];
}

export interface AssociationRule extends Located {
  readonly id?: string;
  readonly antecedent: string;
  readonly consequent: string;
  readonly support: number;
  readonly confidence: number;
  readonly lift?: number;
  readonly leverage?: number;
  readonly affinity?: number;
}

export interface AssociationModel extends ModelElement {
  readonly element: 'AssociationModel';
  readonly numberOfTransactions?: number;
  readonly minimumSupport?: number;
  readonly minimumConfidence?: number;
  readonly Item: readonly Item[];
  readonly Itemset: readonly Itemset[];
  readonly AssociationRule: readonly AssociationRule[];
}
