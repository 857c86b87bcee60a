/**
 * Argument access and result typing shared by the built-in function families.
 *
 * The interpreter passes typed values, so these helpers only bridge between PMML dataTypes
 * (jpmml `FieldValue.asNumber()/asString()/asBoolean()`), and raise {@link InvalidValueError}
 * when a value cannot play the role the function gives it.
 */
import { InvalidValueError, UndefinedResultError } from '../../../errors.js';
import { formatDouble } from '../convert.js';
import { formatDate, formatDateTime, formatTime } from '../temporal.js';
import type { DataType, TypedValue, Value } from '../values.js';

/** The numeric dataTypes that arithmetic widens between (jpmml `TypeUtil.getResultDataType`). */
export type NumericType = 'integer' | 'float' | 'double';

const NUMERIC_RANK: Record<NumericType, number> = { integer: 0, float: 1, double: 2 };

/**
 * How arithmetic sees a dataType: numeric text, `time` and `dateTime` (which carry fractions of a second)
 * as doubles; booleans and the whole-number counts (`date`, `dateDaysSince[Y]`, …) as integers.
 */
export function numericTypeOf(dataType: DataType): NumericType {
  if (dataType === 'float' || dataType === 'double') return dataType;
  if (dataType === 'string' || dataType === 'time' || dataType === 'dateTime') return 'double';
  return 'integer';
}

/** The wider of the argument types: integer < float < double. */
export function widestNumericType(values: readonly TypedValue[]): NumericType {
  let widest: NumericType = 'integer';
  for (const value of values) {
    const type = numericTypeOf(value.dataType);
    if (NUMERIC_RANK[type] > NUMERIC_RANK[widest]) widest = type;
  }
  return widest;
}

/** A numeric result of the given type; float results are rounded to single precision. */
export function numeric(value: number, dataType: NumericType): TypedValue {
  return { dataType, value: dataType === 'float' ? Math.fround(value) : value };
}

export function double(value: number): TypedValue {
  return { dataType: 'double', value };
}

export function integer(value: number): TypedValue {
  return { dataType: 'integer', value };
}

export function boolean(value: boolean): TypedValue {
  return { dataType: 'boolean', value };
}

export function string(value: string): TypedValue {
  return { dataType: 'string', value };
}

/** Reads a present argument; the caller has already returned MISSING for missing ones. */
export function present(args: readonly Value[], index: number, name: string): TypedValue {
  const value = args[index];
  if (value === null || value === undefined) {
    throw new InvalidValueError(`Argument ${index + 1} of function '${name}' is missing.`);
  }
  return value;
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const SPECIAL: Readonly<Record<string, number>> = {
  NaN: NaN, INF: Infinity, '+INF': Infinity, '-INF': -Infinity, Infinity: Infinity, '-Infinity': -Infinity,
};

/**
 * The number a text spells in PMML/Java decimal notation (`12`, `-1.5e3`, `.5`, `NaN`, `INF`), or undefined.
 * JavaScript's wider `Number()` syntax (`0x10`, `1_000`) is not numeric text in PMML.
 */
export function parseDecimal(text: string): number | undefined {
  const trimmed = text.trim();
  if (DECIMAL.test(trimmed)) return Number(trimmed);
  return Object.hasOwn(SPECIAL, trimmed) ? SPECIAL[trimmed] : undefined;
}

/** A number from a numeric, boolean or numeric-text value (jpmml `asNumber`). */
export function asNumber(value: TypedValue, name: string): number {
  const v = value.value;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const parsed = parseDecimal(v);
  if (parsed === undefined) throw new InvalidValueError(`Function '${name}' expects a number but got the string '${v}'.`);
  return parsed;
}

/** A whole number argument such as a position, length or year. */
export function asInteger(value: TypedValue, name: string): number {
  const number = asNumber(value, name);
  if (!Number.isInteger(number)) {
    throw new InvalidValueError(`Function '${name}' expects an integer but got ${number}.`);
  }
  return number;
}

/** A boolean from a boolean, a number (non-zero is true) or the text `true`/`false`/`1`/`0`. */
export function asBoolean(value: TypedValue, name: string): boolean {
  const v = value.value;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    if (Number.isNaN(v)) throw new InvalidValueError(`Function '${name}' expects a boolean but got NaN.`);
    return v !== 0;
  }
  const text = v.trim().toLowerCase();
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  throw new InvalidValueError(`Function '${name}' expects a boolean but got the string '${v}'.`);
}

/** Java's `Float.toString`: the fewest digits that single out the float among floats. */
export function javaFloatString(value: number): string {
  if (!Number.isFinite(value) || value === 0) return formatDouble(value);
  for (let digits = 1; digits <= 9; digits++) {
    const shortest = Number(value.toPrecision(digits));
    if (Math.fround(shortest) === value) return formatDouble(shortest);
  }
  return formatDouble(value);
}

/** The text form of a value, as jpmml's `asString` gives it (numbers, booleans, ISO dates). */
export function asString(value: TypedValue): string {
  const v = value.value;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  switch (value.dataType) {
    case 'float':
      return javaFloatString(v);
    case 'double':
      return formatDouble(v);
    case 'date':
      return formatDate(v);
    case 'time':
      return formatTime(v);
    case 'dateTime':
      return formatDateTime(v);
    default:
      return Number.isInteger(v) ? String(v) : formatDouble(v);
  }
}

/** Rejects NaN results: PMML treats a function that is undefined for its input as invalid. */
export function definedResult(value: number, name: string, args: readonly number[]): number {
  if (Number.isNaN(value) && !args.some(Number.isNaN)) {
    throw new UndefinedResultError(`Function '${name}' is not defined for ${args.map(String).join(', ')}.`);
  }
  return value;
}
