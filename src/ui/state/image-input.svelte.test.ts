import { describe, expect, it, vi } from 'vitest';
import { createTensorData } from '../../engine/formats/onnx/tensor-data.js';
import type { TensorSpec } from '../../engine/model/description.js';
import { ImageInputState } from './image-input.svelte.js';
import { TensorForm } from './tensor-form.svelte.js';
import type { TensorFeed } from './tensor-input.js';

const SIZE = 8;
const spec = (type: string, shape: TensorSpec['shape']): TensorSpec => ({ name: 'image', type, shape, isTensor: true });

/** An 8×8 image, every pixel the same RGBA colour. */
function solid(r: number, g: number, b: number): { width: number; height: number; pixels: Uint8ClampedArray } {
  const pixels = new Uint8ClampedArray(SIZE * SIZE * 4);
  for (let p = 0; p < SIZE * SIZE; p++) pixels.set([r, g, b, 255], p * 4);
  return { width: SIZE, height: SIZE, pixels };
}

function setUp(type: string, shape: TensorSpec['shape']) {
  const onChange = vi.fn();
  const form = new TensorForm([spec(type, shape)], onChange);
  const editor = new ImageInputState(form.controls[0], form);
  /** The first value of each channel of an NCHW tensor. */
  const firstOfEachChannel = () => {
    const data = form.images.image.data;
    const plane = SIZE * SIZE;
    return Array.from({ length: data.length / plane }, (_, c) => data[c * plane]);
  };
  return { form, editor, onChange, firstOfEachChannel };
}

describe('ImageInputState', () => {
  it('starts an RGB float input at ImageNet mean/std and a grey one at raw bytes, inverted', () => {
    const rgb = setUp('float32', [1, 3, SIZE, SIZE]).editor;
    expect(rgb.preset).toBe('imagenet');
    expect(rgb.texts).toEqual({ scale: '255', mean: '0.485, 0.456, 0.406', std: '0.229, 0.224, 0.225' });
    expect(rgb.isInverted).toBe(false);
    const grey = setUp('float32', [1, 1, SIZE, SIZE]).editor;
    expect(grey.preset).toBe('0-255');
    expect(grey.isInverted).toBe(true);
  });

  it('turns the preset custom when a number is edited', () => {
    const { editor } = setUp('float32', [1, 3, SIZE, SIZE]);
    editor.edit('mean', '0.5, 0.5, 0.5');
    expect(editor.preset).toBe('custom');
    editor.choosePreset('0-1');
    expect(editor.preset).toBe('0-1');
    expect(editor.texts.mean).toBe('0, 0, 0');
  });

  it('re-reads the image with the edited numbers and asks for a prediction', () => {
    const { editor, onChange, firstOfEachChannel } = setUp('float32', [1, 3, SIZE, SIZE]);
    editor.showFile(solid(255, 0, 51), new Blob());
    expect(onChange).toHaveBeenCalledTimes(1);
    editor.choosePreset('0-1');
    expect(firstOfEachChannel().map((v) => v.toFixed(5))).toEqual(['1.00000', '0.00000', '0.20000']);
    editor.edit('std', '0.5, 0.5, 0.5');
    expect(onChange).toHaveBeenCalledTimes(3);
    expect(firstOfEachChannel().map((v) => v.toFixed(5))).toEqual(['2.00000', '0.00000', '0.40000']);
  });

  it('keeps the last good image and asks for nothing while a number is invalid', () => {
    const { editor, onChange, form } = setUp('float32', [1, 3, SIZE, SIZE]);
    editor.showFile(solid(255, 0, 0), new Blob());
    const before = form.images.image.data;
    editor.edit('std', '1, 0, 1');
    expect(editor.parsed.ok).toBe(false);
    expect(editor.preset).toBe('custom');
    expect(form.images.image.data).toBe(before);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('swaps the channels for a BGR model, keeping each colour its own statistics', () => {
    const { editor, firstOfEachChannel } = setUp('float32', [1, 3, SIZE, SIZE]);
    editor.showFile(solid(255, 0, 0), new Blob());
    editor.setBgr(true);
    const [b, g, r] = firstOfEachChannel();
    expect(b).toBeCloseTo((0 - 0.406) / 0.225, 5);
    expect(g).toBeCloseTo((0 - 0.456) / 0.224, 5);
    expect(r).toBeCloseTo((1 - 0.485) / 0.229, 5);
  });

  it('does not bring an image back once Zeros replaced it', () => {
    const { editor, form } = setUp('float32', [1, 3, SIZE, SIZE]);
    editor.showFile(solid(255, 0, 0), new Blob());
    form.fillZeros('image');
    editor.choosePreset('0-1');
    expect(form.images.image).toBeUndefined();
  });

  it('inverts a file but never a drawing, which is light on black already', () => {
    const { editor, firstOfEachChannel } = setUp('float32', [1, 1, SIZE, SIZE]);
    editor.showFile(solid(255, 255, 255), new Blob());
    expect(firstOfEachChannel()).toEqual([0]);
    editor.showDrawing(solid(255, 255, 255).pixels, 'data:,');
    expect(firstOfEachChannel()).toEqual([255]);
  });
});

describe('ImageInputState on a uint8 input', () => {
  it('feeds raw bytes that the uint8 tensor accepts, and fixes the normalisation', () => {
    const { editor, form } = setUp('uint8', [1, 3, SIZE, SIZE]);
    expect(editor.isRaw).toBe(true);
    expect(editor.texts).toEqual({ scale: '1', mean: '0, 0, 0', std: '1, 1, 1' });
    editor.showFile(solid(255, 10, 0), new Blob());
    editor.edit('mean', '0.5, 0.5, 0.5');
    editor.choosePreset('imagenet');
    expect(editor.texts.mean).toBe('0, 0, 0');
    const collected = form.collect();
    if (!collected.ok) throw new Error('the image was not collected');
    const feed = collected.inputs.image as TensorFeed;
    const tensor = createTensorData('uint8', feed.dims, feed.data as number[], 'image');
    expect([tensor.data[0], tensor.data[SIZE * SIZE], tensor.data[2 * SIZE * SIZE]]).toEqual([255, 10, 0]);
  });

  it('rounds the grey luma of a colour pixel to a whole byte', () => {
    const { editor, firstOfEachChannel } = setUp('uint8', [1, 1, SIZE, SIZE]);
    editor.setInverted(false);
    editor.showFile(solid(255, 0, 0), new Blob());
    expect(firstOfEachChannel()).toEqual([76]);
  });
});
