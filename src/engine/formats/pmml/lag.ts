import type { CompileEnv } from './compile-env.js';
import type { Expr, Scope } from './context.js';
import { toNumber } from './convert.js';
import type { Lag } from './schema/transformations.js';
import { MISSING, type Value } from './values.js';

/**
 * Values of earlier records, for `Lag`. A model that uses Lag remembers the last few values of each lagged
 * field across `evaluate` calls, in call order (PMML 4.4 Lag: the value of the field n records before).
 */
export class RecordHistory {
  private readonly fields = new Map<string, { get: Expr; depth: number; values: Value[] }>();

  /** Remembers up to `depth` earlier values of a field; returns them, most recent last. */
  track(name: string, get: Expr, depth: number): readonly Value[] {
    const known = this.fields.get(name);
    if (known !== undefined) {
      known.depth = Math.max(known.depth, depth);
      return known.values;
    }
    const entry = { get, depth, values: [] as Value[] };
    this.fields.set(name, entry);
    return entry.values;
  }

  get isEmpty(): boolean {
    return this.fields.size === 0;
  }

  /** Called after a record is scored: appends its values and forgets what is deeper than needed. */
  record(ctx: Parameters<Expr>[0]): void {
    for (const entry of this.fields.values()) {
      entry.values.push(entry.get(ctx));
      if (entry.values.length > entry.depth) entry.values.splice(0, entry.values.length - entry.depth);
    }
  }
}

function aggregate(kind: string, values: number[]): number {
  switch (kind) {
    case 'avg':
      return values.reduce((s, x) => s + x, 0) / values.length;
    case 'sum':
      return values.reduce((s, x) => s + x, 0);
    case 'product':
      return values.reduce((s, x) => s * x, 1);
    case 'min':
      return Math.min(...values);
    case 'max':
      return Math.max(...values);
    case 'median': {
      const sorted = [...values].sort((a, b) => a - b);
      const mid = sorted.length >> 1;
      return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
    default: {
      const mean = values.reduce((s, x) => s + x, 0) / values.length;
      return Math.sqrt(values.reduce((s, x) => s + (x - mean) ** 2, 0) / (values.length - 1));
    }
  }
}

export function compileLag(expression: Lag, scope: Scope, env: CompileEnv): Expr {
  const binding = env.resolve(scope, expression.field, 'Lag', expression.line);
  const n = expression.n;
  const history = env.history.track(`${expression.field}\u0000${expression.line}`, binding.get, n);
  if (expression.aggregate === 'none') {
    return () => (history.length >= n ? history[history.length - n] : MISSING);
  }
  const kind = expression.aggregate;
  // PMML 4.4 Lag@aggregate: the aggregate of the n previous values; missing values are left out.
  return () => {
    const values: number[] = [];
    for (const v of history) if (v !== MISSING) values.push(toNumber(v));
    return values.length === 0 ? MISSING : { dataType: 'double', value: aggregate(kind, values) };
  };
}
