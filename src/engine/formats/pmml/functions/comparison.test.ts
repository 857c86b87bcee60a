import { describe, expect, it } from 'vitest';
import { lookupBuiltin } from './registry.js';
import { bool, call, dbl, flt, int, result, str, typed } from './test-helpers.js';

describe('equal and notEqual', () => {
  it('compares numbers of different types by value', () => {
    expect(result('equal', int(1), dbl(1))).toEqual(bool(true));
    expect(result('notEqual', int(1), int(3))).toEqual(bool(true));
  });

  it('compares strings exactly', () => {
    expect(result('equal', str('a'), str('a'))).toEqual(bool(true));
    expect(result('equal', str('a'), str('A'))).toEqual(bool(false));
  });

  it('compares numeric text with a number as a number', () => {
    expect(result('equal', str('2.0'), int(2))).toEqual(bool(true));
  });

  it('compares other text with a number as text', () => {
    expect(result('equal', str('two'), int(2))).toEqual(bool(false));
  });

  it('compares booleans with numbers as 0 and 1', () => {
    expect(result('equal', bool(true), int(1))).toEqual(bool(true));
  });

  it('reads the second operand at the precision of a float first operand', () => {
    expect(result('equal', flt(0.1), dbl(0.1))).toEqual(bool(true));
    expect(result('isIn', flt(0.1), dbl(0.2), dbl(0.1))).toEqual(bool(true));
    expect(result('equal', dbl(0.1), flt(0.1))).toEqual(bool(false));
  });

  it('never finds NaN equal', () => {
    expect(result('equal', dbl(NaN), dbl(NaN))).toEqual(bool(false));
    expect(result('notEqual', dbl(NaN), dbl(NaN))).toEqual(bool(true));
  });

  it('returns missing for a missing operand', () => {
    expect(call('equal', null, int(1))).toBeNull();
  });
});

describe('lessThan, lessOrEqual, greaterThan, greaterOrEqual', () => {
  it('orders numbers', () => {
    expect(result('lessThan', int(1), dbl(3))).toEqual(bool(true));
    expect(result('lessOrEqual', int(1), dbl(1))).toEqual(bool(true));
    expect(result('greaterThan', dbl(3), int(1))).toEqual(bool(true));
    expect(result('greaterOrEqual', int(3), dbl(3.5))).toEqual(bool(false));
  });

  it('orders booleans as false < true against numbers', () => {
    expect(result('lessThan', bool(false), dbl(0.5))).toEqual(bool(true));
    expect(result('greaterThan', bool(true), dbl(0.5))).toEqual(bool(true));
  });

  it('orders strings by code units', () => {
    expect(result('lessThan', str('B'), str('a'))).toEqual(bool(true));
  });

  it('orders dates', () => {
    expect(result('lessThan', typed('date', -1), typed('date', 0))).toEqual(bool(true));
  });
});

describe('isIn and isNotIn', () => {
  it('finds a value among the rest of the arguments', () => {
    expect(result('isIn', str('3'), str('1'), str('2'), str('3'))).toEqual(bool(true));
    expect(result('isNotIn', int(0), int(1), int(2), int(3))).toEqual(bool(true));
    expect(result('isIn', dbl(3), int(1), int(3))).toEqual(bool(true));
  });

  it('treats a missing value as in the list only when the list holds a missing value', () => {
    expect(lookupBuiltin('isIn')?.isMissingTolerant).toBe(true);
    expect(result('isIn', null, str('1'), str('2'))).toEqual(bool(false));
    expect(result('isNotIn', null, str('1'), str('2'))).toEqual(bool(true));
    expect(result('isIn', null, str('1'), null)).toEqual(bool(true));
  });

  it('skips missing list entries for a present value', () => {
    expect(result('isIn', str('1'), null, str('1'))).toEqual(bool(true));
  });
});
