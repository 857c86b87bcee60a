import type { CompileEnv } from './compile-env.js';
import type { EvaluationContext, Scope } from './context.js';
import { compareValues, parseValue, valueKey, valuesEqual, type ValueKey } from './convert.js';
import { looseValue } from './expressions.js';
import type { Predicate, SimpleOperator } from './schema/predicates.js';
import { MISSING, type TypedValue } from './values.js';

/** Three-valued logic: `undefined` is UNKNOWN (a predicate over a missing value). */
export type Truth = boolean | undefined;

export type CompiledPredicate = (ctx: EvaluationContext) => Truth;

export function compilePredicate(predicate: Predicate, scope: Scope, env: CompileEnv): CompiledPredicate {
  switch (predicate.kind) {
    case 'True':
      return () => true;
    case 'False':
      return () => false;
    case 'SimplePredicate': {
      const binding = env.resolve(scope, predicate.field, 'SimplePredicate', predicate.line);
      const get = binding.get;
      // PMML 4.4 SimplePredicate: isMissing: True if the value is missing, false otherwise.
      if (predicate.operator === 'isMissing') return (ctx) => get(ctx) === MISSING;
      if (predicate.operator === 'isNotMissing') return (ctx) => get(ctx) !== MISSING;
      const constant = looseValue(predicate.value ?? '', binding.dataType);
      const test = comparison(predicate.operator, constant);
      // PMML 4.4 SimplePredicate: if the field value is missing … the predicate evaluates to UNKNOWN.
      return (ctx) => {
        const value = get(ctx);
        return value === MISSING ? undefined : test(value);
      };
    }
    case 'SimpleSetPredicate': {
      const binding = env.resolve(scope, predicate.field, 'SimpleSetPredicate', predicate.line);
      const get = binding.get;
      const members = new Set<ValueKey>();
      for (const text of predicate.Array.values) {
        const parsed = parseValue(text, binding.dataType) ?? looseValue(text);
        members.add(valueKey(parsed));
      }
      const isIn = predicate.booleanOperator === 'isIn';
      return (ctx) => {
        const value = get(ctx);
        if (value === MISSING) return undefined;
        return members.has(valueKey(value)) === isIn;
      };
    }
    case 'CompoundPredicate': {
      const parts = predicate.predicates.map((p) => compilePredicate(p, scope, env));
      switch (predicate.booleanOperator) {
        case 'and':
          return (ctx) => {
            let result: Truth = true;
            for (const part of parts) {
              const r = part(ctx);
              if (r === false) return false;
              if (r === undefined) result = undefined;
            }
            return result;
          };
        case 'or':
          return (ctx) => {
            let result: Truth = false;
            for (const part of parts) {
              const r = part(ctx);
              if (r === true) return true;
              if (r === undefined) result = undefined;
            }
            return result;
          };
        case 'xor':
          return (ctx) => {
            let result = false;
            for (const part of parts) {
              const r = part(ctx);
              if (r === undefined) return undefined;
              result = result !== r;
            }
            return result;
          };
        case 'surrogate':
          // PMML 4.4 CompoundPredicate: surrogate: ... the first predicate that does not evaluate to UNKNOWN is used.
          return (ctx) => {
            for (const part of parts) {
              const r = part(ctx);
              if (r !== undefined) return r;
            }
            return undefined;
          };
      }
    }
  }
}

function comparison(operator: SimpleOperator, constant: TypedValue): (value: TypedValue) => boolean {
  const c = constant.value;
  if (typeof c === 'number') {
    switch (operator) {
      case 'equal':
        return (v) => (typeof v.value === 'number' ? v.value === c : valuesEqual(v, constant));
      case 'notEqual':
        return (v) => (typeof v.value === 'number' ? v.value !== c : !valuesEqual(v, constant));
      case 'lessThan':
        return (v) => (typeof v.value === 'number' ? v.value < c : compareValues(v, constant) < 0);
      case 'lessOrEqual':
        return (v) => (typeof v.value === 'number' ? v.value <= c : compareValues(v, constant) <= 0);
      case 'greaterThan':
        return (v) => (typeof v.value === 'number' ? v.value > c : compareValues(v, constant) > 0);
      default:
        return (v) => (typeof v.value === 'number' ? v.value >= c : compareValues(v, constant) >= 0);
    }
  }
  switch (operator) {
    case 'equal':
      return (v) => valuesEqual(v, constant);
    case 'notEqual':
      return (v) => !valuesEqual(v, constant);
    case 'lessThan':
      return (v) => compareValues(v, constant) < 0;
    case 'lessOrEqual':
      return (v) => compareValues(v, constant) <= 0;
    case 'greaterThan':
      return (v) => compareValues(v, constant) > 0;
    default:
      return (v) => compareValues(v, constant) >= 0;
  }
}
