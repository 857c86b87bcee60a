import type { OpType } from './schema/data-dictionary.js';
import type { DataType, Value } from './values.js';

/**
 * A raw input cell as callers hand it over (CSV text, form values). A list is a collection value: the items
 * of one transaction, grouped by the MiningSchema's `group` field (AssociationModel).
 */
export type RawValue = string | number | boolean | null | undefined | readonly (string | number | boolean)[];

/** Per-record trace sink, present only when the caller asked for a trace. */
export interface TraceSink {
  readonly derived: Map<string, Value>;
}

/**
 * The record-scoped state of one evaluation. Every field of the compiled document owns a slot, so a value
 * is computed at most once per record and nothing is looked up by name while scoring.
 */
export class EvaluationContext {
  /** Field values by slot; `undefined` = not computed yet for this record. */
  readonly slots: (Value | undefined)[];
  /** Model results by model slot; `undefined` = that model was not evaluated for this record. */
  readonly predictions: unknown[];
  /** Arguments of the DefineFunction being evaluated. */
  args: readonly Value[] = [];

  constructor(
    readonly record: Readonly<Record<string, RawValue>>,
    slotCount: number,
    predictionCount: number,
    readonly trace?: TraceSink,
  ) {
    this.slots = new Array<Value | undefined>(slotCount);
    this.predictions = new Array<unknown>(predictionCount);
  }
}

/** A compiled expression: reads the record context and returns a value or MISSING. */
export type Expr = (ctx: EvaluationContext) => Value;

/** What a field name resolves to at compile time. */
export interface FieldBinding {
  readonly name: string;
  readonly dataType: DataType;
  readonly optype: OpType;
  readonly get: Expr;
}

/** Allocates record slots across one compiled document. */
export class SlotAllocator {
  slotCount = 0;
  predictionCount = 0;
  nextSlot(): number {
    return this.slotCount++;
  }
  nextPrediction(): number {
    return this.predictionCount++;
  }
}

/** Wraps `compute` so that it runs at most once per record, caching into `slot`. */
export function cached(slot: number, compute: Expr): Expr {
  return (ctx) => {
    const known = ctx.slots[slot];
    if (known !== undefined) return known;
    const value = compute(ctx);
    ctx.slots[slot] = value;
    return value;
  };
}

/** Name resolution at compile time: a chain of maps, innermost first. */
export class Scope {
  private readonly fields = new Map<string, FieldBinding>();
  constructor(readonly parent?: Scope) {}

  define(binding: FieldBinding): void {
    this.fields.set(binding.name, binding);
  }

  resolve(name: string): FieldBinding | undefined {
    return this.fields.get(name) ?? this.parent?.resolve(name);
  }

  has(name: string): boolean {
    return this.fields.has(name);
  }
}
