import { describe, expect, it } from 'vitest';
import { classBars, onnxOutcome, softmax } from './onnx-outcome.js';

describe('onnxOutcome', () => {
  it('reports every output with its shape and values, in declared order', () => {
    const outcome = onnxOutcome(
      [{ name: 'b', type: 'float32', isTensor: true }, { name: 'a', type: 'int64', isTensor: true }],
      [
        { name: 'a', tensor: { type: 'int64', dims: [1], data: new BigInt64Array([3n]) } },
        { name: 'b', tensor: { type: 'float32', dims: [1, 2], data: new Float32Array([0.25, 0.75]) }, labels: ['no', 'yes'] },
      ],
      1.5,
      'wasm',
    );
    expect(outcome.fields.map((f) => f.name)).toEqual(['b', 'a']);
    expect(outcome.fields[1].value).toBe(3);
    expect(outcome.backend).toBe('wasm');
    expect(outcome.probabilities).toEqual([{ label: 'no', probability: 0.25 }, { label: 'yes', probability: 0.75 }]);
  });
});

describe('onnxOutcome values', () => {
  it('shows a bool tensor, which onnxruntime-web hands over as bytes, as true and false', () => {
    const outcome = onnxOutcome([], [{ name: 'z', tensor: { type: 'bool', dims: [2], data: new Uint8Array([1, 0]) } }], 1);
    expect(outcome.fields[0].values).toEqual([true, false]);
  });

  it('shows a uint64 beyond 2^53 with all its digits', () => {
    const outcome = onnxOutcome([], [{ name: 'sum', tensor: { type: 'uint64', dims: [2], data: new BigUint64Array([2n ** 64n - 1n, 3n]) } }], 1);
    expect(outcome.fields[0].values).toEqual(['18446744073709551615', 3]);
  });
});

describe('classBars', () => {
  it('draws no bars for an unlabelled vector without a batch dim', () => {
    expect(classBars([{ name: 'y', value: 0, values: [0, 0], shape: [2], type: 'float32' }])).toBeUndefined();
    expect(classBars([{ name: 'scan', value: 1, values: [1, 3, 6], shape: [3, 1], type: 'float32' }])).toBeUndefined();
  });


  it('keeps a vector that already sums to one', () => {
    const bars = classBars([{ name: 'p', value: 0.2, values: [0.2, 0.8], shape: [1, 2], type: 'float32' }]);
    expect(bars?.map((b) => b.probability)).toEqual([0.2, 0.8]);
  });

  it('turns scores into probabilities with softmax', () => {
    const bars = classBars([{ name: 'logits', value: 1, values: [1, 1, 1, 1], shape: [1, 4], type: 'float32' }]);
    expect(bars?.every((b) => Math.abs(b.probability - 0.25) < 1e-12)).toBe(true);
  });

  it('draws no bars for a feature map', () => {
    expect(classBars([{ name: 'map', value: 0, values: [0, 0, 0, 0], shape: [1, 2, 2], type: 'float32' }])).toBeUndefined();
  });
});

describe('softmax', () => {
  it('is stable for large scores', () => {
    const p = softmax([1000, 1000]);
    expect(p[0]).toBeCloseTo(0.5, 12);
  });
});
