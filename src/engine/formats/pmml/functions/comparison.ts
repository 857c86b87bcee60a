/**
 * PMML 4.4, Built-in Functions, "equal, notEqual, lessThan, lessOrEqual, greaterThan, greaterOrEqual"
 * and "isIn, isNotIn".
 *
 * Two values are compared in their common type (jpmml `FieldValue.compareTo`): numbers, booleans
 * and temporal values numerically (false < true), strings by UTF-16 code units, and a string against a
 * number as a number when the string parses as one, otherwise as text.
 */
import { MISSING, type TypedValue, type Value } from '../values.js';
import { strict, tolerant, type BuiltinFunction } from './builtin.js';
import { asString, boolean, parseDecimal, present } from './coerce.js';

function numberOf(value: TypedValue): number | undefined {
  const v = value.value;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return parseDecimal(v);
}

function order<T extends string | number>(x: T, y: T): number {
  return x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
}

/**
 * The order of two present values: negative, zero or positive; NaN when they cannot be ordered (NaN inputs).
 * As jpmml casts the second operand to the first one's type, a float first operand rounds the second to
 * single precision: a float field equals the double constant it was read from (0.1f = 0.1).
 */
export function compareTypedValues(a: TypedValue, b: TypedValue): number {
  const x = a.value;
  const y = b.value;
  if (typeof x === 'string' && typeof y === 'string') return order(x, y);
  const nx = numberOf(a);
  const ny = numberOf(b);
  if (nx === undefined || ny === undefined) return order(asString(a), asString(b));
  return order(nx, a.dataType === 'float' ? Math.fround(ny) : ny);
}

/** PMML equality of two present values in their common type. */
export function typedValuesEqual(a: TypedValue, b: TypedValue): boolean {
  return compareTypedValues(a, b) === 0;
}

function comparison(name: string, test: (order: number) => boolean): BuiltinFunction {
  return strict(name, 2, (args: readonly Value[]) => {
    const order = compareTypedValues(present(args, 0, name), present(args, 1, name));
    return boolean(!Number.isNaN(order) && test(order));
  });
}

/**
 * isIn(value, v1, v2, …). As in jpmml `ValueSpaceFunction`, a missing value is "in" the list exactly
 * when the list holds a missing value, so the function is missing-tolerant.
 */
function membership(name: string, wanted: boolean): BuiltinFunction {
  return tolerant(name, [2, Infinity], (args) => {
    const value = args[0];
    const list = args.slice(1);
    const found =
      value === MISSING
        ? list.some((item) => item === MISSING)
        : list.some((item) => item !== MISSING && typedValuesEqual(value, item));
    return boolean(found === wanted);
  });
}

export const comparisonFunctions: readonly BuiltinFunction[] = [
  comparison('equal', (o) => o === 0),
  strict('notEqual', 2, (args) => {
    const order = compareTypedValues(present(args, 0, 'notEqual'), present(args, 1, 'notEqual'));
    return boolean(order !== 0);
  }),
  comparison('lessThan', (o) => o < 0),
  comparison('lessOrEqual', (o) => o <= 0),
  comparison('greaterThan', (o) => o > 0),
  comparison('greaterOrEqual', (o) => o >= 0),
  membership('isIn', true),
  membership('isNotIn', false),
];
