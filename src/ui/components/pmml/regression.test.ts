import { describe, expect, it } from 'vitest';
import { fixtures } from '../structure/fixtures.js';
import type { StructureOf } from '../structure/types.js';
import { normalizationNote, regressionRows, termValue } from './regression.js';

const structure = fixtures.regression.structure as StructureOf<'regression'>;

describe('termValue', () => {
  it('reads numeric, categorical, power and product terms from the inputs', () => {
    const inputs = { age: 30, region: 'north', x: '2' };
    expect(termValue('age', inputs)).toBe(30);
    expect(termValue('region=north', inputs)).toBe(1);
    expect(termValue('region=south', inputs)).toBe(0);
    expect(termValue('x^2', inputs)).toBe(4);
    expect(termValue('age*x', inputs)).toBe(60);
  });

  it('multiplies an interaction of categorical factors instead of reading it as one category', () => {
    const inputs = { sex: '0', minority: '0' };
    expect(termValue('sex=0*minority=0', inputs)).toBe(1);
    expect(termValue('sex=1*minority=0', inputs)).toBe(0);
    expect(termValue('op=a*b', { op: 'a*b' })).toBe(1);
  });

  it('is undefined when a factor is missing', () => {
    expect(termValue('age', { age: null })).toBeUndefined();
  });
});

describe('regressionRows', () => {
  it('computes each term as value × coefficient and sorts by contribution size', () => {
    const [table] = regressionRows(structure, { inputs: { age: 40, income: 50_000, region: 'south' } });
    expect(table.terms.map((t) => t.label)).toEqual(['income', 'age', 'region=north']);
    expect(table.terms[0].contribution).toBeCloseTo(-100);
    expect(table.total).toBeCloseTo(1.5 + 10 - 100 + 0);
  });

  it('prefers the contributions the trace reports', () => {
    const trace = { terms: [{ label: 'age', coefficient: 0.25, value: 8, contribution: 2 }] };
    const [table] = regressionRows(structure, { trace });
    expect(table.terms.find((t) => t.label === 'age')?.contribution).toBe(2);
    expect(table.total).toBeUndefined();
  });

  it('sorts by coefficient size when there is no prediction', () => {
    const [table] = regressionRows(structure);
    expect(table.hasContributions).toBe(false);
    expect(table.terms[0].label).toBe('region=north');
  });
});

describe('termValue with derived fields', () => {
  it('reads a categorical indicator on a derived field whose name holds operators', () => {
    const values = { 'lookup(cylinders, origin)': '4/2', 'weight / displacement + 0.5': 12 };
    expect(termValue('lookup(cylinders, origin)=4/2', values)).toBe(1);
    expect(termValue('lookup(cylinders, origin)=6/1', values)).toBe(0);
    expect(termValue('weight / displacement + 0.5', values)).toBe(12);
  });
});

describe('normalizationNote', () => {
  it('says nothing for plain linear models and names the normalisation otherwise', () => {
    expect(['none', 'identity', 'regression', 'generalLinear', undefined].map(normalizationNote)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(normalizationNote('logit')).toBe('Linear predictors are normalised with logit.');
  });

  it('describes a Cox regression as scaling the baseline hazard, not as a normalisation', () => {
    expect(normalizationNote('CoxRegression')).toMatch(/^Cox regression: .*baseline cumulative hazard/);
  });
});
