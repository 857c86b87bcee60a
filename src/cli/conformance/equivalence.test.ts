import { describe, expect, it } from 'vitest';
import { describeDifference, isEquivalent, isWithinPrecision, parseBoolean, parseNumber, ulpOfFloat32, ulpOfFloat64, type Equivalence } from './equivalence.js';

const pmml: Equivalence = { type: 'PMMLEquivalence', precision: 1e-13, zeroThreshold: 1e-13 };

describe('PMMLEquivalence', () => {
  it('accepts a value within the relative precision of the expected one', () => {
    expect(isEquivalent(pmml, '0.3', 0.1 + 0.2)).toBe(true);
  });

  it('rejects a value just outside the relative precision', () => {
    expect(isEquivalent(pmml, '1000', 1000 * (1 + 2e-13))).toBe(false);
  });

  it('swaps the bounds for a negative expected value', () => {
    expect(isWithinPrecision(-2, -2 * (1 + 5e-14), 1e-13, 1e-13)).toBe(true);
    expect(isWithinPrecision(-2, -2 * (1 + 5e-13), 1e-13, 1e-13)).toBe(false);
    expect(isWithinPrecision(-2, 2, 1e-13, 1e-13)).toBe(false);
  });

  it('treats values below the zero threshold on both sides as equal', () => {
    expect(isEquivalent(pmml, '1e-14', -5e-14)).toBe(true);
    expect(isEquivalent(pmml, '0.0', 0)).toBe(true);
  });

  it('does not treat a small expected value as zero when the actual value is large', () => {
    expect(isEquivalent(pmml, '1e-14', 1e-3)).toBe(false);
  });

  it('compares an integer result with an expected cell written as a decimal', () => {
    expect(isEquivalent(pmml, '1.0', 1)).toBe(true);
    expect(isEquivalent(pmml, '2', 2)).toBe(true);
  });

  it('matches a text label with the same number in another spelling', () => {
    expect(isEquivalent(pmml, '1.0', '1')).toBe(true);
    expect(isEquivalent(pmml, '1.5', '1')).toBe(false);
  });

  it('compares text labels exactly', () => {
    expect(isEquivalent(pmml, 'setosa', 'setosa')).toBe(true);
    expect(isEquivalent(pmml, 'Setosa', 'setosa')).toBe(false);
  });

  it('reads booleans as the frameworks write them', () => {
    expect(isEquivalent(pmml, 'True', true)).toBe(true);
    expect(isEquivalent(pmml, 'false', false)).toBe(true);
    expect(isEquivalent(pmml, '1', true)).toBe(true);
    expect(isEquivalent(pmml, 'true', false)).toBe(false);
    expect(isEquivalent(pmml, 'yes', true)).toBe(false);
  });

  it('requires a missing result where the expected cell is missing, and a value elsewhere', () => {
    expect(isEquivalent(pmml, null, null)).toBe(true);
    expect(isEquivalent(pmml, null, 0)).toBe(false);
    expect(isEquivalent(pmml, '0', null)).toBe(false);
  });

  it('rejects a number where the expected cell is not one', () => {
    expect(isEquivalent(pmml, 'setosa', 1)).toBe(false);
  });

  it('matches NaN with NaN and infinities by sign', () => {
    expect(isEquivalent(pmml, 'NaN', Number.NaN)).toBe(true);
    expect(isEquivalent(pmml, '-inf', -Infinity)).toBe(true);
    expect(isEquivalent(pmml, 'Infinity', -Infinity)).toBe(false);
    expect(isEquivalent(pmml, '1', Number.NaN)).toBe(false);
  });
});

describe('FloatEquivalence', () => {
  const float: Equivalence = { type: 'FloatEquivalence', toleranceUlps: 2 };

  it('accepts a value within n float32 ULPs of the expected one', () => {
    const expected = Math.fround(0.1);
    expect(isEquivalent(float, String(expected), expected + 2 * ulpOfFloat32(expected))).toBe(true);
  });

  it('rejects a value more than n float32 ULPs away', () => {
    const expected = Math.fround(0.1);
    expect(isEquivalent(float, String(expected), expected + 3 * ulpOfFloat32(expected))).toBe(false);
  });

  it('rounds both values to float32 first', () => {
    expect(isEquivalent(float, '0.1', 0.1 + 1e-12)).toBe(true);
  });

  it('measures ULPs the same way for negative values', () => {
    const expected = Math.fround(-123.456);
    expect(isEquivalent(float, String(expected), expected - 2 * ulpOfFloat32(expected))).toBe(true);
    expect(isEquivalent(float, String(expected), expected - 3 * ulpOfFloat32(expected))).toBe(false);
  });
});

describe('RealNumberEquivalence', () => {
  const real: Equivalence = { type: 'RealNumberEquivalence', toleranceUlps: 2 };

  it('accepts a value within n float64 ULPs and rejects one farther away', () => {
    expect(isEquivalent(real, '0.3', 0.3 + 2 * ulpOfFloat64(0.3))).toBe(true);
    expect(isEquivalent(real, '0.3', 0.3 + 3 * ulpOfFloat64(0.3))).toBe(false);
  });
});

describe('ULPs', () => {
  it('gives the float32 spacing of the binade', () => {
    expect(ulpOfFloat32(1)).toBe(2 ** -23);
    expect(ulpOfFloat32(-1)).toBe(2 ** -23);
    expect(ulpOfFloat32(0)).toBe(2 ** -149);
  });

  it('gives the float64 spacing of the binade', () => {
    expect(ulpOfFloat64(1)).toBe(Number.EPSILON);
    expect(ulpOfFloat64(-1024)).toBe(1024 * Number.EPSILON);
  });
});

describe('reading expected cells', () => {
  it('reads numbers in the spellings the frameworks use', () => {
    expect(parseNumber('9.48262782582305e-06')).toBeCloseTo(9.48262782582305e-6, 20);
    expect(parseNumber('-inf')).toBe(-Infinity);
    expect(parseNumber('setosa')).toBeUndefined();
    expect(parseNumber('')).toBeUndefined();
  });

  it('reads only true/false and 1/0 as booleans', () => {
    expect(parseBoolean('TRUE')).toBe(true);
    expect(parseBoolean('0.0')).toBe(false);
    expect(parseBoolean('2')).toBeUndefined();
  });
});

describe('describeDifference', () => {
  it('gives the relative difference under PMMLEquivalence', () => {
    expect(describeDifference(pmml, '100', 101)).toBe('relative difference 0.010');
  });

  it('counts float32 ULPs under FloatEquivalence', () => {
    const expected = Math.fround(0.1);
    expect(describeDifference({ type: 'FloatEquivalence', toleranceUlps: 1 }, String(expected), expected + 3 * ulpOfFloat32(expected))).toBe('3.00 float32 ULPs');
  });

  it('says nothing when a side is not a number', () => {
    expect(describeDifference(pmml, 'setosa', 'virginica')).toBeUndefined();
    expect(describeDifference(pmml, null, 1)).toBeUndefined();
  });
});

describe('list results', () => {
  it('match a bracketed cell item by item, with the equivalence for each item', () => {
    expect(isEquivalent(pmml, '[1, 0.3]', ['1', 0.1 + 0.2])).toBe(true);
    expect(isEquivalent(pmml, '[]', [])).toBe(true);
  });

  it('differ from a cell with other items, another length, or no brackets', () => {
    expect(isEquivalent(pmml, '[1, 3]', ['1', '2'])).toBe(false);
    expect(isEquivalent(pmml, '[1]', ['1', '2'])).toBe(false);
    expect(isEquivalent(pmml, '1', ['1'])).toBe(false);
  });
});
