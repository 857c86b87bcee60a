import { describe, expect, it } from 'vitest';
import { call, dbl, flt, int, result, typed } from './test-helpers.js';

describe('min max sum avg median product', () => {
  it('computes the PMML example min(2.5, 4, 1.5) = 1.5', () => {
    expect(result('min', dbl(2.5), dbl(4), dbl(1.5))).toEqual(dbl(1.5));
  });

  it('ignores missing inputs', () => {
    expect(result('max', null, int(1), int(3), null)).toEqual(int(3));
    expect(result('avg', null, int(1), int(2), int(3))).toEqual(dbl(2));
    expect(result('sum', int(1), null, int(5))).toEqual(int(6));
  });

  it('returns missing when every input is missing', () => {
    expect(call('sum', null, null)).toBeNull();
    expect(call('avg', null)).toBeNull();
  });

  it('keeps the widest input type for min, max, sum and product', () => {
    expect(result('product', int(2), int(3), int(4))).toEqual(int(24));
    expect(result('sum', int(1), flt(0.5)).dataType).toBe('float');
    expect(result('min', int(1), dbl(0.5))).toEqual(dbl(0.5));
  });

  it('averages integers into a double', () => {
    expect(result('avg', int(1), int(2))).toEqual(dbl(1.5));
  });

  it('takes the middle value, or the mean of the two middle values', () => {
    expect(result('median', dbl(5), dbl(1), dbl(3))).toEqual(dbl(3));
    expect(result('median', int(4), int(1), int(3), int(2))).toEqual(dbl(2.5));
  });

  it('accepts a single argument', () => {
    expect(result('sum', dbl(7))).toEqual(dbl(7));
  });
});

describe('min and max of dates', () => {
  it('keep the temporal type when every input has it', () => {
    expect(result('min', typed('date', 3), typed('date', -2))).toEqual(typed('date', -2));
    expect(result('max', typed('dateTime', 3), null, typed('dateTime', 9))).toEqual(typed('dateTime', 9));
  });
});
