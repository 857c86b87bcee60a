import { describe, expect, it } from 'vitest';
import type { NaiveBayesSpec } from '../../../../engine/model/description.js';
import { evidenceTable } from './naive-bayes.js';

const spec: NaiveBayesSpec = {
  classes: [{ value: 'yes', count: 8 }, { value: 'no', count: 8 }],
  inputs: [{ field: 'colour', evidence: 'counts of 3 values' }, { field: 'size', evidence: 'Gaussian' }],
  threshold: 0.01,
};

describe('evidenceTable', () => {
  it('sums the prior and each input per class, and turns the sums into the class probabilities', () => {
    const prior = [Math.log(8), Math.log(8)];
    const colour = [Math.log(2 / 8), Math.log(3 / 8)];
    const table = evidenceTable(spec, { trace: { bayes: { classes: ['yes', 'no'], prior, inputs: [colour, null] } } });
    expect(table.rows.map((r) => r.favours)).toEqual([undefined, 1, undefined]);
    expect(table.rows[2].logs).toBeUndefined();
    expect(table.winner).toBe(1);
    expect(table.probabilities?.[0]).toBeCloseTo(2 / 5, 12);
    expect(table.totals?.[1]).toBeCloseTo(Math.log(8 * (3 / 8)), 12);
  });

  it('lists the classes and inputs without numbers before a record is traced', () => {
    const table = evidenceTable(spec);
    expect(table.classes).toEqual(['yes', 'no']);
    expect(table.rows.map((r) => r.label)).toEqual(['Prior (class count)', 'colour', 'size']);
    expect(table.totals).toBeUndefined();
  });
});
