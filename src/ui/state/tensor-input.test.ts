import { describe, expect, it } from 'vitest';
import type { TensorSpec } from '../../engine/model/description.js';
import { concreteDims, imageDims, imageLayout, nest, openImageSize, parseTensorJson, previewPixels, randomData, tensorEditorKind, zeroData } from './tensor-input.js';

const tensor = (type: string, shape: TensorSpec['shape']): TensorSpec => ({ name: 't', type, shape, isTensor: true });

describe('tensorEditorKind', () => {
  it('picks an image editor for NCHW grey and RGB inputs', () => {
    expect(tensorEditorKind(tensor('float32', [1, 1, 28, 28]))).toBe('image');
    expect(tensorEditorKind(tensor('float32', ['N', 3, 224, 224]))).toBe('image');
    expect(imageLayout(tensor('float32', [1, 224, 224, 3]))).toMatchObject({ layout: 'NHWC', channels: 3 });
  });

  it('picks per-element boxes for a short vector and JSON for a matrix', () => {
    expect(tensorEditorKind(tensor('float32', ['batch', 4]))).toBe('vector');
    expect(tensorEditorKind(tensor('float32', [3, 4]))).toBe('matrix');
    expect(tensorEditorKind(tensor('int64', []))).toBe('scalar');
    expect(tensorEditorKind(tensor('string', [1]))).toBe('text');
  });

  it('edits a tensor with open dims beyond the batch as JSON, so its size can be chosen', () => {
    expect(tensorEditorKind(tensor('float32', [undefined, undefined]))).toBe('matrix');
    expect(tensorEditorKind(tensor('float32', ['batch', 'sequence']))).toBe('matrix');
    expect(tensorEditorKind(tensor('int64', ['N']))).toBe('matrix');
  });
});

describe('open-size images', () => {
  it('takes an input with fixed channels and open height and width as an image of any size', () => {
    const spec = tensor('float32', ['N', 3, 'H', 'W']);
    expect(tensorEditorKind(spec)).toBe('image');
    expect(imageLayout(spec)).toMatchObject({ layout: 'NCHW', channels: 3, isOpenSize: true });
    expect(imageLayout(tensor('float32', ['N', 'H', 'W', 1]))).toMatchObject({ layout: 'NHWC', channels: 1, isOpenSize: true });
  });

  it('does not guess an image when the channels are open too', () => {
    expect(imageLayout(tensor('float32', [undefined, undefined, undefined, undefined]))).toBeUndefined();
    expect(tensorEditorKind(tensor('float32', [undefined, undefined, undefined, undefined]))).toBe('matrix');
  });

  it('keeps an image its own size, the longest side capped at 1024, in the input layout', () => {
    expect(openImageSize(192, 48)).toEqual({ width: 192, height: 48 });
    expect(openImageSize(4096, 1024)).toEqual({ width: 1024, height: 256 });
    const layout = imageLayout(tensor('float32', ['N', 3, 'H', 'W']))!;
    expect(imageDims(layout, 48, 192)).toEqual([1, 3, 48, 192]);
  });
});

describe('concreteDims', () => {
  it('turns symbolic and unknown dims into 1', () => {
    expect(concreteDims(tensor('float32', ['N', undefined, 5]))).toEqual([1, 1, 5]);
  });
});

describe('tensor data', () => {
  it('nests flat data row-major', () => {
    expect(nest([1, 2, 3, 4, 5, 6], [2, 3])).toEqual([[1, 2, 3], [4, 5, 6]]);
  });

  it('fills zeros of the right count and type', () => {
    expect(zeroData(tensor('bool', [2, 2]))).toEqual([false, false, false, false]);
  });

  it('draws random floats in [0, 1)', () => {
    const values = randomData(tensor('float32', [10]), () => 0.25);
    expect(values).toHaveLength(10);
    expect(values.every((v) => v === 0.25)).toBe(true);
  });

  it('parses JSON of the declared element count', () => {
    expect(parseTensorJson('[[1, 2], [3, 4]]', tensor('float32', [2, 2]))).toEqual({ data: [1, 2, 3, 4], dims: [2, 2] });
    expect(parseTensorJson('7', tensor('float32', [1]))).toEqual({ data: [7], dims: [1] });
  });

  it('names the input and the expected count when the JSON has the wrong size', () => {
    expect(() => parseTensorJson('[1, 2, 3]', tensor('float32', [2, 2]))).toThrow(/'t' needs 4 values \(shape \[2, 2\]\) but has 3/);
  });

  it('takes any size along open dims and the declared size along fixed ones', () => {
    expect(parseTensorJson('[[1, 2, 3]]', tensor('float32', [undefined, undefined]))).toEqual({ data: [1, 2, 3], dims: [1, 3] });
    expect(parseTensorJson('[[[1], [2]], [[3], [4]]]', tensor('float32', [2, 'batch', 1]))).toEqual({ data: [1, 2, 3, 4], dims: [2, 2, 1] });
    expect(() => parseTensorJson('[[1, 2, 3]]', tensor('float32', ['batch', 4]))).toThrow(/'t' needs 4 values along axis 1 \(shape \[batch, 4\]\) but has 3/);
  });

  it('rejects ragged rows along open dims', () => {
    expect(() => parseTensorJson('[[1, 2], [3]]', tensor('float32', ['N', 'M']))).toThrow(/rows of 't' differ in length/);
  });

  it('draws random values and zeros of a chosen size', () => {
    expect(randomData(tensor('float32', ['N', 'M']), () => 0.5, [2, 3])).toHaveLength(6);
    expect(zeroData(tensor('float32', ['N', 'M']), [1, 20])).toHaveLength(20);
  });

  it('keeps 64-bit integers beyond 2^53 exact, as digit strings the engine reads', () => {
    expect(parseTensorJson('[18446744073709551615, 1]', tensor('uint64', [2])).data).toEqual(['18446744073709551615', 1]);
    expect(parseTensorJson('[-9223372036854775808]', tensor('int64', [1])).data).toEqual(['-9223372036854775808']);
    expect(() => parseTensorJson('["12"]', tensor('float32', [1]))).toThrow(/holds float32 values/);
  });

  it('rejects text that is not JSON', () => {
    expect(() => parseTensorJson('[1, 2', tensor('float32', [2]))).toThrow(/not valid JSON/);
  });
});

describe('previewPixels', () => {
  it('stretches a grey NCHW tensor from its own range to 0–255, one RGBA pixel per value', () => {
    const layout = { layout: 'NCHW' as const, channels: 1, height: 2, width: 2 };
    const preview = previewPixels([-1, 0, 0, 1], [1, 1, 2, 2], layout);
    expect(preview && [...preview.pixels]).toEqual([0, 0, 0, 255, 128, 128, 128, 255, 128, 128, 128, 255, 255, 255, 255, 255]);
  });

  it('reads the channels of an NHWC colour tensor in place', () => {
    const layout = { layout: 'NHWC' as const, channels: 3, height: 1, width: 1 };
    expect(previewPixels([0, 5, 10], [1, 1, 1, 3], layout)?.pixels.slice(0, 3)).toEqual(new Uint8ClampedArray([0, 128, 255]));
  });

  it('gives no preview for values that do not make an image of that layout', () => {
    expect(previewPixels([1, 2, 3], [1, 3, 1, 1], { layout: 'NCHW', channels: 1, height: 1, width: 1 })).toBeUndefined();
  });
});
