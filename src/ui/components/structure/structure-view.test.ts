import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { fixtures } from './fixtures.js';
import StructureView from './StructureView.svelte';

/** Server-renders the view: every structure kind must draw without throwing, with its own chrome. */
function html(description: (typeof fixtures)[keyof typeof fixtures], result?: object): string {
  return render(StructureView, { props: { description, result } }).body;
}

describe('StructureView', () => {
  it('draws a tree, announcing the lit decision path and the transformations', () => {
    const body = html(fixtures.tree, { decisionPath: ['1', '3', '5'] });
    expect(body).toContain('Decision tree');
    expect(body).toContain('path of the current prediction');
    expect(body).toContain('Transformations');
  });

  it('lists the segments of an ensemble', () => {
    expect(html(fixtures.ensemble)).toContain('3 segments combined by');
  });

  it('tabulates regression terms with their contributions', () => {
    const body = html(fixtures.regression, { inputs: { age: 40, income: 3000, region: 'north' } });
    expect(body).toContain('Linear predictor');
    expect(body).toContain('region=north');
  });

  it('summarises a model element without a dedicated view', () => {
    expect(html(fixtures.other)).toContain('SupportVectorMachineModel');
  });

  it('opens a graph with its toolbar while the layout is pending', () => {
    const body = html(fixtures.graph);
    expect(body).toContain('Find node or op');
    expect(body).toContain('Laying out 9 nodes');
  });
});
