import { describe, expect, it } from 'vitest';
import { accurateExp } from './accurate-exp.js';

describe('accurateExp', () => {
  // Correctly rounded values (60-digit decimal arithmetic) where V8's Math.exp or glibc's exp is one ulp off.
  it.each([
    [-0.31199844385850506, 0.7319826672960285],
    [-0.2998470179334095, 0.7409315612534021],
    [-0.3092414270882793, 0.734003540295575],
    [-41.676586219610215, 7.944902652799338e-19],
    [6.443997784496162, 628.9160515860233],
  ])('rounds exp(%f) correctly', (x, expected) => {
    expect(accurateExp(x)).toBe(expected);
  });

  it('agrees with Math.exp to within one unit in the last place across the range', () => {
    for (let x = -699; x < 699; x += 0.37) {
      const a = accurateExp(x);
      const b = Math.exp(x);
      expect(Math.abs(a - b)).toBeLessThanOrEqual(Math.abs(b) * 2.3e-16);
    }
  });

  it('is exact at 0 and falls back to Math.exp for overflow, underflow and NaN', () => {
    expect(accurateExp(0)).toBe(1);
    expect(accurateExp(1000)).toBe(Infinity);
    expect(accurateExp(-1000)).toBe(0);
    expect(accurateExp(NaN)).toBeNaN();
  });
});
