/**
 * PMML 4.4, Built-in Functions, "dateDaysSinceYear", "dateSecondsSinceYear" and "dateSecondsSinceMidnight".
 * Inputs may be of any date or date-time type (or ISO text); results are integers, as in jpmml.
 */
import { InvalidValueError } from '../../../errors.js';
import { SECONDS_PER_DAY, toEpochSeconds, toSecondsOfDay, yearStart } from '../temporal.js';
import type { TypedValue, Value } from '../values.js';
import { strict, type BuiltinFunction } from './builtin.js';
import { asInteger, asString, integer, present } from './coerce.js';

function instantOf(value: TypedValue, name: string): number {
  const seconds = toEpochSeconds(value);
  if (seconds === undefined) {
    throw new InvalidValueError(`Function '${name}' expects a date or date-time but got '${asString(value)}' (${value.dataType}).`);
  }
  return seconds;
}

/** PMML 4.4 example: dateDaysSinceYear of 2003-04-01 with reference year 1960 is 15796. */
const dateDaysSinceYear = strict('dateDaysSinceYear', 2, (args: readonly Value[]) => {
  const seconds = instantOf(present(args, 0, 'dateDaysSinceYear'), 'dateDaysSinceYear');
  const year = asInteger(present(args, 1, 'dateDaysSinceYear'), 'dateDaysSinceYear');
  return integer(Math.floor(seconds / SECONDS_PER_DAY) - yearStart(year));
});

/** Whole seconds from January 1st of the reference year, 00:00:00, to the input. */
const dateSecondsSinceYear = strict('dateSecondsSinceYear', 2, (args) => {
  const seconds = instantOf(present(args, 0, 'dateSecondsSinceYear'), 'dateSecondsSinceYear');
  const year = asInteger(present(args, 1, 'dateSecondsSinceYear'), 'dateSecondsSinceYear');
  return integer(Math.floor(seconds - yearStart(year) * SECONDS_PER_DAY));
});

/** Whole seconds from midnight to the input's time of day. */
const dateSecondsSinceMidnight = strict('dateSecondsSinceMidnight', 1, (args) => {
  const value = present(args, 0, 'dateSecondsSinceMidnight');
  const seconds = toSecondsOfDay(value);
  if (seconds === undefined) {
    throw new InvalidValueError(`Function 'dateSecondsSinceMidnight' expects a time or date-time but got '${asString(value)}' (${value.dataType}).`);
  }
  return integer(Math.floor(seconds));
});

export const dateFunctions: readonly BuiltinFunction[] = [dateDaysSinceYear, dateSecondsSinceYear, dateSecondsSinceMidnight];
