import { describe, expect, it } from 'vitest';
import { InvalidValueError, UndefinedResultError } from '../../../errors.js';
import { lookupBuiltin } from './registry.js';
import { call, dbl, flt, int, result, str, typed } from './test-helpers.js';

describe('+ - * /', () => {
  it('computes the PMML example A - B with A=2.5 and B=4 as -1.5', () => {
    expect(result('-', dbl(2.5), dbl(4))).toEqual(dbl(-1.5));
  });

  it('keeps integer results integer', () => {
    expect(result('+', int(2), int(3))).toEqual(int(5));
    expect(result('*', int(-4), int(3))).toEqual(int(-12));
  });

  it('widens to the wider operand type', () => {
    expect(result('+', int(1), flt(0.5)).dataType).toBe('float');
    expect(result('+', flt(1), dbl(0.5)).dataType).toBe('double');
  });

  it('rounds float results to single precision', () => {
    expect(result('*', flt(0.1), flt(3)).value).toBe(Math.fround(Math.fround(0.1) * 3));
  });

  it('divides integers into a double', () => {
    expect(result('/', int(7), int(2))).toEqual(dbl(3.5));
  });

  it('divides floats into a float', () => {
    expect(result('/', flt(1), int(4))).toEqual(flt(0.25));
  });

  it('treats division by zero as an undefined result', () => {
    expect(() => call('/', dbl(1), dbl(0))).toThrow(UndefinedResultError);
    expect(() => call('/', int(0), int(0))).toThrow(UndefinedResultError);
  });

  it('returns missing when an operand is missing', () => {
    expect(lookupBuiltin('+')?.isMissingTolerant).toBe(false);
    expect(call('+', null, dbl(1))).toBeNull();
  });

  it('reads numeric text and rejects other text', () => {
    expect(result('+', str('1.5'), dbl(1))).toEqual(dbl(2.5));
    expect(() => call('+', str('abc'), dbl(1))).toThrow(InvalidValueError);
  });

  it('counts dates as whole days', () => {
    expect(result('-', typed('dateDaysSince[1970]', 30), typed('dateDaysSince[1970]', 10))).toEqual(int(20));
  });
});

describe('modulo', () => {
  it('follows x - y * floor(x / y), taking the sign of the divisor', () => {
    expect(result('modulo', int(10), int(3))).toEqual(int(1));
    expect(result('modulo', int(-10), int(3))).toEqual(int(2));
    expect(result('modulo', int(10), int(-3))).toEqual(int(-2));
    expect(result('modulo', int(6), int(-2))).toEqual(int(0));
  });

  it('works on fractional values', () => {
    const value = result('modulo', dbl(4.5), dbl(1.2));
    expect(value.dataType).toBe('double');
    expect(Math.abs((value.value as number) - 0.9)).toBeLessThan(1e-12);
    expect(result('modulo', dbl(-1.5), dbl(1)).value).toBe(0.5);
  });

  it('is undefined for a zero divisor', () => {
    expect(() => call('modulo', int(1), int(0))).toThrow(UndefinedResultError);
  });
});

describe('numeric text', () => {
  it('accepts PMML decimal notation and the special values', () => {
    expect(result('+', str(' -1.5e1 '), int(1))).toEqual(dbl(-14));
    expect(result('+', str('.5'), int(1))).toEqual(dbl(1.5));
    expect(result('+', str('-INF'), int(1))).toEqual(dbl(-Infinity));
  });

  it('rejects JavaScript-only number syntax', () => {
    expect(() => call('+', str('0x10'), int(1))).toThrow(InvalidValueError);
    expect(() => call('+', str(''), int(1))).toThrow(InvalidValueError);
    expect(() => call('+', str('toString'), int(1))).toThrow(InvalidValueError);
  });
});
