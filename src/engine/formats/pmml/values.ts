/**
 * PMML values. A value is a JavaScript scalar tagged with its PMML dataType; MISSING is `null`.
 *
 * Temporal values are numbers so that they compare and subtract cheaply:
 * - `date`: days since 1970-01-01 (proleptic Gregorian, no time zone);
 * - `time`: seconds since midnight (may carry a fraction);
 * - `dateTime`: seconds since 1970-01-01T00:00:00 (no time zone);
 * - `dateDaysSince[Y]`: days since Y-01-01; `timeSeconds`: seconds since midnight;
 *   `dateTimeSecondsSince[Y]`: seconds since Y-01-01T00:00:00.
 */

/** PMML 4.4 DATATYPE tokens. */
export type DataType =
  | 'string'
  | 'integer'
  | 'float'
  | 'double'
  | 'boolean'
  | 'date'
  | 'time'
  | 'dateTime'
  | 'dateDaysSince[0]'
  | 'dateDaysSince[1960]'
  | 'dateDaysSince[1970]'
  | 'dateDaysSince[1980]'
  | 'timeSeconds'
  | 'dateTimeSecondsSince[0]'
  | 'dateTimeSecondsSince[1960]'
  | 'dateTimeSecondsSince[1970]'
  | 'dateTimeSecondsSince[1980]';

/** A present value: a scalar and the PMML dataType it has. */
export interface TypedValue {
  readonly dataType: DataType;
  readonly value: number | string | boolean;
}

/** PMML's single missing value. */
export const MISSING = null;

/** A value or MISSING. */
export type Value = TypedValue | typeof MISSING;
