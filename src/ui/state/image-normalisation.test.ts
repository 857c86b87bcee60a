import { describe, expect, it } from 'vitest';
import {
  fitToElementType,
  invertPixels,
  isIntegerType,
  matchPreset,
  parseNormalisation,
  presetsFor,
  tensorOptions,
  textsOf,
  valueRange,
} from './image-normalisation.js';

const imagenet = presetsFor(3)[0];

describe('parseNormalisation', () => {
  it('reads one number per channel separated by commas', () => {
    const parsed = parseNormalisation({ scale: '255', mean: '0.485, 0.456, 0.406', std: '0.229 0.224 0.225' }, 3);
    expect(parsed).toEqual({ ok: true, value: { scale: 255, mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] } });
  });

  it('accepts lists written as Python or JSON code, in brackets or parentheses', () => {
    const parsed = parseNormalisation({ scale: '255', mean: '[0.5, 0.5, 0.5]', std: '(0.5,0.5,0.5)' }, 3);
    expect(parsed.ok && parsed.value.mean).toEqual([0.5, 0.5, 0.5]);
    expect(parsed.ok && parsed.value.std).toEqual([0.5, 0.5, 0.5]);
  });

  it('refuses a list whose count is not the number of channels, saying how many it needs', () => {
    const parsed = parseNormalisation({ scale: '255', mean: '0.485, 0.456', std: '1' }, 3);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems).toEqual({
      mean: "Mean needs 3 numbers, one per channel (R, G, B); '0.485, 0.456' has 2.",
      std: "Std needs 3 numbers, one per channel (R, G, B); '1' has 1.",
    });
  });

  it('asks a grey image for one mean and one std', () => {
    expect(parseNormalisation({ scale: '255', mean: '0.1307', std: '0.3081' }, 1)).toMatchObject({ ok: true });
    const parsed = parseNormalisation({ scale: '255', mean: '0.1, 0.2, 0.3', std: '1' }, 1);
    expect(!parsed.ok && parsed.problems.mean).toBe("Mean needs one number (grey); '0.1, 0.2, 0.3' has 3.");
  });

  it('names the value that is not a number', () => {
    const parsed = parseNormalisation({ scale: 'abc', mean: '0.4, x, 0.4', std: '1, 1, 1' }, 3);
    expect(!parsed.ok && parsed.problems).toEqual({ scale: "Scale: 'abc' is not a number.", mean: "Mean: 'x' is not a number." });
  });

  it('refuses a std or scale of 0, which would divide by zero', () => {
    const parsed = parseNormalisation({ scale: '0', mean: '0, 0, 0', std: '1, 0, 1' }, 3);
    expect(!parsed.ok && parsed.problems).toEqual({
      scale: 'Scale must not be 0: each pixel byte is divided by it.',
      std: 'Std must not be 0 (channel G): values are divided by it.',
    });
  });

  it('refuses an empty field', () => {
    const parsed = parseNormalisation({ scale: '', mean: '', std: '1, 1, 1' }, 3);
    expect(!parsed.ok && Object.keys(parsed.problems)).toEqual(['scale', 'mean']);
  });
});

describe('presets', () => {
  it('offers ImageNet first for RGB and raw bytes first for grey', () => {
    expect(imagenet.id).toBe('imagenet');
    expect(presetsFor(1)[0]).toMatchObject({ id: '0-255', scale: 1, mean: [0], std: [1] });
  });

  it('round-trips a preset through its texts', () => {
    const parsed = parseNormalisation(textsOf(imagenet), 3);
    expect(parsed.ok && matchPreset(3, parsed.value)).toBe('imagenet');
  });

  it('calls any changed number custom', () => {
    expect(matchPreset(3, { ...imagenet, mean: [0.485, 0.456, 0.4] })).toBe('custom');
    expect(matchPreset(3, { ...imagenet, scale: 1 })).toBe('custom');
  });

  it('finds the preset again when the numbers are typed back', () => {
    expect(matchPreset(1, { scale: 255, mean: [0], std: [1] })).toBe('0-1');
  });
});

describe('valueRange', () => {
  it('gives the values black and white become', () => {
    expect(valueRange({ scale: 255, mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5] })).toEqual({ min: -1, max: 1 });
    const { min, max } = valueRange(imagenet);
    expect(min).toBeCloseTo(-0.485 / 0.229, 6);
    expect(max).toBeCloseTo((1 - 0.406) / 0.225, 6);
  });
});

describe('tensorOptions', () => {
  it('keeps mean and std by colour when the model takes BGR', () => {
    expect(tensorOptions(imagenet, true)).toEqual({ scale: 255, mean: [0.406, 0.456, 0.485], std: [0.225, 0.224, 0.229], bgr: true });
    expect(tensorOptions(imagenet, false).mean).toEqual([0.485, 0.456, 0.406]);
  });
});

describe('integer element types', () => {
  it('knows which element types take integers only', () => {
    expect(isIntegerType('uint8')).toBe(true);
    expect(isIntegerType('int8')).toBe(true);
    expect(isIntegerType('float32')).toBe(false);
    expect(isIntegerType('float16')).toBe(false);
  });

  it('rounds and clamps values into the element type', () => {
    expect([...fitToElementType(Float32Array.of(-3, 12.4, 12.6, 300), 'uint8')]).toEqual([0, 12, 13, 255]);
    expect([...fitToElementType(Float32Array.of(200, -0.6), 'int8')]).toEqual([127, -1]);
  });

  it('leaves float values as they are', () => {
    const data = Float32Array.of(0.25, -1.5);
    expect(fitToElementType(data, 'float32')).toBe(data);
  });
});

describe('invertPixels', () => {
  it('flips colours and keeps alpha', () => {
    expect([...invertPixels(Uint8ClampedArray.of(0, 100, 255, 128))]).toEqual([255, 155, 0, 128]);
  });
});
