import { describe, expect, it } from 'vitest';
import type { ClusteringSpec } from '../../../../engine/model/description.js';
import { clusteringRows, position } from './clustering.js';

const spec: ClusteringSpec = {
  fields: ['x', 'y'],
  measureKind: 'distance',
  measure: 'euclidean',
  clusters: [
    { id: '1', name: 'low', center: [0, 10] },
    { id: '2', center: [4, 10] },
  ],
};

const prediction = { inputs: { x: '1', y: 10 }, trace: { ranking: [{ id: '1', affinity: 1 }, { id: '2', affinity: 4 }] } };

describe('clusteringRows', () => {
  it('assigns the record to the first ranked cluster', () => {
    expect(clusteringRows(spec, prediction).winner).toBe('1');
  });

  it('ranks clusters and scales closeness as nearest distance over distance', () => {
    const rows = clusteringRows(spec, prediction).clusters;
    expect(rows.map((c) => c.rank)).toEqual([1, 2]);
    expect(rows[0].closeness).toBeCloseTo(1, 12);
    expect(rows[1].closeness).toBeCloseTo(0.25, 12);
  });

  it('scales similarities by the most similar cluster', () => {
    const rows = clusteringRows({ ...spec, measureKind: 'similarity' }, { trace: { ranking: [{ id: '2', affinity: 0.8 }, { id: '1', affinity: 0.2 }] } }).clusters;
    expect(rows.find((c) => c.id === '1')?.closeness).toBeCloseTo(0.25, 12);
  });

  it('spans each field over the centres and the record, reading numeric text inputs', () => {
    const [x, y] = clusteringRows(spec, prediction).fields;
    expect(x).toEqual({ field: 'x', min: 0, max: 4, value: 1 });
    expect(position(x, 1)).toBeCloseTo(0.25, 12);
    expect(position(y, 10)).toBe(0.5);
  });
});
