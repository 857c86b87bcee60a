import { describe, expect, it } from 'vitest';
import { UndefinedResultError } from '../../../errors.js';
import { erf, erfc, stdNormalCdf, stdNormalIdf } from './special.js';
import { call, dbl, expectClose, int, result } from './test-helpers.js';

// Reference values: mpmath 1.3 at 40–60 significant digits, for the exact double arguments.
describe('erf and erfc', () => {
  it.each([
    [1e-10, 1.128379167095512615e-10],
    [0.3, 0.32862675945912741619],
    [0.9, 0.79690821242283213966],
    [1.9, 0.99279042923525746724],
    [2.0, 0.99532226501895273416],
    [2.1, 0.99702053334366701571],
    [3.0, 0.99997790950300141456],
    [-0.7, -0.67780119383741844228],
    [-2.5, -0.99959304798255504106],
  ])('erf(%d) to 1e-15', (x, expected) => {
    expectClose(erf(x), expected, 1e-15);
  });

  it.each([
    [0.5, 0.47950012218695346232],
    [1.9, 0.0072095707647425327628],
    [2.0, 0.0046777349810472658379],
    [3, 0.000022090496998585441373],
    [5, 1.5374597944280348502e-12],
    [10, 2.088487583762544757e-45],
    [26, 5.6631924088561428465e-296],
  ])('erfc(%d) keeps relative accuracy in the tail', (x, expected) => {
    expectClose(erfc(x), expected, 1e-13);
  });

  it('is odd and bounded', () => {
    expect(erf(0)).toBe(0);
    expect(erf(-40)).toBe(-1);
    expect(erf(40)).toBe(1);
  });
});

describe('normal distribution functions', () => {
  it.each([
    [-37, 5.7255712225245768227e-300],
    [-20, 2.7536241186062336951e-89],
    [-8.5, 9.4795348222033183542e-18],
    [-2, 0.0227501319481792072],
    [0, 0.5],
    [1.96, 0.97500210485177956379],
    [8, 0.9999999999999993779],
  ])('stdNormalCDF(%d)', (x, expected) => {
    expectClose(stdNormalCdf(x), expected, 1e-13);
  });

  it.each([
    [1e-300, -37.047096299361199237],
    [1e-100, -21.273453560965324295],
    [1e-20, -9.2623400897984075737],
    [1e-10, -6.3613409024040562047],
    [0.025, -1.9599639845400542118],
    [0.3, -0.52440051270804081597],
    [0.975, 1.9599639845400538556],
    [0.999999, 4.7534243088170877657],
  ])('stdNormalIDF(%d) to 1e-14 (AS 241)', (p, expected) => {
    expectClose(stdNormalIdf(p), expected, 1e-14);
  });

  it('inverts the CDF where the probability still resolves x (the lower tail and the centre)', () => {
    for (const x of [-30, -5, -1, 0.3, 1]) expectClose(stdNormalIdf(stdNormalCdf(x)), x, 1e-12);
  });

  it('gives infinities at probabilities 0 and 1', () => {
    expect(result('stdNormalIDF', int(0))).toEqual(dbl(-Infinity));
    expect(result('stdNormalIDF', int(1))).toEqual(dbl(Infinity));
  });

  it('treats probabilities outside [0, 1] as undefined', () => {
    expect(() => call('stdNormalIDF', dbl(1.5))).toThrow(UndefinedResultError);
    expect(() => call('normalIDF', dbl(-0.1), dbl(0), dbl(1))).toThrow(UndefinedResultError);
  });

  it('computes the density', () => {
    expectClose(result('stdNormalPDF', dbl(0)).value as number, 1 / Math.sqrt(2 * Math.PI), 1e-15);
    expectClose(result('normalPDF', dbl(3), dbl(1), dbl(2)).value as number, Math.exp(-0.5) / (2 * Math.sqrt(2 * Math.PI)), 1e-15);
  });

  it('shifts and scales by mu and sigma', () => {
    expectClose(result('normalCDF', dbl(5), dbl(1), dbl(2)).value as number, 0.9772498680518207928, 1e-14);
    expectClose(result('normalIDF', dbl(0.975), dbl(10), dbl(3)).value as number, 10 + 3 * 1.9599639845400538556, 1e-14);
  });

  it('requires a positive standard deviation', () => {
    expect(() => call('normalCDF', dbl(1), dbl(0), dbl(0))).toThrow(UndefinedResultError);
    expect(() => call('normalPDF', dbl(1), dbl(0), dbl(-1))).toThrow(UndefinedResultError);
  });

  it('returns doubles for integer arguments', () => {
    expect(result('erf', int(0))).toEqual(dbl(0));
  });
});
