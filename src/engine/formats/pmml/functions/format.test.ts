import { describe, expect, it } from 'vitest';
import { InvalidValueError } from '../../../errors.js';
import { daysFromCivil } from '../temporal.js';
import { call, dbl, flt, int, result, str, typed } from './test-helpers.js';
import type { TypedValue } from '../values.js';

const formatNumber = (value: TypedValue, pattern: string): string => result('formatNumber', value, str(pattern)).value as string;

/** Expected strings were produced by Java 17 `String.format(pattern, value)`. */
describe('formatNumber', () => {
  it('pads integers to a width (PMML example formatNumber(2, "%3d") = "  2")', () => {
    expect(formatNumber(int(2), '%3d')).toBe('  2');
  });

  it('rounds the shortest decimal form half-up, as Java does', () => {
    expect(formatNumber(dbl(0.125), '%.2f')).toBe('0.13');
    expect(formatNumber(dbl(1.005), '%.2f')).toBe('1.01');
    expect(formatNumber(dbl(2.675), '%.2f')).toBe('2.68');
    expect(formatNumber(dbl(2.5), '%.0f')).toBe('3');
    expect(formatNumber(dbl(9.995), '%.2f')).toBe('10.00');
    expect(formatNumber(dbl(0.005), '%.2f')).toBe('0.01');
    expect(formatNumber(dbl(-0.04), '%.1f')).toBe('-0.0');
  });

  it('writes long fixed forms without exponent', () => {
    expect(formatNumber(dbl(1e20), '%.3f')).toBe('100000000000000000000.000');
    expect(formatNumber(dbl(0.1), '%.20f')).toBe('0.10000000000000000000');
  });

  it('applies width, justification and the sign, zero, grouping and parenthesis flags', () => {
    expect(formatNumber(dbl(3.14159), '%5.1f')).toBe('  3.1');
    expect(formatNumber(dbl(3.14159), '%-8.3f|')).toBe('3.142   |');
    expect(formatNumber(dbl(-3.14159), '%08.2f')).toBe('-0003.14');
    expect(formatNumber(dbl(2), '%+.3f')).toBe('+2.000');
    expect(formatNumber(dbl(2), '% .3f')).toBe(' 2.000');
    expect(formatNumber(dbl(1234567.891), '%,.2f')).toBe('1,234,567.89');
    expect(formatNumber(dbl(-5.5), '%(.2f')).toBe('(5.50)');
    expect(formatNumber(int(1234567), '%,d')).toBe('1,234,567');
    expect(formatNumber(int(-42), '%(d')).toBe('(42)');
    expect(formatNumber(int(7), '%03d')).toBe('007');
  });

  it('writes scientific notation with a two-digit signed exponent', () => {
    expect(formatNumber(dbl(12345.678), '%e')).toBe('1.234568e+04');
    expect(formatNumber(dbl(0.00012345), '%.3e')).toBe('1.235e-04');
    expect(formatNumber(dbl(1e-300), '%E')).toBe('1.000000E-300');
    expect(formatNumber(dbl(5.5), '%.0e')).toBe('6e+00');
    expect(formatNumber(dbl(5.5), '%#.0e')).toBe('6.e+00');
    expect(formatNumber(dbl(9.9995), '%.3e')).toBe('1.000e+01');
  });

  it("uses Java's %g: significant digits, no trailing-zero removal", () => {
    expect(formatNumber(dbl(12345.678), '%g')).toBe('12345.7');
    expect(formatNumber(dbl(0.0001), '%g')).toBe('0.000100000');
    expect(formatNumber(dbl(0.00001), '%g')).toBe('1.00000e-05');
    expect(formatNumber(dbl(1234567), '%.3g')).toBe('1.23e+06');
    expect(formatNumber(dbl(0), '%g')).toBe('0.00000');
    expect(formatNumber(dbl(999999.5), '%g')).toBe('1.00000e+06');
    expect(formatNumber(dbl(1e-10), '%G')).toBe('1.00000E-10');
  });

  it('writes integers in octal and hexadecimal, negative ones in two’s complement', () => {
    expect(formatNumber(int(255), '%x')).toBe('ff');
    expect(formatNumber(int(255), '%#x')).toBe('0xff');
    expect(formatNumber(int(-1), '%X')).toBe('FFFFFFFF');
    expect(formatNumber(int(8), '%#o')).toBe('010');
    expect(formatNumber(int(255), '%#08x')).toBe('0x0000ff');
    expect(formatNumber(int(255), '%#010X')).toBe('0X000000FF');
    expect(formatNumber(int(255), '%-8x|')).toBe('ff      |');
  });

  it('writes %s in Java text form', () => {
    expect(formatNumber(dbl(2), '%s')).toBe('2.0');
    expect(formatNumber(int(2), '%s')).toBe('2');
    expect(formatNumber(dbl(3.14159), '%.3s')).toBe('3.1');
    expect(formatNumber(dbl(1e10), '%S')).toBe('1.0E10');
    expect(formatNumber(flt(0.1), '%s')).toBe('0.1');
  });

  it('formats the float value itself, not its short form, with %f', () => {
    expect(formatNumber(flt(0.1), '%.10f')).toBe('0.1000000015');
  });

  it('writes NaN and infinities as words', () => {
    expect(formatNumber(dbl(NaN), '%f')).toBe('NaN');
    expect(formatNumber(dbl(-Infinity), '%08.2f')).toBe('-Infinity');
  });

  it('copies literal text and %% around the conversion', () => {
    expect(formatNumber(dbl(42.25), 'Value: %.1f%%')).toBe('Value: 42.3%');
    expect(formatNumber(int(2), '%1$d-%1$d')).toBe('2-2');
  });

  it('accepts a whole double for %d and an integer for %f', () => {
    expect(formatNumber(dbl(2), '%d')).toBe('2');
    expect(formatNumber(int(2), '%.1f')).toBe('2.0');
  });

  it('rejects patterns Java rejects', () => {
    for (const pattern of ['%.2d', '%q', '%d %d', '%2$d', '%-d', '%,e', '100%']) {
      expect(() => call('formatNumber', int(2), str(pattern)), pattern).toThrow(InvalidValueError);
    }
    expect(() => call('formatNumber', dbl(2.5), str('%d'))).toThrow(InvalidValueError);
  });
});

describe('formatDatetime', () => {
  const date = typed('date', daysFromCivil(2004, 8, 20));
  const dateTime = typed('dateTime', daysFromCivil(2019, 3, 5) * 86400 + 13 * 3600 + 4 * 60 + 9);
  const formatDatetime = (value: TypedValue, pattern: string): string => result('formatDatetime', value, str(pattern)).value as string;

  it('formats the PMML example formatDatetime(2004-08-20, "%m/%d/%y") as "08/20/04"', () => {
    expect(formatDatetime(date, '%m/%d/%y')).toBe('08/20/04');
  });

  it('writes the numeric date and time fields', () => {
    expect(formatDatetime(dateTime, '%Y-%m-%d %H:%M:%S')).toBe('2019-03-05 13:04:09');
    expect(formatDatetime(dateTime, '%F %T')).toBe('2019-03-05 13:04:09');
    expect(formatDatetime(dateTime, '%e|%k|%l|%I|%j|%C|%y')).toBe(' 5|13| 1|01|064|20|19');
  });

  it('writes names and the half of the day in the C locale', () => {
    expect(formatDatetime(dateTime, '%A %a %B %b %h')).toBe('Tuesday Tue March Mar Mar');
    expect(formatDatetime(dateTime, '%p %P %r')).toBe('PM pm 01:04:09 PM');
    expect(formatDatetime(dateTime, '%c|%x|%X')).toBe('Tue Mar  5 13:04:09 2019|03/05/19|13:04:09');
  });

  it('writes weekday and week numbers', () => {
    expect(formatDatetime(dateTime, '%u %w %U %W %V %G')).toBe('2 2 09 09 10 2019');
    expect(formatDatetime(typed('date', daysFromCivil(2021, 1, 1)), '%V %G %g')).toBe('53 2020 20');
  });

  it('applies the GNU padding and case flags and a width (as GNU date does)', () => {
    const morning = typed('dateTime', daysFromCivil(2019, 3, 5) * 86400 + 8 * 3600 + 4 * 60 + 9);
    expect(formatDatetime(morning, '%-d|%_m|%^a|%10Y|%-10d|%05e|%_5H|%^B|%3j')).toBe('5| 3|TUE|0000002019|5|00005|    8|MARCH|064');
  });

  it('writes epoch seconds and milliseconds', () => {
    expect(formatDatetime(typed('dateTime', 1.5), '%s %Q %L')).toBe('1 1500 500');
  });

  it('formats dates before 1970 and before year 1000', () => {
    expect(formatDatetime(typed('date', daysFromCivil(1969, 12, 31)), '%Y-%m-%d %a')).toBe('1969-12-31 Wed');
    expect(formatDatetime(typed('date', daysFromCivil(800, 2, 29)), '%Y-%m-%d')).toBe('0800-02-29');
  });

  it('formats the counting date types by their calendar date', () => {
    expect(formatDatetime(typed('dateDaysSince[1960]', 0), '%Y-%m-%d')).toBe('1960-01-01');
    expect(formatDatetime(typed('dateTimeSecondsSince[1980]', 3600), '%Y-%m-%d %H')).toBe('1980-01-01 01');
  });

  it('parses ISO text input', () => {
    expect(formatDatetime(str('1968-12-21T12:51:00'), '%y')).toBe('68');
  });

  it('rejects unknown conversions and non-date input', () => {
    expect(() => call('formatDatetime', date, str('%Ez'))).toThrow(InvalidValueError);
    expect(() => call('formatDatetime', date, str('%'))).toThrow(InvalidValueError);
    expect(() => call('formatDatetime', int(3), str('%Y'))).toThrow(InvalidValueError);
  });
});
