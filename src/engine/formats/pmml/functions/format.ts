/**
 * PMML 4.4, Built-in Functions, "formatNumber" (Java `String.format` patterns, as jpmml evaluates them)
 * and "formatDatetime" (strftime patterns). Both return strings.
 * PMML 4.4 examples: formatNumber(2, "%3d") is "  2"; formatDatetime(2004-08-20, "%m/%d/%y") is "08/20/04".
 */
import { InvalidValueError } from '../../../errors.js';
import { temporalKind, toEpochSeconds } from '../temporal.js';
import type { TypedValue, Value } from '../values.js';
import { strict, type BuiltinFunction } from './builtin.js';
import { asNumber, asString, numericTypeOf, present, string } from './coerce.js';
import { FormatError, formatJavaNumber, type FormatArgument } from './java-number-format.js';
import { StrftimeError, formatStrftime } from './strftime.js';

function formatArgument(value: TypedValue): FormatArgument {
  const number = asNumber(value, 'formatNumber');
  const type = numericTypeOf(value.dataType);
  return { value: number, kind: type === 'integer' && !Number.isInteger(number) ? 'double' : type };
}

function formatNumberWith(pattern: string, argument: FormatArgument): string {
  try {
    return formatJavaNumber(pattern, argument);
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
    throw new InvalidValueError(`Function 'formatNumber' cannot format ${argument.value} with the pattern '${pattern}': ${error.message}.`, undefined, { cause: error });
  }
}

const formatNumber = strict(
  'formatNumber',
  2,
  (args: readonly Value[]) => {
    const argument = formatArgument(present(args, 0, 'formatNumber'));
    return string(formatNumberWith(asString(present(args, 1, 'formatNumber')), argument));
  },
  // Zero suits every conversion, so a pattern that cannot format it cannot format anything.
  ([, pattern]) => {
    if (pattern !== undefined) formatNumberWith(asString(pattern), { value: 0, kind: 'integer' });
  },
);

/** The instant to format: a date is its midnight, a time is that time on 1970-01-01. */
function instantOf(value: TypedValue): number {
  const instant = toEpochSeconds(value);
  if (instant !== undefined) return instant;
  if (temporalKind(value.dataType) === 'time' && typeof value.value === 'number') return value.value;
  throw new InvalidValueError(`Function 'formatDatetime' expects a date, time or date-time but got '${asString(value)}' (${value.dataType}).`);
}

function formatDatetimeWith(pattern: string, instant: number): string {
  try {
    return formatStrftime(pattern, instant);
  } catch (error) {
    if (!(error instanceof StrftimeError)) throw error;
    throw new InvalidValueError(`Function 'formatDatetime' cannot use the pattern '${pattern}': ${error.message}.`, undefined, { cause: error });
  }
}

const formatDatetime = strict(
  'formatDatetime',
  2,
  (args) => string(formatDatetimeWith(asString(present(args, 1, 'formatDatetime')), instantOf(present(args, 0, 'formatDatetime')))),
  ([, pattern]) => {
    if (pattern !== undefined) formatDatetimeWith(asString(pattern), 0);
  },
);

export const formatFunctions: readonly BuiltinFunction[] = [formatNumber, formatDatetime];
