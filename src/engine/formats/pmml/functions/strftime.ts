/**
 * `formatDatetime` patterns: POSIX `strftime` conversions in the C locale, which PMML names as the model
 * for its date formats, evaluated without a time zone (values are local date-times, printed as UTC).
 * The GNU additions `%k %l %P %s` with the flags `- _ 0 ^` and a width, and Java's `%L %N %Q` (milliseconds,
 * nanoseconds, epoch milliseconds, which jpmml passes through to `java.util.Formatter`) are understood too.
 * https://pubs.opengroup.org/onlinepubs/9699919799/functions/strftime.html
 */
import { SECONDS_PER_DAY, civilFromDays, daysFromCivil } from '../temporal.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** A pattern conversion this formatter does not know. */
export class StrftimeError extends Error {}

interface Fields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly fraction: number;
  /** 0 = Sunday. */
  readonly weekday: number;
  /** 0-based day of the year. */
  readonly dayOfYear: number;
  readonly epochSeconds: number;
}

function fieldsOf(epochSeconds: number): Fields {
  const days = Math.floor(epochSeconds / SECONDS_PER_DAY);
  const secondsOfDay = epochSeconds - days * SECONDS_PER_DAY;
  const whole = Math.floor(secondsOfDay);
  const { year, month, day } = civilFromDays(days);
  return {
    year, month, day,
    hour: Math.floor(whole / 3600),
    minute: Math.floor(whole / 60) % 60,
    second: whole % 60,
    fraction: secondsOfDay - whole,
    // 1970-01-01 was a Thursday.
    weekday: (((days + 4) % 7) + 7) % 7,
    dayOfYear: days - daysFromCivil(year, 1, 1),
    epochSeconds,
  };
}

const pad = (value: number, width = 2, fill = '0'): string =>
  value < 0 ? `-${pad(-value, width - 1, fill)}` : String(value).padStart(width, fill);

/** ISO 8601 week-numbering year and week (weeks start on Monday; week 1 holds the year's first Thursday). */
function isoWeek(f: Fields): { year: number; week: number } {
  const isoWeekday = f.weekday === 0 ? 7 : f.weekday;
  const thursday = daysFromCivil(f.year, f.month, f.day) - isoWeekday + 4;
  const year = civilFromDays(thursday).year;
  return { year, week: Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1 };
}

const twelveHour = (hour: number): number => (hour % 12 === 0 ? 12 : hour % 12);
const fourDigitYear = (year: number): string => (year >= 0 && year <= 9999 ? pad(year, 4) : String(year));

const CONVERSIONS: Readonly<Record<string, (f: Fields) => string>> = {
  a: (f) => WEEKDAYS[f.weekday].slice(0, 3),
  A: (f) => WEEKDAYS[f.weekday],
  b: (f) => MONTHS[f.month - 1].slice(0, 3),
  h: (f) => MONTHS[f.month - 1].slice(0, 3),
  B: (f) => MONTHS[f.month - 1],
  // glibc writes the year of %c unpadded ("Fri Jul 25 19:43:26 588") although %Y pads it to four digits.
  c: (f) => `${CONVERSIONS.a(f)} ${CONVERSIONS.b(f)} ${pad(f.day, 2, ' ')} ${CONVERSIONS.T(f)} ${f.year}`,
  C: (f) => pad(Math.floor(f.year / 100)),
  d: (f) => pad(f.day),
  D: (f) => `${pad(f.month)}/${pad(f.day)}/${CONVERSIONS.y(f)}`,
  e: (f) => pad(f.day, 2, ' '),
  F: (f) => `${CONVERSIONS.Y(f)}-${pad(f.month)}-${pad(f.day)}`,
  g: (f) => pad(((isoWeek(f).year % 100) + 100) % 100),
  G: (f) => fourDigitYear(isoWeek(f).year),
  H: (f) => pad(f.hour),
  I: (f) => pad(twelveHour(f.hour)),
  j: (f) => pad(f.dayOfYear + 1, 3),
  k: (f) => pad(f.hour, 2, ' '),
  l: (f) => pad(twelveHour(f.hour), 2, ' '),
  L: (f) => pad(Math.floor(f.fraction * 1e3 + 1e-6), 3),
  m: (f) => pad(f.month),
  M: (f) => pad(f.minute),
  n: () => '\n',
  N: (f) => pad(Math.floor(f.fraction * 1e9 + 1e-3), 9),
  p: (f) => (f.hour < 12 ? 'AM' : 'PM'),
  P: (f) => (f.hour < 12 ? 'am' : 'pm'),
  Q: (f) => String(Math.floor(f.epochSeconds * 1000)),
  r: (f) => `${CONVERSIONS.I(f)}:${pad(f.minute)}:${pad(f.second)} ${CONVERSIONS.p(f)}`,
  R: (f) => `${pad(f.hour)}:${pad(f.minute)}`,
  s: (f) => String(Math.floor(f.epochSeconds)),
  S: (f) => pad(f.second),
  t: () => '\t',
  T: (f) => `${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}`,
  u: (f) => String(f.weekday === 0 ? 7 : f.weekday),
  U: (f) => pad(Math.floor((f.dayOfYear + 7 - f.weekday) / 7)),
  V: (f) => pad(isoWeek(f).week),
  w: (f) => String(f.weekday),
  W: (f) => pad(Math.floor((f.dayOfYear + 7 - ((f.weekday + 6) % 7)) / 7)),
  x: (f) => CONVERSIONS.D(f),
  X: (f) => CONVERSIONS.T(f),
  y: (f) => pad(((f.year % 100) + 100) % 100),
  Y: (f) => fourDigitYear(f.year),
  z: () => '+0000',
  Z: () => 'UTC',
  '%': () => '%',
};

/**
 * GNU flags and width between `%` and the conversion (`%-d`, `%_H`, `%^a`, `%10Y`): `-` drops the padding of a
 * number, `_` pads it with spaces, `0` with zeros, `^` turns letters to upper case.
 * https://man7.org/linux/man-pages/man3/strftime.3.html
 */
function applyFlags(text: string, flags: string, width: number | undefined): string {
  let result = flags.includes('^') ? text.toUpperCase() : text;
  const numeric = /^[ 0]*\d+$/.test(result);
  if (numeric && flags.includes('-')) result = result.replace(/^[ 0]+(?=\d)/, '');
  else if (numeric && flags.includes('_')) result = result.replace(/^0+(?=\d)/, (zeros) => ' '.repeat(zeros.length));
  else if (numeric && flags.includes('0')) result = result.replace(/^ +/, (spaces) => '0'.repeat(spaces.length));
  if (width === undefined || result.length >= width || flags.includes('-')) return result;
  const fill = numeric && !flags.includes('_') ? '0' : ' ';
  return result.padStart(width, fill);
}

const SPECIFIER = /%([-_0^#]*)(\d*)(.?)/gs;

/** Formats an instant (seconds since 1970-01-01T00:00:00) with a strftime pattern. */
export function formatStrftime(pattern: string, epochSeconds: number): string {
  const fields = fieldsOf(epochSeconds);
  let result = '';
  let last = 0;
  for (const match of pattern.matchAll(SPECIFIER)) {
    const [text, flags, width, conversion] = match;
    result += pattern.slice(last, match.index);
    last = (match.index as number) + text.length;
    const format = Object.hasOwn(CONVERSIONS, conversion) ? CONVERSIONS[conversion] : undefined;
    if (format === undefined) throw new StrftimeError(`'${text}' is not a date or time conversion`);
    result += applyFlags(format(fields), flags, width === '' ? undefined : Number(width));
  }
  return result + pattern.slice(last);
}
