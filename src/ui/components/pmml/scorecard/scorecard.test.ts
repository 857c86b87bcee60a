import { describe, expect, it } from 'vitest';
import type { ScorecardSpec } from '../../../../engine/model/description.js';
import { scorecardRows } from './scorecard.js';

/** The DMG Scorecard example: department, age and income, reason codes by pointsBelow. */
const spec: ScorecardSpec = {
  initialScore: 0,
  reasonCodeAlgorithm: 'pointsBelow',
  characteristics: [
    { name: 'departmentScore', baselineScore: 19, reasonCode: 'RC1', attributes: [{ predicate: 'department = marketing', partialScore: 19 }, { predicate: 'department = engineering', partialScore: 3 }] },
    { name: 'ageScore', baselineScore: 18, reasonCode: 'RC2', attributes: [{ predicate: 'age ≤ 29', partialScore: 0 }, { predicate: 'age > 29', partialScore: 12 }] },
    { name: 'incomeScore', baselineScore: 10, reasonCode: 'RC3', attributes: [{ predicate: 'income ≤ 2500', partialScore: 5 }, { predicate: 'income > 2500', partialScore: -3, reasonCode: 'RC4' }] },
  ],
};

const trace = {
  attributes: [
    { index: 1, points: 3 },
    { index: 0, points: 0 },
    { index: 1, points: -3 },
  ],
  reasonCodes: ['RC2', 'RC1', 'RC4'],
};

describe('scorecardRows', () => {
  it('marks the matched attribute of every characteristic with its points', () => {
    const rows = scorecardRows(spec, { trace });
    expect(rows.characteristics.map((c) => [c.matched, c.points])).toEqual([
      [1, 3],
      [0, 0],
      [1, -3],
    ]);
  });

  it('adds the matched points to the initial score', () => {
    expect(scorecardRows(spec, { trace }).total).toBeCloseTo(0, 12);
  });

  it('gives each ranked reason code its points below the baselines, using the attribute code over the characteristic code', () => {
    expect(scorecardRows(spec, { trace }).reasons).toEqual([
      { code: 'RC2', rank: 1, points: 18 },
      { code: 'RC1', rank: 2, points: 16 },
      { code: 'RC4', rank: 3, points: 13 },
    ]);
  });

  it('has no total or reasons without a traced prediction', () => {
    const rows = scorecardRows(spec);
    expect(rows.total).toBeUndefined();
    expect(rows.reasons).toEqual([]);
  });
});
