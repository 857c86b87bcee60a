import { describe, expect, it } from 'vitest';
import type { FieldSpec } from '../../engine/model/description.js';
import { entryValue, fieldControl, isInInterval, niceStep } from './form-schema.js';

const continuous = (extra: Partial<FieldSpec> = {}): FieldSpec => ({ name: 'x', dataType: 'double', opType: 'continuous', ...extra });

describe('fieldControl', () => {
  it('offers the declared values of a categorical field, first one selected', () => {
    const control = fieldControl({ name: 'species', dataType: 'string', opType: 'categorical', values: ['setosa', 'versicolor'] });
    expect(control).toMatchObject({ kind: 'select', options: ['setosa', 'versicolor'], initial: 'setosa' });
  });

  it('bounds the slider by the declared interval and starts at its midpoint', () => {
    const control = fieldControl(continuous({ intervals: [{ closure: 'closedClosed', leftMargin: 4.3, rightMargin: 7.9 }] }));
    expect(control.kind).toBe('number');
    if (control.kind !== 'number') return;
    expect(control.range).toMatchObject({ min: 4.3, max: 7.9 });
    expect(Number(control.initial)).toBeCloseTo(6.1, 10);
  });

  it('spans several intervals with one slider', () => {
    const control = fieldControl(continuous({ intervals: [{ closure: 'closedOpen', leftMargin: 0, rightMargin: 1 }, { closure: 'closedClosed', leftMargin: 5, rightMargin: 10 }] }));
    expect(control.kind === 'number' && control.range).toMatchObject({ min: 0, max: 10 });
  });

  it('gives an unbounded number no slider and starts at zero', () => {
    const control = fieldControl(continuous({ intervals: [{ closure: 'closedOpen', leftMargin: 0 }] }));
    expect(control).toMatchObject({ kind: 'number', range: undefined, initial: '0' });
  });

  it('starts a number bounded only from below at its lowest valid value when zero is not valid', () => {
    expect(fieldControl(continuous({ intervals: [{ closure: 'closedOpen', leftMargin: 1 }] }))).toMatchObject({ kind: 'number', range: undefined, initial: '1' });
    expect(fieldControl(continuous({ intervals: [{ closure: 'openOpen', leftMargin: 2 }] }))).toMatchObject({ initial: '3' });
    expect(fieldControl(continuous({ intervals: [{ closure: 'closedOpen', leftMargin: -5 }] }))).toMatchObject({ initial: '0' });
  });

  it('rounds integer midpoints and steps by one', () => {
    const control = fieldControl({ name: 'age', dataType: 'integer', intervals: [{ closure: 'closedClosed', leftMargin: 17, rightMargin: 90 }] });
    expect(control).toMatchObject({ kind: 'number', isInteger: true, initial: '54', range: { step: 1 } });
  });

  it('edits booleans as a true/false choice and dates with a date input', () => {
    expect(fieldControl({ name: 'b', dataType: 'boolean' })).toMatchObject({ kind: 'select', options: ['true', 'false'] });
    expect(fieldControl({ name: 'd', dataType: 'date' })).toMatchObject({ kind: 'text', inputType: 'date' });
  });
});

describe('entryValue', () => {
  const number = fieldControl(continuous());
  it('sends a number for a numeric entry and null for missing', () => {
    expect(entryValue(number, ' 2.5 ', false)).toBe(2.5);
    expect(entryValue(number, '2.5', true)).toBeNull();
    expect(entryValue(number, '', false)).toBeNull();
  });

  it('passes text that is not a number through, so the engine reports it as invalid', () => {
    expect(entryValue(number, 'abc', false)).toBe('abc');
  });
});

describe('niceStep', () => {
  it('rounds down to 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(0.018)).toBeCloseTo(0.01, 12);
    expect(niceStep(0.3)).toBeCloseTo(0.2, 12);
    expect(niceStep(70)).toBeCloseTo(50, 12);
  });
});

describe('isInInterval', () => {
  it('honours open and closed margins', () => {
    expect(isInInterval(1, { closure: 'openClosed', leftMargin: 1, rightMargin: 2 })).toBe(false);
    expect(isInInterval(2, { closure: 'openClosed', leftMargin: 1, rightMargin: 2 })).toBe(true);
  });
});

describe('fieldControl with training-data statistics', () => {
  const stats = { minimum: 17, maximum: 83, mean: 38.3, median: 37 };

  it('prefers the declared interval over the statistics for bounds and start', () => {
    const control = fieldControl(continuous({ intervals: [{ closure: 'closedClosed', leftMargin: 0, rightMargin: 10 }], statistics: stats }));
    expect(control).toMatchObject({ kind: 'number', range: { min: 0, max: 10 }, initial: '5' });
  });

  it('without intervals bounds the slider by the minimum and maximum and starts at the median', () => {
    expect(fieldControl(continuous({ statistics: stats }))).toMatchObject({ kind: 'number', range: { min: 17, max: 83 }, initial: '37' });
  });

  it('starts at the mean when there is no median, rounded for an integer field', () => {
    expect(fieldControl(continuous({ statistics: { mean: 38.3 } }))).toMatchObject({ range: undefined, initial: '38.3' });
    expect(fieldControl({ name: 'age', dataType: 'integer', statistics: { mean: 38.3 } })).toMatchObject({ initial: '38' });
  });

  it('starts at zero when the statistics hold no typical value', () => {
    expect(fieldControl(continuous({ statistics: {} }))).toMatchObject({ initial: '0' });
    expect(fieldControl(continuous())).toMatchObject({ range: undefined, initial: '0' });
  });

  it('selects the most frequent value of a categorical field, else the first declared one', () => {
    const field = { name: 'job', dataType: 'string', opType: 'categorical' as const, values: ['Clerk', 'Private', 'Farmer'] };
    expect(fieldControl({ ...field, statistics: { mode: 'Private' } })).toMatchObject({ kind: 'select', initial: 'Private' });
    expect(fieldControl({ ...field, statistics: { mode: 'Unknown' } })).toMatchObject({ initial: 'Clerk' });
  });
});
