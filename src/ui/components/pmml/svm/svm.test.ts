import { describe, expect, it } from 'vitest';
import type { SupportVectorMachinesSpec } from '../../../../engine/model/description.js';
import { svmRows } from './svm.js';

const machine = (targetCategory: string, alternateCategory?: string) => ({ targetCategory, alternateCategory, supportVectorCount: 3, bias: 0.5, threshold: 0 });
const oneAgainstOne: SupportVectorMachinesSpec = {
  functionName: 'classification',
  kernel: 'linear: ⟨x, v⟩',
  classificationMethod: 'OneAgainstOne',
  maxWins: false,
  vectorFields: ['x1', 'x2'],
  vectorCount: 6,
  machines: [machine('A', 'B'), machine('A', 'C'), machine('B', 'C')],
};

describe('svmRows', () => {
  it('tallies OneAgainstOne votes, most first, and scales bars by the farthest value from its threshold', () => {
    const rows = svmRows(oneAgainstOne, { trace: { machines: [{ decision: -1, vote: 'A' }, { decision: -3, vote: 'A' }, { decision: 2, vote: 'C' }] } });
    expect(rows.tally).toEqual([{ category: 'A', votes: 2 }, { category: 'C', votes: 1 }]);
    expect(rows.scale).toBe(3);
    expect(rows.machines.map((m) => m.vote)).toEqual(['A', 'A', 'C']);
    expect(rows.machines.some((m) => m.isWinner)).toBe(false);
  });

  it('marks the OneAgainstAll machine with the smallest value as the winner unless maxWins', () => {
    const spec = { ...oneAgainstOne, classificationMethod: 'OneAgainstAll' as const, machines: [machine('A'), machine('B'), machine('C')] };
    const trace = { machines: [{ decision: 0.2, vote: 'A' }, { decision: -0.7, vote: 'B' }, { decision: 0.9, vote: 'C' }] };
    expect(svmRows(spec, { trace }).machines.map((m) => m.isWinner)).toEqual([false, true, false]);
    expect(svmRows({ ...spec, maxWins: true }, { trace }).machines.map((m) => m.isWinner)).toEqual([false, false, true]);
  });

  it('shows the machines without values before a record is traced', () => {
    const rows = svmRows(oneAgainstOne);
    expect(rows.machines.map((m) => m.decision)).toEqual([undefined, undefined, undefined]);
    expect(rows.tally).toEqual([]);
  });
});
