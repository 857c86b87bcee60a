import { describe, expect, it } from 'vitest';
import type { ModelOutput } from './model-session.js';
import { tabulateOutputs } from './output-table.js';
import { createTensorData } from './tensor-data.js';

const label: ModelOutput = { name: 'label', tensor: createTensorData('int64', [2], [0, 2]) };
const probability: ModelOutput = { name: 'probability', tensor: createTensorData('float32', [2, 2], [0.75, 0.25, 0.5, 0.5]), labels: ['setosa', 'virginica'] };

describe('tabulateOutputs', () => {
  it('gives one column per single-valued output and one per labelled class, one row per example', () => {
    expect(tabulateOutputs([label, probability], 2)).toEqual({
      header: ['label', 'probability[setosa]', 'probability[virginica]'],
      rows: [[0n, 0.75, 0.25], [2n, 0.5, 0.5]],
    });
  });

  it('names unlabelled classes by their index', () => {
    const unlabelled: ModelOutput = { name: probability.name, tensor: probability.tensor };
    expect(tabulateOutputs([unlabelled], 2)?.header).toEqual(['probability[0]', 'probability[1]']);
  });

  it('gives no table when an output does not have one row per example', () => {
    expect(tabulateOutputs([label, { name: 'total', tensor: createTensorData('float32', [1], [3]) }], 2)).toBeUndefined();
  });
});
