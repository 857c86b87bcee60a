import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import type { PredictionOutcome } from '../../state/predictor.js';
import ResultPanel from './ResultPanel.svelte';

function html(result: PredictionOutcome): string {
  return render(ResultPanel, { props: { result, error: null, isRunning: false, count: 1 } }).body;
}

describe('ResultPanel list results', () => {
  const result: PredictionOutcome = {
    fields: [
      { name: 'Recommendation', value: null, list: ['1', '3'] },
      { name: 'Rule_Association', value: null, list: [] },
      { name: 'lift', value: 1.5 },
    ],
    latencyMs: 1,
  };

  it('draws each item of a list result as a chip, in order', () => {
    const body = html(result);
    const row = /data-field="Recommendation"[\s\S]*?<\/dd>/.exec(body)?.[0] ?? '';
    expect([...row.matchAll(/<li class="chip[^"]*">([^<]*)<\/li>/g)].map((m) => m[1])).toEqual(['1', '3']);
  });

  it('gives a list result the data-value the CLI writes in its CSV cell', () => {
    const body = html(result);
    expect(body).toContain('data-field="Recommendation" data-value="[1, 3]"');
    expect(body).toContain('data-field="Rule_Association" data-value="[]"');
  });

  it('says none for an empty list, not missing', () => {
    const row = /data-field="Rule_Association"[\s\S]*?<\/dd>/.exec(html(result))?.[0] ?? '';
    expect(row).toContain('none');
    expect(row).not.toContain('missing');
  });
});

describe('ResultPanel tensor results', () => {
  const result: PredictionOutcome = {
    fields: [
      { name: 'text', value: '', values: ['', 'a,b'], shape: [2], type: 'string' },
      { name: 'scan', value: null, values: [], shape: [0, 1], type: 'float32' },
    ],
    latencyMs: 1,
  };

  it('quotes the strings of a string tensor so that empty ones show', () => {
    expect(html(result)).toContain('<span class="mono">["", "a,b"]</span>');
  });

  it('calls a tensor with no elements empty, with its shape, rather than missing', () => {
    const row = /data-field="scan"[\s\S]*?<\/dd>/.exec(html(result))?.[0] ?? '';
    expect(row).toContain('empty');
    expect(row).toContain('float32 [0×1]');
    expect(row).not.toContain('missing');
  });
});
