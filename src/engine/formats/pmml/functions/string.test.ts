import { describe, expect, it } from 'vitest';
import { InvalidValueError } from '../../../errors.js';
import { call, dbl, flt, int, result, str, typed } from './test-helpers.js';

describe('uppercase, lowercase, stringLength, trimBlanks', () => {
  it('changes case', () => {
    expect(result('uppercase', str('Value'))).toEqual(str('VALUE'));
    expect(result('lowercase', str('Value'))).toEqual(str('value'));
  });

  it('counts UTF-16 code units as Java String.length does', () => {
    expect(result('stringLength', str('abc'))).toEqual(int(3));
    expect(result('stringLength', str('😀'))).toEqual(int(2));
  });

  it('trims every control and blank character at both ends', () => {
    expect(result('trimBlanks', str('\tvalue \n'))).toEqual(str('value'));
    expect(result('trimBlanks', str('  inner  space '))).toEqual(str('inner  space'));
  });

  it('reads numbers in their Java text form', () => {
    expect(result('uppercase', dbl(1e10))).toEqual(str('1.0E10'));
    expect(result('stringLength', dbl(2))).toEqual(int(3));
  });
});

describe('substring', () => {
  it('takes length characters from a 1-based start (PMML example substring("aBc9x", 2, 3) = "Bc9")', () => {
    expect(result('substring', str('aBc9x'), int(2), int(3))).toEqual(str('Bc9'));
  });

  it('yields what is there when the range passes the end', () => {
    expect(result('substring', str('value'), int(2), int(100))).toEqual(str('alue'));
    expect(result('substring', str('value'), int(6), int(1))).toEqual(str(''));
    expect(result('substring', str(''), int(1), int(0))).toEqual(str(''));
  });

  it('rejects a start before 1 and a negative length', () => {
    expect(() => call('substring', str('value'), int(0), int(1))).toThrow(InvalidValueError);
    expect(() => call('substring', str('value'), int(1), int(-1))).toThrow(InvalidValueError);
  });

  it('rejects a fractional position', () => {
    expect(() => call('substring', str('value'), dbl(1.5), int(1))).toThrow(InvalidValueError);
  });
});

describe('concat', () => {
  it('joins text forms, skipping missing values', () => {
    expect(result('concat', str('2'), null, str('-'), null, str('2000'))).toEqual(str('2-2000'));
    expect(result('concat', int(2), str('-'), int(2000))).toEqual(str('2-2000'));
  });

  it('writes doubles, floats and dates as Java and ISO text', () => {
    expect(result('concat', dbl(2), str('|'), flt(0.1), str('|'), typed('date', 0))).toEqual(str('2.0|0.1|1970-01-01'));
  });
});
