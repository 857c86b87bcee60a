import { describe, expect, it } from 'vitest';
import { UndefinedResultError } from '../../../errors.js';
import { lookupBuiltin } from './registry.js';
import { call, dbl, expectClose, flt, int, result } from './test-helpers.js';

const num = (name: string, ...args: number[]): number => result(name, ...args.map(dbl)).value as number;

describe('logarithms, roots and exponentials', () => {
  it('computes log10, ln, sqrt and exp as doubles', () => {
    expect(result('log10', int(1000))).toEqual(dbl(3));
    expect(num('ln', Math.E)).toBe(1);
    expect(result('sqrt', int(16))).toEqual(dbl(4));
    expect(num('exp', 0)).toBe(1);
  });

  it('keeps float inputs float', () => {
    expect(result('sqrt', flt(2))).toEqual(flt(Math.SQRT2));
  });

  it('stays accurate near zero with expm1 and ln1p', () => {
    expectClose(num('expm1', 1e-10), 1.00000000005e-10, 1e-15);
    expectClose(num('ln1p', 1e-10), 9.9999999995e-11, 1e-15);
  });

  it('treats a NaN result as undefined (sqrt(-1), ln(-1))', () => {
    expect(() => call('sqrt', dbl(-1))).toThrow(UndefinedResultError);
    expect(() => call('ln', dbl(-1))).toThrow(UndefinedResultError);
  });

  it('gives -INF for ln(0)', () => {
    expect(num('ln', 0)).toBe(-Infinity);
  });

  it('passes NaN inputs through', () => {
    expect(Number.isNaN(num('exp', NaN))).toBe(true);
  });
});

describe('abs, pow, threshold', () => {
  it('keeps the type of abs', () => {
    expect(result('abs', int(-3))).toEqual(int(3));
    expect(result('abs', flt(-1.5))).toEqual(flt(1.5));
    expect(result('abs', dbl(-2.25))).toEqual(dbl(2.25));
  });

  it('raises integers to integer powers as integers', () => {
    expect(result('pow', int(2), int(10))).toEqual(int(1024));
    expect(result('pow', int(2), int(-1))).toEqual(dbl(0.5));
    expect(result('pow', dbl(0), dbl(0))).toEqual(dbl(1));
  });

  it('returns 1 only when x is greater than y', () => {
    expect(result('threshold', int(3), int(2))).toEqual(int(1));
    expect(result('threshold', int(3), int(3))).toEqual(int(0));
    expect(result('threshold', dbl(2), int(3))).toEqual(dbl(0));
  });
});

describe('floor, ceil, round, rint', () => {
  it('rounds to integers', () => {
    expect(result('floor', dbl(-1.5))).toEqual(int(-2));
    expect(result('ceil', dbl(1.01))).toEqual(int(2));
    expect(result('floor', flt(1.99))).toEqual(int(1));
  });

  it('rounds halves towards positive infinity like Java Math.round', () => {
    expect(result('round', dbl(2.5))).toEqual(int(3));
    expect(result('round', dbl(-2.5))).toEqual(int(-2));
    expect(result('round', dbl(-2.51))).toEqual(int(-3));
  });

  it('rounds halves to even with rint and keeps the type', () => {
    expect(result('rint', dbl(2.5))).toEqual(dbl(2));
    expect(result('rint', dbl(3.5))).toEqual(dbl(4));
    expect(result('rint', dbl(-2.5))).toEqual(dbl(-2));
    expect(result('rint', dbl(2.4))).toEqual(dbl(2));
  });

  it('has no integer result for infinity', () => {
    expect(() => call('floor', dbl(Infinity))).toThrow(UndefinedResultError);
  });
});

describe('trigonometry', () => {
  const angle = Math.PI / 6;

  it('computes the trigonometric and hyperbolic functions', () => {
    expectClose(num('sin', angle), 0.5, 1e-15);
    expectClose(num('cos', angle), Math.sqrt(3) / 2, 1e-15);
    expectClose(num('tan', angle), 1 / Math.sqrt(3), 1e-15);
    expectClose(num('asin', 0.5), angle, 1e-15);
    expectClose(num('sinh', angle), 0.5478534738880397, 1e-12);
    expectClose(num('cosh', angle), 1.1402383210764289, 1e-12);
    expectClose(num('tanh', angle), 0.4804727781564516, 1e-12);
  });

  it('treats asin and acos outside [-1, 1] as undefined', () => {
    expect(() => call('asin', dbl(2))).toThrow(UndefinedResultError);
    expect(() => call('acos', dbl(-1.5))).toThrow(UndefinedResultError);
  });

  it('computes hypot and atan2 (y first) as doubles', () => {
    expect(result('hypot', int(3), int(4))).toEqual(dbl(5));
    expectClose(num('atan2', 1, -1), (3 * Math.PI) / 4, 1e-15);
  });

  it('answers to the JPMML 1.4 x- names', () => {
    expect(lookupBuiltin('x-hypot')?.apply([int(3), int(4)])).toEqual(dbl(5));
  });
});
