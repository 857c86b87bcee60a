import type { DataType } from '../values.js';
import type { Closure, Located, OpType } from './data-dictionary.js';
import type { InvalidValueTreatmentMethod } from './mining-schema.js';

export interface TransformationDictionary extends Located {
  readonly DefineFunction: readonly DefineFunction[];
  readonly DerivedField: readonly DerivedField[];
}

export interface LocalTransformations extends Located {
  readonly DerivedField: readonly DerivedField[];
}

export interface DerivedField extends Located {
  readonly name: string;
  readonly displayName?: string;
  readonly optype?: OpType;
  readonly dataType?: DataType;
  readonly expression: Expression;
}

export interface DefineFunction extends Located {
  readonly name: string;
  readonly optype?: OpType;
  readonly dataType?: DataType;
  readonly ParameterField: readonly ParameterField[];
  /** Helper fields computed from the parameters on each call (jpmml's DefineFunction extension; not in the 4.4 schema). */
  readonly DerivedField: readonly DerivedField[];
  readonly expression: Expression;
}

export interface ParameterField extends Located {
  readonly name: string;
  readonly optype?: OpType;
  readonly dataType?: DataType;
}

export type Expression =
  | Constant
  | FieldRef
  | NormContinuous
  | NormDiscrete
  | Discretize
  | MapValues
  | TextIndex
  | Apply
  | Lag;

export interface Constant extends Located {
  readonly kind: 'Constant';
  readonly dataType?: DataType;
  readonly value: string;
  readonly missing: boolean;
}

export interface FieldRef extends Located {
  readonly kind: 'FieldRef';
  readonly field: string;
  readonly mapMissingTo?: string;
}

export interface LinearNorm extends Located {
  readonly orig: number;
  readonly norm: number;
}

export interface NormContinuous extends Located {
  readonly kind: 'NormContinuous';
  readonly field: string;
  readonly mapMissingTo?: number;
  readonly outliers: 'asIs' | 'asMissingValues' | 'asExtremeValues';
  readonly LinearNorm: readonly LinearNorm[];
}

export interface NormDiscrete extends Located {
  readonly kind: 'NormDiscrete';
  readonly field: string;
  readonly value: string;
  readonly mapMissingTo?: number;
}

export interface DiscretizeBin extends Located {
  readonly binValue: string;
  readonly Interval: { readonly closure: Closure; readonly leftMargin?: number; readonly rightMargin?: number };
}

export interface Discretize extends Located {
  readonly kind: 'Discretize';
  readonly field: string;
  readonly mapMissingTo?: string;
  readonly defaultValue?: string;
  readonly dataType?: DataType;
  readonly DiscretizeBin: readonly DiscretizeBin[];
}

export interface FieldColumnPair extends Located {
  readonly field: string;
  readonly column: string;
}

/** Rows of an InlineTable: each row maps column (element) name → cell text. */
export interface InlineTable extends Located {
  readonly rows: readonly ReadonlyMap<string, string>[];
}

export interface MapValues extends Located {
  readonly kind: 'MapValues';
  readonly mapMissingTo?: string;
  readonly defaultValue?: string;
  readonly outputColumn: string;
  readonly dataType?: DataType;
  readonly FieldColumnPair: readonly FieldColumnPair[];
  readonly InlineTable: InlineTable;
}

export interface TextIndexNormalization extends Located {
  readonly inField: string;
  readonly outField: string;
  readonly regexField: string;
  readonly recursive: boolean;
  readonly isCaseSensitive?: boolean;
  readonly maxLevenshteinDistance?: number;
  readonly wordSeparatorCharacterRE?: string;
  readonly tokenize?: boolean;
  readonly InlineTable: InlineTable;
}

export interface TextIndex extends Located {
  readonly kind: 'TextIndex';
  readonly textField: string;
  readonly localTermWeights: 'termFrequency' | 'binary' | 'logarithmic' | 'augmentedNormalizedTermFrequency';
  readonly isCaseSensitive: boolean;
  readonly maxLevenshteinDistance: number;
  readonly countHits: 'allHits' | 'bestHits';
  readonly wordSeparatorCharacterRE: string;
  readonly tokenize: boolean;
  /** JPMML vendor attribute `x-wordRE`: a regex matching words (instead of splitting on separators). */
  readonly wordRE?: string;
  readonly TextIndexNormalization: readonly TextIndexNormalization[];
  readonly term: Expression;
}

export interface Apply extends Located {
  readonly kind: 'Apply';
  readonly function: string;
  readonly mapMissingTo?: string;
  readonly defaultValue?: string;
  readonly invalidValueTreatment: InvalidValueTreatmentMethod;
  readonly arguments: readonly Expression[];
}

export interface Lag extends Located {
  readonly kind: 'Lag';
  readonly field: string;
  readonly n: number;
  readonly aggregate: 'none' | 'avg' | 'max' | 'median' | 'min' | 'product' | 'sum' | 'stddev';
}
