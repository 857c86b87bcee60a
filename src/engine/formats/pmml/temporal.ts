/**
 * Dates and times as PMML uses them: ISO 8601 text without a time zone ⇄ the numbers of `values.ts`
 * (date = days since 1970-01-01, time = seconds since midnight, dateTime = seconds since 1970-01-01T00:00:00),
 * and the shifted counts of the `dateDaysSince[Y]` / `dateTimeSecondsSince[Y]` types.
 *
 * The calendar is the proleptic Gregorian one (ISO 8601, Java `java.time`): it extends before 1582 and
 * has a year 0 (= 1 BC). Day arithmetic uses Howard Hinnant's closed forms
 * (https://howardhinnant.github.io/date_algorithms.html, `days_from_civil` / `civil_from_days`).
 */
import type { DataType, TypedValue } from './values.js';

export const SECONDS_PER_DAY = 86_400;

/** A calendar date. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Days from 1970-01-01 to the given proleptic Gregorian date (negative before it). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The date that lies `days` days after 1970-01-01. */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Days from 1970-01-01 to January 1st of `year`. */
export function yearStart(year: number): number {
  return daysFromCivil(year, 1, 1);
}

/** A `date` (days since 1970) as days since January 1st of `year`. */
export function daysSinceYear(days1970: number, year: number): number {
  return days1970 - yearStart(year);
}

/** A `dateTime` (seconds since 1970) as seconds since January 1st of `year`, 00:00:00. */
export function secondsSinceYear(seconds1970: number, year: number): number {
  return seconds1970 - yearStart(year) * SECONDS_PER_DAY;
}

/** Days since January 1st of `year` as a `date` (days since 1970). */
export function dateFromDaysSinceYear(days: number, year: number): number {
  return days + yearStart(year);
}

/** Seconds since January 1st of `year` as a `dateTime` (seconds since 1970). */
export function dateTimeFromSecondsSinceYear(seconds: number, year: number): number {
  return seconds + yearStart(year) * SECONDS_PER_DAY;
}

const DATE = /^([+-]?\d{4,})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/;

/** `2019-03-15` (years of more than four digits and signed years allowed) → days since 1970, or undefined. */
export function parseDate(text: string): number | undefined {
  const match = DATE.exec(text.trim());
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

/** `13:45:01`, `13:45:01.250` or `13:45` → seconds since midnight, or undefined. `24:00:00` is the end of the day. */
export function parseTime(text: string): number | undefined {
  const match = TIME.exec(text.trim());
  if (match === null) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  const seconds = match[3] === undefined ? 0 : Number(match[3]);
  const fraction = match[4] === undefined ? 0 : Number(match[4]);
  if (hours === 24 && minutes === 0 && seconds === 0 && fraction === 0) return SECONDS_PER_DAY;
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  return hours * 3600 + minutes * 60 + seconds + fraction;
}

/** `2019-03-15T13:45:01` (also with a space instead of `T`, a fraction, or a trailing `Z`) → seconds since 1970. */
export function parseDateTime(text: string): number | undefined {
  const trimmed = text.trim().replace(/Z$/, '');
  const separator = trimmed.search(/[T ]/);
  if (separator < 0) {
    const days = parseDate(trimmed);
    return days === undefined ? undefined : days * SECONDS_PER_DAY;
  }
  const days = parseDate(trimmed.slice(0, separator));
  const seconds = parseTime(trimmed.slice(separator + 1));
  return days === undefined || seconds === undefined ? undefined : days * SECONDS_PER_DAY + seconds;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** ISO 8601 year: four digits, a sign beyond them or below year 0 (as `java.time` writes it). */
function formatYear(year: number): string {
  if (year < 0) return `-${pad(-year, 4)}`;
  return year > 9999 ? `+${year}` : pad(year, 4);
}

/** Days since 1970 → `2019-03-15`. */
export function formatDate(days: number): string {
  const { year, month, day } = civilFromDays(Math.floor(days));
  return `${formatYear(year)}-${pad(month)}-${pad(day)}`;
}

/** Seconds since midnight → `13:45:01` (with the fraction, when there is one). */
export function formatTime(seconds: number): string {
  const whole = Math.floor(seconds);
  const fraction = seconds - whole;
  const text = `${pad(Math.floor(whole / 3600))}:${pad(Math.floor(whole / 60) % 60)}:${pad(whole % 60)}`;
  return fraction === 0 ? text : `${text}${String(Number(fraction.toFixed(9))).slice(1)}`;
}

/** Seconds since 1970 → `2019-03-15T13:45:01`. */
export function formatDateTime(seconds: number): string {
  const days = Math.floor(seconds / SECONDS_PER_DAY);
  return `${formatDate(days)}T${formatTime(seconds - days * SECONDS_PER_DAY)}`;
}

/** The reference year of a `dateDaysSince[Y]` / `dateTimeSecondsSince[Y]` type, or undefined for other types. */
export function referenceYear(dataType: DataType): number | undefined {
  const match = /\[(\d+)\]$/.exec(dataType);
  return match === null ? undefined : Number(match[1]);
}

/** Whether a dataType counts days (`date`-like), seconds of an instant (`dateTime`-like) or seconds of a day. */
export function temporalKind(dataType: DataType): 'date' | 'dateTime' | 'time' | undefined {
  if (dataType === 'date' || dataType.startsWith('dateDaysSince')) return 'date';
  if (dataType === 'dateTime' || dataType.startsWith('dateTimeSecondsSince')) return 'dateTime';
  if (dataType === 'time' || dataType === 'timeSeconds') return 'time';
  return undefined;
}

/**
 * The instant a value stands for, in seconds since 1970 (a date is its midnight); undefined for values
 * that are not dates or date-times. Text is parsed as an ISO date-time or date.
 */
export function toEpochSeconds(value: TypedValue): number | undefined {
  const v = value.value;
  if (typeof v === 'string') return parseDateTime(v);
  if (typeof v !== 'number') return undefined;
  const year = referenceYear(value.dataType) ?? 1970;
  switch (temporalKind(value.dataType)) {
    case 'date':
      return dateFromDaysSinceYear(v, year) * SECONDS_PER_DAY;
    case 'dateTime':
      return dateTimeFromSecondsSinceYear(v, year);
    default:
      return undefined;
  }
}

/** Seconds since midnight of a time, or of the time part of a date-time; undefined for other values. */
export function toSecondsOfDay(value: TypedValue): number | undefined {
  const v = value.value;
  if (typeof v === 'string') {
    const time = parseTime(v);
    if (time !== undefined) return time;
    const instant = parseDateTime(v);
    return instant === undefined ? undefined : instant - Math.floor(instant / SECONDS_PER_DAY) * SECONDS_PER_DAY;
  }
  if (typeof v !== 'number') return undefined;
  const kind = temporalKind(value.dataType);
  if (kind === 'time') return v;
  const instant = kind === undefined ? undefined : toEpochSeconds(value);
  return instant === undefined ? undefined : instant - Math.floor(instant / SECONDS_PER_DAY) * SECONDS_PER_DAY;
}

/**
 * Parses the text form of a temporal value into its number for `dataType` (ISO text; for the counting
 * types a plain number is the count itself). Undefined when the text fits neither.
 */
export function parseTemporal(text: string, dataType: DataType): number | undefined {
  const year = referenceYear(dataType);
  const kind = temporalKind(dataType);
  if (kind === 'time') return parseTime(text) ?? (dataType === 'timeSeconds' ? plainNumber(text) : undefined);
  if (kind === 'date') {
    const days = parseDate(text);
    if (days !== undefined) return year === undefined ? days : daysSinceYear(days, year);
    return year === undefined ? undefined : plainNumber(text);
  }
  if (kind === 'dateTime') {
    const seconds = parseDateTime(text);
    if (seconds !== undefined) return year === undefined ? seconds : secondsSinceYear(seconds, year);
    return year === undefined ? undefined : plainNumber(text);
  }
  return undefined;
}

function plainNumber(text: string): number | undefined {
  const trimmed = text.trim();
  const number = trimmed === '' ? NaN : Number(trimmed);
  return Number.isFinite(number) ? number : undefined;
}
