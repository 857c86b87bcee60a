import { describe, expect, it } from 'vitest';
import { imageToTensor } from './image-tensor.js';
import { labelsFromMetadata, parseLabelList, rankScores } from './labels.js';
import { createTensorData } from './tensor-data.js';

// Two pixels: pure red and pure white.
const image = { width: 2, height: 1, pixels: new Uint8ClampedArray([255, 0, 0, 255, 255, 255, 255, 255]) };

describe('imageToTensor', () => {
  it('lays out channels first for NCHW', () => {
    const tensor = imageToTensor(image, { layout: 'NCHW' });
    expect(tensor.dims).toEqual([1, 3, 1, 2]);
    expect([...tensor.data]).toEqual([1, 1, 0, 1, 0, 1]);
  });

  it('interleaves channels for NHWC and applies mean and std', () => {
    const tensor = imageToTensor(image, { layout: 'NHWC', mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5] });
    expect(tensor.dims).toEqual([1, 1, 2, 3]);
    expect([...tensor.data]).toEqual([1, -1, -1, 1, 1, 1]);
  });

  it('makes one luma channel for grayscale models and keeps the byte range with scale 1', () => {
    const tensor = imageToTensor(image, { layout: 'NCHW', channels: 1, scale: 1 });
    expect(tensor.dims).toEqual([1, 1, 1, 2]);
    expect(tensor.data[0]).toBeCloseTo(0.299 * 255, 3);
    expect(tensor.data[1]).toBeCloseTo(255, 3);
  });

  it('rejects a pixel buffer of the wrong size', () => {
    expect(() => imageToTensor({ width: 3, height: 3, pixels: new Uint8Array(4) }, { layout: 'NCHW' })).toThrow(/3×3 RGBA/);
  });
});

describe('labels', () => {
  it('reads labels from JSON, a Python dict literal or separated text', () => {
    expect(parseLabelList('["cat", "dog"]')).toEqual(['cat', 'dog']);
    expect(parseLabelList("{0: 'person', 1: 'bicycle'}")).toEqual(['person', 'bicycle']);
    expect(parseLabelList('a, b\nc')).toEqual(['a', 'b', 'c']);
  });

  it('finds labels under the usual metadata keys', () => {
    expect(labelsFromMetadata([{ key: 'producer', value: 'x' }, { key: 'Classes', value: 'yes,no' }])).toEqual(['yes', 'no']);
    expect(labelsFromMetadata([{ key: 'other', value: 'x' }])).toBeUndefined();
  });

  it('ranks one row of scores, highest first, with labels', () => {
    const scores = createTensorData('float32', [2, 3], [0.1, 0.7, 0.2, 0.5, 0.3, 0.2]);
    expect(rankScores(scores, ['a', 'b', 'c'], 0, 2)).toEqual([
      { label: 'b', index: 1, score: expect.closeTo(0.7, 6) },
      { label: 'c', index: 2, score: expect.closeTo(0.2, 6) },
    ]);
    expect(rankScores(scores, undefined, 1)[0]).toMatchObject({ label: 0, index: 0 });
  });
});
