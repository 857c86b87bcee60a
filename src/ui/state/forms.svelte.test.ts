import { describe, expect, it, vi } from 'vitest';
import { TabularForm } from './tabular-form.svelte.js';
import { TensorForm } from './tensor-form.svelte.js';

describe('TabularForm', () => {
  const fields = [
    { name: 'age', dataType: 'integer', opType: 'continuous' as const, intervals: [{ closure: 'closedClosed' as const, leftMargin: 18, rightMargin: 90 }] },
    { name: 'colour', dataType: 'string', opType: 'categorical' as const, values: ['red', 'blue'] },
  ];

  it('starts from interval midpoints and first categories', () => {
    const form = new TabularForm(fields, () => undefined);
    expect(form.record()).toEqual({ age: 54, colour: 'red' });
  });

  it('sends null for a field switched to missing and asks for a prediction', () => {
    const onChange = vi.fn();
    const form = new TabularForm(fields, onChange);
    form.setMissing('colour', true);
    expect(form.record()).toEqual({ age: 54, colour: null });
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('sends the chosen items of a multi-valued field as a list, starting from the first item', () => {
    const form = new TabularForm([{ name: 'item', dataType: 'string', isMultiValued: true, values: ['beer', 'wine', 'fish'] }], () => undefined);
    expect(form.record()).toEqual({ item: ['beer'] });
    form.setText('item', JSON.stringify(['wine', 'fish']));
    expect(form.record()).toEqual({ item: ['wine', 'fish'] });
    form.setText('item', 'not json');
    expect(form.record()).toEqual({ item: [] });
  });

  it('fills several fields with one prediction and ignores unknown names', () => {
    const onChange = vi.fn();
    const form = new TabularForm(fields, onChange);
    form.fill({ age: '30', colour: 'blue', other: '1' });
    expect(form.record()).toEqual({ age: 30, colour: 'blue' });
    expect(onChange).toHaveBeenCalledTimes(1);
  });
});

describe('TensorForm', () => {
  const inputs = [{ name: 'x', type: 'float32', shape: ['N', 3] as const, isTensor: true }];

  it('feeds zeros of the concrete shape to begin with', () => {
    const form = new TensorForm(inputs, () => undefined);
    expect(form.collect()).toEqual({ ok: true, inputs: { x: { type: 'float32', dims: [1, 3], data: [0, 0, 0] } } });
  });

  it('edits one element of a vector', () => {
    const form = new TensorForm(inputs, () => undefined);
    form.setElement('x', 1, 2.5);
    expect(form.collect()).toMatchObject({ ok: true, inputs: { x: { data: [0, 2.5, 0] } } });
  });

  it('names the input whose JSON cannot be read', () => {
    const form = new TensorForm(inputs, () => undefined);
    form.setText('x', '[1, 2');
    expect(form.collect()).toMatchObject({ ok: false, error: { code: 'app.input', field: 'x' } });
  });
});
