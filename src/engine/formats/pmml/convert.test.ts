import { describe, expect, it } from 'vitest';
import { floatAsDecimal } from './convert.js';

/** The definition: the fewest significant digits (1 to 9) whose decimal reads back as the same float32. */
function shortestByDefinition(value: number): number {
  for (let digits = 1; digits < 9; digits++) {
    const candidate = Number(value.toPrecision(digits));
    if (Math.fround(candidate) === value) return candidate;
  }
  return Number(value.toPrecision(9));
}

describe('floatAsDecimal', () => {
  it('gives the shortest decimal of a float32, as Java Float.toString does', () => {
    expect(floatAsDecimal(Math.fround(15.924594))).toBe(15.924594);
    expect(floatAsDecimal(Math.fround(0.1))).toBe(0.1);
    expect(floatAsDecimal(Math.fround(3.4028234663852886e38))).toBe(3.4028235e38);
    expect(floatAsDecimal(Math.fround(1e-45))).toBe(1e-45);
  });

  it('agrees with the digit-by-digit definition on floats from every exponent', () => {
    const bits = new Uint32Array(1);
    const float = new Float32Array(bits.buffer);
    for (let i = 0; i < 20_000; i++) {
      bits[0] = Math.imul(i, 2654435761) >>> 0;
      if (Number.isFinite(float[0])) expect(floatAsDecimal(float[0])).toBe(shortestByDefinition(float[0]));
    }
  });
});
