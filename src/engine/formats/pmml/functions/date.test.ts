import { describe, expect, it } from 'vitest';
import { InvalidValueError } from '../../../errors.js';
import { daysFromCivil } from '../temporal.js';
import { call, int, result, str, typed } from './test-helpers.js';

const date = (y: number, m: number, d: number) => typed('date', daysFromCivil(y, m, d));
const dateTime = (y: number, m: number, d: number, hh: number, mm: number, ss: number) =>
  typed('dateTime', daysFromCivil(y, m, d) * 86400 + hh * 3600 + mm * 60 + ss);

describe('dateDaysSinceYear', () => {
  it('counts the PMML example 2003-04-01 since 1960 as 15796 days', () => {
    expect(result('dateDaysSinceYear', date(2003, 4, 1), int(1960))).toEqual(int(15796));
  });

  it('takes the date part of a date-time', () => {
    expect(result('dateDaysSinceYear', dateTime(2003, 4, 1, 23, 59, 59), int(1960))).toEqual(int(15796));
  });

  it('counts leap days across years', () => {
    expect(result('dateDaysSinceYear', date(2001, 1, 1), int(2000))).toEqual(int(366));
    expect(result('dateDaysSinceYear', date(1901, 1, 1), int(1900))).toEqual(int(365));
  });

  it('is negative for dates before the reference year, also before 1970', () => {
    expect(result('dateDaysSinceYear', date(1959, 12, 31), int(1960))).toEqual(int(-1));
    expect(result('dateDaysSinceYear', date(1, 1, 1), int(0))).toEqual(int(366));
  });

  it('reads the counting date types and ISO text', () => {
    expect(result('dateDaysSinceYear', typed('dateDaysSince[1960]', 10), int(1970))).toEqual(int(10 - 3653));
    expect(result('dateDaysSinceYear', str('1977-01-02'), int(1977))).toEqual(int(1));
  });

  it('rejects values that are not dates', () => {
    expect(() => call('dateDaysSinceYear', str('yesterday'), int(1960))).toThrow(InvalidValueError);
    expect(() => call('dateDaysSinceYear', int(5), int(1960))).toThrow(InvalidValueError);
  });
});

describe('dateSecondsSinceYear', () => {
  it('counts 1960-01-03T03:30:03 since 1960 as 185403 seconds', () => {
    expect(result('dateSecondsSinceYear', dateTime(1960, 1, 3, 3, 30, 3), int(1960))).toEqual(int(185403));
  });

  it('counts a date from its midnight', () => {
    expect(result('dateSecondsSinceYear', date(1970, 1, 2), int(1970))).toEqual(int(86400));
  });

  it('reads ISO date-time text like the Apollo launch dates', () => {
    expect(result('dateSecondsSinceYear', str('1968-12-21T12:51:00'), int(1968))).toEqual(int(355 * 86400 + 12 * 3600 + 51 * 60));
  });
});

describe('dateSecondsSinceMidnight', () => {
  it('counts 05:23:30 as 19410 seconds', () => {
    expect(result('dateSecondsSinceMidnight', typed('time', 19410))).toEqual(int(19410));
    expect(result('dateSecondsSinceMidnight', str('05:23:30'))).toEqual(int(19410));
  });

  it('takes the time of day of a date-time, also before 1970', () => {
    expect(result('dateSecondsSinceMidnight', dateTime(1960, 1, 1, 5, 23, 30))).toEqual(int(19410));
  });

  it('drops fractions of a second', () => {
    expect(result('dateSecondsSinceMidnight', typed('time', 10.75))).toEqual(int(10));
  });
});
