import type { DataType } from '../values.js';

/** Where an element starts in the document, for error messages. */
export interface Located {
  readonly line: number;
}

export type OpType = 'continuous' | 'categorical' | 'ordinal';

export interface DataDictionary extends Located {
  readonly DataField: readonly DataField[];
}

export interface DataField extends Located {
  readonly name: string;
  readonly displayName?: string;
  readonly optype: OpType;
  readonly dataType: DataType;
  readonly isCyclic?: boolean;
  readonly Value: readonly Value[];
  readonly Interval: readonly Interval[];
}

/** PMML 4.4 DataDictionary: `Value@property` — valid (default), invalid, or missing. */
export interface Value extends Located {
  readonly value: string;
  readonly displayValue?: string;
  readonly property: 'valid' | 'invalid' | 'missing';
}

export type Closure = 'openClosed' | 'openOpen' | 'closedOpen' | 'closedClosed';

export interface Interval extends Located {
  readonly closure: Closure;
  readonly leftMargin?: number;
  readonly rightMargin?: number;
}
