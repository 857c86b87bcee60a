import {
  daysSinceYear,
  formatDate,
  formatDateTime,
  formatTime,
  parseTemporal,
  referenceYear,
  secondsSinceYear,
  SECONDS_PER_DAY,
  temporalKind,
  toEpochSeconds,
  toSecondsOfDay,
} from './temporal.js';
import { MISSING, type DataType, type TypedValue, type Value } from './values.js';

/** A key under which equal PMML values collide in a Map (numbers of any numeric type compare by value). */
export type ValueKey = string | number | boolean;

export function isNumericType(dataType: DataType): boolean {
  return dataType !== 'string' && dataType !== 'boolean';
}

function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  switch (trimmed) {
    case 'NaN':
      return NaN;
    case 'INF':
    case 'Infinity':
    case '+INF':
      return Infinity;
    case '-INF':
    case '-Infinity':
      return -Infinity;
  }
  const value = Number(trimmed);
  if (!Number.isNaN(value)) return value;
  // jpmml reads boolean text as 1/0 wherever a number is expected (CSV columns of 'TRUE'/'FALSE').
  const lower = trimmed.toLowerCase();
  return lower === 'true' ? 1 : lower === 'false' ? 0 : undefined;
}

/** Parses the text form of a value; `undefined` when the text is not a value of that type. */
export function parseValue(text: string, dataType: DataType): TypedValue | undefined {
  switch (dataType) {
    case 'string':
      return { dataType, value: text };
    case 'integer': {
      // jpmml TypeUtil.parseInteger: falls back to a double that has no fractional part ("1.0" → 1).
      const value = parseNumber(text);
      return value === undefined || !Number.isInteger(value) ? undefined : { dataType, value };
    }
    case 'float': {
      const value = parseNumber(text);
      return value === undefined ? undefined : { dataType, value: Math.fround(value) };
    }
    case 'double': {
      const value = parseNumber(text);
      return value === undefined ? undefined : { dataType, value };
    }
    case 'boolean': {
      const lower = text.trim().toLowerCase();
      if (lower === 'true' || lower === '1') return { dataType, value: true };
      if (lower === 'false' || lower === '0') return { dataType, value: false };
      return undefined;
    }
    default: {
      const value = parseTemporal(text, dataType);
      return value === undefined ? undefined : { dataType, value };
    }
  }
}

/** Re-expresses a temporal value in another temporal dataType (date → dateDaysSince[1970], …). */
function castTemporal(value: TypedValue, to: DataType): Value {
  const kind = temporalKind(to);
  if (kind === 'time') {
    const seconds = toSecondsOfDay(value);
    return seconds === undefined ? MISSING : { dataType: to, value: seconds };
  }
  const epoch = toEpochSeconds(value);
  if (epoch === undefined) return MISSING;
  const year = referenceYear(to) ?? 1970;
  if (kind === 'date') return { dataType: to, value: daysSinceYear(Math.floor(epoch / SECONDS_PER_DAY), year) };
  return { dataType: to, value: secondsSinceYear(epoch, year) };
}

/** Java's `Double.toString`, which PMML producers and jpmml use when a double becomes a string. */
export function formatDouble(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(value);
  if (abs >= 1e-3 && abs < 1e7) {
    const text = String(value);
    return text.includes('.') ? text : `${text}.0`;
  }
  const [mantissa, exponent] = value.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${exponent.startsWith('+') ? exponent.slice(1) : exponent}`;
}

/** The text form of a value, as it appears in PMML documents and in string results. */
export function formatValue(value: TypedValue): string {
  const v = value.value;
  if (typeof v === 'number') {
    switch (value.dataType) {
      case 'date':
        return formatDate(v);
      case 'dateTime':
        return formatDateTime(v);
      case 'time':
        return formatTime(v);
    }
    if (value.dataType === 'double' || value.dataType === 'float') return formatDouble(v);
    return Number.isInteger(v) ? String(v) : formatDouble(v);
  }
  return String(v);
}

/** Converts a present value to another dataType (DerivedField/OutputField `dataType`); MISSING when it cannot. */
export function castValue(value: TypedValue, to: DataType): Value {
  if (value.dataType === to) return value;
  const v = value.value;
  switch (to) {
    case 'string':
      return { dataType: to, value: formatValue(value) };
    case 'boolean':
      if (typeof v === 'number') return { dataType: to, value: v !== 0 };
      if (typeof v === 'string') return parseValue(v, to) ?? MISSING;
      return { dataType: to, value: v };
    case 'integer':
      if (typeof v === 'number') return { dataType: to, value: Number.isInteger(v) || !Number.isFinite(v) ? v : Math.trunc(v) };
      if (typeof v === 'boolean') return { dataType: to, value: v ? 1 : 0 };
      return parseValue(v, to) ?? MISSING;
    case 'float':
      if (typeof v === 'number') return { dataType: to, value: Math.fround(v) };
      if (typeof v === 'boolean') return { dataType: to, value: v ? 1 : 0 };
      return parseValue(v, to) ?? MISSING;
    case 'double':
      if (typeof v === 'number') return { dataType: to, value: v };
      if (typeof v === 'boolean') return { dataType: to, value: v ? 1 : 0 };
      return parseValue(v, to) ?? MISSING;
    default:
      if (typeof v === 'string') return parseValue(v, to) ?? MISSING;
      if (typeof v === 'number' && temporalKind(value.dataType) !== undefined) return castTemporal(value, to);
      return typeof v === 'number' ? { dataType: to, value: v } : MISSING;
  }
}

export function castOrMissing(value: Value, to: DataType | undefined): Value {
  return value === MISSING || to === undefined ? value : castValue(value, to);
}

export function valueKey(value: TypedValue): ValueKey {
  return value.value;
}

/** Numeric view of a value (booleans as 1/0); NaN for text that is not a number. */
export function toNumber(value: TypedValue): number {
  const v = value.value;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return parseNumber(v) ?? NaN;
}

/** PMML ordering of two present values: numbers numerically, strings by code points, false < true. */
export function compareValues(a: TypedValue, b: TypedValue): number {
  const x = a.value;
  const y = b.value;
  if (typeof x === 'string' && typeof y === 'string') return x < y ? -1 : x > y ? 1 : 0;
  const nx = typeof x === 'number' ? x : toNumber(a);
  const ny = typeof y === 'number' ? y : toNumber(b);
  return nx < ny ? -1 : nx > ny ? 1 : 0;
}

export function valuesEqual(a: TypedValue, b: TypedValue): boolean {
  const x = a.value;
  const y = b.value;
  if (typeof x === typeof y) return x === y;
  return compareValues(a, b) === 0;
}

export function numberValue(value: number, dataType: DataType = 'double'): TypedValue {
  return { dataType, value };
}

/**
 * The shortest decimal that reads back as the same float32 (Java's `Float.toString`), as a double: a float
 * result 15.924594f is reported as 15.924594, not as its exact binary value 15.924593925476074.
 */
export function floatAsDecimal(value: number): number {
  if (!Number.isFinite(value)) return value;
  // Binary search over the digit count: if d digits read back as the float, so do d + 1 (every d-digit decimal
  // is a (d+1)-digit one, so the nearest (d+1)-digit decimal is at least as close), and 9 always do.
  let low = 1;
  let high = 9;
  while (low < high) {
    const digits = (low + high) >> 1;
    if (Math.fround(Number(value.toPrecision(digits))) === value) high = digits;
    else low = digits + 1;
  }
  return Number(value.toPrecision(low));
}

/** A JavaScript scalar for results: numbers, strings, booleans. */
export function toJs(value: Value): string | number | boolean | null {
  if (value === MISSING) return null;
  return value.dataType === 'float' && typeof value.value === 'number' ? floatAsDecimal(value.value) : value.value;
}
