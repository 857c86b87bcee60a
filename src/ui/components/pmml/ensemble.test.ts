import { describe, expect, it } from 'vitest';
import { fixtures } from '../structure/fixtures.js';
import type { StructureOf } from '../structure/types.js';
import { combinedValue, methodSummary, segmentPrediction, segmentRows, voteTally, weighsSegments } from './ensemble.js';

const structure = fixtures.ensemble.structure as StructureOf<'ensemble'>;

describe('segmentRows', () => {
  it('joins each segment with its traced result and numeric contribution', () => {
    const rows = segmentRows(structure, { trace: { segments: [{ id: '2', value: 0.5 }, { id: '3', selected: false, value: 7 }] } });
    expect(rows.map((r) => r.valueText)).toEqual(['', '0.5', '']);
    expect(rows[1].contribution).toBeCloseTo(0.5);
    expect(rows[2].contribution).toBeUndefined();
  });

  it('passes a segment its own decision path', () => {
    expect(segmentPrediction({ id: '1', decisionPath: ['1', '3'] })?.decisionPath).toEqual(['1', '3']);
    expect(segmentPrediction({ id: '1', selected: false })).toBeUndefined();
  });

  it('hands a segment the record the ensemble scored', () => {
    const parent = { inputs: { x: 1 }, trace: { derivedValues: { y: 2 } } };
    const prediction = segmentPrediction({ id: '1', decisionPath: ['1'] }, parent);
    expect(prediction?.inputs).toEqual({ x: 1 });
    expect(prediction?.trace?.derivedValues).toEqual({ y: 2 });
  });
});

describe('voteTally', () => {
  it('counts categorical segment results, most weight first', () => {
    const rows = segmentRows(structure, {
      trace: { segments: [{ id: '1', value: 'versicolor' }, { id: '2', value: 'setosa' }, { id: '3', value: 'setosa' }] },
    });
    expect(voteTally(rows)).toEqual([
      { value: 'setosa', count: 2, weight: 2 },
      { value: 'versicolor', count: 1, weight: 1 },
    ]);
  });
});

describe('combinedValue', () => {
  const trace = { segments: [{ id: '1', value: 1 }, { id: '2', value: 2 }, { id: '3', value: 6 }] };

  it('sums, averages and takes the median of numeric segment results', () => {
    const rows = segmentRows(structure, { trace });
    expect(combinedValue('sum', rows)).toBeCloseTo(9);
    expect(combinedValue('average', rows)).toBeCloseTo(3);
    expect(combinedValue('median', rows)).toBeCloseTo(2);
  });

  it('has no combined number for voting methods', () => {
    expect(combinedValue('majorityVote', segmentRows(structure, { trace }))).toBeUndefined();
  });
});

describe('how an ensemble method reads', () => {
  it('shows weights for combining methods only, not for chains and selections', () => {
    expect(['sum', 'weightedAverage', 'majorityVote'].map(weighsSegments)).toEqual([true, true, true]);
    expect(['modelChain', 'selectFirst', 'selectAll'].map(weighsSegments)).toEqual([false, false, false]);
  });

  it('says that a model chain feeds each segment into the next', () => {
    expect(methodSummary('modelChain', 2)).toMatch(/^2 segments in a chain .*the last segment gives the result\.$/);
    expect(methodSummary('sum', 1)).toBe('1 segment combined by sum.');
  });
});
