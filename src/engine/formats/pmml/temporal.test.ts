import { describe, expect, it } from 'vitest';
import {
  civilFromDays, dateFromDaysSinceYear, daysFromCivil, daysSinceYear, formatDate, formatDateTime, formatTime,
  parseDate, parseDateTime, parseTemporal, parseTime, secondsSinceYear, toEpochSeconds, toSecondsOfDay, yearStart,
} from './temporal.js';

// Java 17 LocalDate.of(y, 1, 1).toEpochDay() and LocalDate.of(y, 3, 1).toEpochDay().
const EPOCH_DAYS: ReadonlyArray<[year: number, january1: number, march1: number]> = [
  [-1, -719893, -719834],
  [0, -719528, -719468],
  [1, -719162, -719103],
  [4, -718067, -718007],
  [100, -683003, -682944],
  [1582, -141714, -141655],
  [1600, -135140, -135080],
  [1900, -25567, -25508],
  [1960, -3653, -3593],
  [1969, -365, -306],
  [1970, 0, 59],
  [2000, 10957, 11017],
  [2024, 19723, 19783],
  [9999, 2932532, 2932591],
  [10000, 2932897, 2932957],
];

describe('proleptic Gregorian day numbers', () => {
  it.each(EPOCH_DAYS)('places January 1st and March 1st of year %i like java.time', (year, january1, march1) => {
    expect(daysFromCivil(year, 1, 1)).toBe(january1);
    expect(daysFromCivil(year, 3, 1)).toBe(march1);
  });

  it.each(EPOCH_DAYS)('turns the day numbers of year %i back into dates', (year, january1, march1) => {
    expect(civilFromDays(january1)).toEqual({ year, month: 1, day: 1 });
    expect(civilFromDays(march1)).toEqual({ year, month: 3, day: 1 });
  });

  it('round-trips every day from 1580 to 1620 and around 1970', () => {
    for (let day = daysFromCivil(1580, 1, 1); day < daysFromCivil(1620, 1, 1); day++) {
      const { year, month, day: dayOfMonth } = civilFromDays(day);
      expect(daysFromCivil(year, month, dayOfMonth)).toBe(day);
    }
    expect(civilFromDays(-1)).toEqual({ year: 1969, month: 12, day: 31 });
  });

  it('has leap days in 2000 and year 0 but not in 1900', () => {
    expect(parseDate('2000-02-29')).toBe(11016);
    expect(parseDate('0000-02-29')).toBe(daysFromCivil(0, 2, 29));
    expect(parseDate('1900-02-29')).toBeUndefined();
  });
});

describe('parsing ISO text', () => {
  it('parses dates, including before 1970 and with signed or long years', () => {
    expect(parseDate('1970-01-01')).toBe(0);
    expect(parseDate('1969-12-31')).toBe(-1);
    expect(parseDate('-0001-01-01')).toBe(-719893);
    expect(parseDate('+10000-01-01')).toBe(2932897);
  });

  it('rejects malformed and impossible dates', () => {
    for (const text of ['2019-3-15', '2019-13-01', '2019-04-31', '15/03/2019', '']) expect(parseDate(text), text).toBeUndefined();
  });

  it('parses times with optional seconds and fraction', () => {
    expect(parseTime('13:45:01')).toBe(49501);
    expect(parseTime('13:45')).toBe(49500);
    expect(parseTime('00:00:00.25')).toBe(0.25);
    expect(parseTime('24:00:00')).toBe(86400);
    expect(parseTime('24:00:01')).toBeUndefined();
    expect(parseTime('12:60:00')).toBeUndefined();
  });

  it('parses date-times with T or a space, a fraction and a trailing Z', () => {
    expect(parseDateTime('2019-03-15T13:45:01')).toBe(daysFromCivil(2019, 3, 15) * 86400 + 49501);
    expect(parseDateTime('1969-12-31 23:59:59')).toBe(-1);
    expect(parseDateTime('1970-01-01T00:00:00.5Z')).toBe(0.5);
    expect(parseDateTime('1970-01-02')).toBe(86400);
    expect(parseDateTime('1970-01-01T25:00:00')).toBeUndefined();
  });
});

describe('formatting', () => {
  it('writes dates with four-digit or signed years', () => {
    expect(formatDate(0)).toBe('1970-01-01');
    expect(formatDate(-719528)).toBe('0000-01-01');
    expect(formatDate(-719893)).toBe('-0001-01-01');
    expect(formatDate(2932897)).toBe('+10000-01-01');
  });

  it('writes times with a fraction only when there is one', () => {
    expect(formatTime(49501)).toBe('13:45:01');
    expect(formatTime(0.25)).toBe('00:00:00.25');
  });

  it('writes date-times, also before 1970', () => {
    expect(formatDateTime(-1)).toBe('1969-12-31T23:59:59');
    expect(formatDateTime(parseDateTime('2019-03-15T13:45:01') as number)).toBe('2019-03-15T13:45:01');
  });
});

describe('reference years', () => {
  it('shifts days and seconds to and from a reference year', () => {
    expect(yearStart(1960)).toBe(-3653);
    expect(daysSinceYear(0, 1960)).toBe(3653);
    expect(dateFromDaysSinceYear(3653, 1960)).toBe(0);
    expect(secondsSinceYear(0, 1980)).toBe(-3652 * 86400);
  });

  it('parses text into the numbers of each temporal type', () => {
    expect(parseTemporal('2003-04-01', 'dateDaysSince[1960]')).toBe(15796);
    expect(parseTemporal('15796', 'dateDaysSince[1960]')).toBe(15796);
    expect(parseTemporal('1960-01-03T03:30:03', 'dateTimeSecondsSince[1960]')).toBe(185403);
    expect(parseTemporal('2019-03-15', 'date')).toBe(daysFromCivil(2019, 3, 15));
    expect(parseTemporal('05:23:30', 'timeSeconds')).toBe(19410);
    expect(parseTemporal('19410', 'timeSeconds')).toBe(19410);
    expect(parseTemporal('15796', 'date')).toBeUndefined();
    expect(parseTemporal('x', 'string')).toBeUndefined();
  });

  it('finds the instant and the time of day of typed values', () => {
    expect(toEpochSeconds({ dataType: 'dateDaysSince[0]', value: 719528 })).toBe(0);
    expect(toEpochSeconds({ dataType: 'dateTimeSecondsSince[1970]', value: 5 })).toBe(5);
    expect(toEpochSeconds({ dataType: 'integer', value: 5 })).toBeUndefined();
    expect(toSecondsOfDay({ dataType: 'dateTime', value: -1 })).toBe(86399);
    expect(toSecondsOfDay({ dataType: 'date', value: 3 })).toBe(0);
  });
});
