import { describe, expect, it } from 'vitest';
import type { NeighborsSpec } from '../../../../engine/model/description.js';
import { cellText, neighborRows } from './neighbors.js';

const spec: NeighborsSpec = { numberOfNeighbors: 2, instanceCount: 10, measureKind: 'distance', measure: 'euclidean', inputs: ['x'], instanceFields: ['id', 'y', 'x'] };

const prediction = {
  inputs: { x: 0.8 },
  trace: {
    neighbors: [
      { id: 'c', affinity: 0.2, values: { id: 'c', x: '1', y: '3' } },
      { id: 'a', affinity: 0.8, values: { id: 'a', x: '0', y: '1' } },
    ],
  },
};

describe('neighborRows', () => {
  it('puts the compared fields first, with the record value beside them', () => {
    const { columns } = neighborRows(spec, prediction);
    expect(columns.map((c) => [c.field, c.isInput, c.recordValue])).toEqual([
      ['x', true, 0.8],
      ['id', false, undefined],
      ['y', false, undefined],
    ]);
  });

  it('ranks the neighbours with closeness as nearest distance over distance', () => {
    const { rows } = neighborRows(spec, prediction);
    expect(rows.map((r) => [r.rank, r.id])).toEqual([
      [1, 'c'],
      [2, 'a'],
    ]);
    expect(rows[1].closeness).toBeCloseTo(0.25, 12);
  });

  it('has no rows before a traced prediction', () => {
    expect(neighborRows(spec).rows).toEqual([]);
  });

  it('prints numeric instance values to six significant digits and leaves text alone', () => {
    expect(cellText('0.4057454188332764')).toBe('0.405745');
    expect(cellText('versicolor')).toBe('versicolor');
    expect(cellText(null)).toBe('—');
  });
});
