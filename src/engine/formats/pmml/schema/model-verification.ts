import type { Located } from './data-dictionary.js';
import type { InlineTable } from './transformations.js';

/** PMML 4.4 ModelVerification: records with expected results, embedded in the model as a self-test. */
export interface ModelVerification extends Located {
  readonly recordCount?: number;
  readonly VerificationField: readonly VerificationField[];
  readonly InlineTable: InlineTable;
}

export interface VerificationField extends Located {
  readonly field: string;
  /** The InlineTable column holding the field (local name, prefix dropped); defaults to the field name. */
  readonly column: string;
  readonly precision: number;
  readonly zeroThreshold: number;
}
