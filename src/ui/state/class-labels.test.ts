import { describe, expect, it } from 'vitest';
import { readClassLabels, withClassLabels } from './class-labels.js';
import type { PredictionOutcome } from './predictor.js';

const outcome: PredictionOutcome = {
  fields: [{ name: 'scores', value: 0.1, values: [0.1, 0.7, 0.2], shape: [1, 3], type: 'float32' }],
  probabilities: [
    { label: '0', probability: 0.1 },
    { label: '1', probability: 0.7 },
    { label: '2', probability: 0.2 },
  ],
  latencyMs: 1,
};

describe('withClassLabels', () => {
  it('names each class bar with the added label of the same index', () => {
    const named = withClassLabels(outcome, ['cat', 'dog', 'bird']);
    expect(named?.probabilities).toEqual([
      { label: 'cat', probability: 0.1 },
      { label: 'dog', probability: 0.7 },
      { label: 'bird', probability: 0.2 },
    ]);
  });

  it('leaves the bars as they are when the label count does not fit', () => {
    expect(withClassLabels(outcome, ['cat', 'dog'])).toBe(outcome);
    expect(withClassLabels(outcome, undefined)).toBe(outcome);
  });
});

describe('readClassLabels', () => {
  it('reads one label a line, skipping blank lines', () => {
    expect(readClassLabels('cat\r\ndog\n\nbird\n', 'labels.txt', 3)).toEqual({ labels: ['cat', 'dog', 'bird'] });
  });

  it('reads a JSON object of index to name in index order', () => {
    expect(readClassLabels('{"2": "bird", "0": "cat", "1": "dog"}', 'classes.json', 3)).toEqual({ labels: ['cat', 'dog', 'bird'] });
  });

  it('refuses a file whose label count differs from the class count, naming both', () => {
    const result = readClassLabels('cat\ndog\n', 'labels.txt', 10);
    expect(result).toEqual({ error: expect.objectContaining({ code: 'labels.count', fileName: 'labels.txt' }) });
    expect('error' in result && result.error.message).toContain('2 labels, but the model scores 10 classes');
  });

  it('refuses an empty file', () => {
    expect(readClassLabels('  \n', 'empty.txt', 3)).toEqual({ error: expect.objectContaining({ code: 'labels.empty' }) });
  });
});
