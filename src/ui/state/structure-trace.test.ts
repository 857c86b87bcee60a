import { describe, expect, it } from 'vitest';
import { toStructureTrace } from './structure-trace.js';

describe('toStructureTrace', () => {
  it('maps derived values, nested segments and regression terms for the structure views', () => {
    const trace = toStructureTrace(
      {
        derived: new Map([['z', 2]]),
        segments: [{ id: '1', weight: 1, value: 'a', decisionPath: ['1', '2'], segments: [{ id: '1.1', weight: 1, value: 3 }] }],
        contributions: [{ label: 'x', value: 6 }],
      },
      { kind: 'regression', tables: [{ intercept: 0, terms: [{ label: 'x', coefficient: 2 }] }] },
    );
    expect(trace?.derivedValues).toEqual({ z: 2 });
    expect(trace?.segments?.[0]).toMatchObject({ id: '1', value: 'a', decisionPath: ['1', '2'], trace: { segments: [{ id: '1.1', value: 3 }] } });
    expect(trace?.terms).toEqual([{ label: 'x', contribution: 6, coefficient: 2, value: 3 }]);
  });

  it('gives an opened segment its own model\'s terms and reason codes, matched to that segment\'s structure', () => {
    const regression = { kind: 'regression' as const, tables: [{ intercept: 0, terms: [{ label: 'x', coefficient: 4 }] }] };
    const trace = toStructureTrace(
      {
        derived: new Map(),
        segments: [
          { id: 'lr', weight: 1, value: 8, contributions: [{ label: 'x', value: 8 }] },
          { id: 'card', weight: 1, value: 10, reasonCodes: ['RC1'], explanation: { attributes: [{ index: 0, points: 10 }] } },
        ],
      },
      {
        kind: 'ensemble',
        method: 'modelChain',
        segments: [
          { id: 'lr', weight: 1, predicate: 'true', modelElement: 'RegressionModel', structure: regression },
          { id: 'card', weight: 1, predicate: 'true', modelElement: 'Scorecard', structure: { kind: 'other', element: 'Scorecard', summary: [] } },
        ],
      },
    );
    expect(trace?.segments?.[0].trace?.terms).toEqual([{ label: 'x', contribution: 8, coefficient: 4, value: 2 }]);
    expect(trace?.segments?.[1].trace).toMatchObject({ reasonCodes: ['RC1'], attributes: [{ index: 0, points: 10 }] });
  });

  it('matches each regression term to the coefficient of its own target category table', () => {
    const trace = toStructureTrace(
      {
        derived: new Map(),
        contributions: [
          { table: 'a', label: 'x', value: 4 },
          { table: 'b', label: 'x', value: -6 },
        ],
      },
      {
        kind: 'regression',
        tables: [
          { targetCategory: 'a', intercept: 1, terms: [{ label: 'x', coefficient: 2 }] },
          { targetCategory: 'b', intercept: 0, terms: [{ label: 'x', coefficient: -3 }] },
        ],
      },
    );
    expect(trace?.terms).toEqual([
      { table: 'a', label: 'x', contribution: 4, coefficient: 2, value: 2 },
      { table: 'b', label: 'x', contribution: -6, coefficient: -3, value: 2 },
    ]);
  });
});
