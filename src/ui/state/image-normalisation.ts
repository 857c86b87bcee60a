import type { ImageTensorOptions } from '../../engine/formats/onnx/image-tensor.js';

/**
 * How pixel bytes become tensor values: `value = (byte / scale − mean[c]) / std[c]`, with `mean` and `std` given
 * per colour in R, G, B order (one value for grey) whatever order the model takes its channels in.
 */
export interface Normalisation {
  readonly scale: number;
  readonly mean: readonly number[];
  readonly std: readonly number[];
}

export type PresetId = 'imagenet' | 'mnist' | '0-1' | '-1-1' | '0-255';

export interface ImagePreset extends Normalisation {
  readonly id: PresetId;
  readonly label: string;
}

/** The texts a person edits, as typed. */
export interface NormalisationTexts {
  readonly scale: string;
  readonly mean: string;
  readonly std: string;
}

export type NormalisationField = keyof NormalisationTexts;

export type ParsedNormalisation =
  | { readonly ok: true; readonly value: Normalisation }
  | { readonly ok: false; readonly problems: Partial<Record<NormalisationField, string>> };

// ImageNet statistics as torchvision documents them (https://pytorch.org/vision/stable/models.html); MNIST's as
// the PyTorch MNIST example normalises (https://github.com/pytorch/examples/blob/main/mnist/main.py).
const RGB_PRESETS: readonly ImagePreset[] = [
  { id: 'imagenet', label: 'ImageNet mean/std', scale: 255, mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] },
  { id: '0-1', label: '0 – 1', scale: 255, mean: [0, 0, 0], std: [1, 1, 1] },
  { id: '-1-1', label: '−1 – 1', scale: 255, mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5] },
  { id: '0-255', label: '0 – 255', scale: 1, mean: [0, 0, 0], std: [1, 1, 1] },
];
const GREY_PRESETS: readonly ImagePreset[] = [
  { id: '0-255', label: '0 – 255', scale: 1, mean: [0], std: [1] },
  { id: '0-1', label: '0 – 1', scale: 255, mean: [0], std: [1] },
  { id: 'mnist', label: 'MNIST mean/std', scale: 255, mean: [0.1307], std: [0.3081] },
];

/**
 * The presets for an image of `channels` channels, the default first: RGB models are mostly ImageNet-trained, grey
 * ones MNIST-like and fed raw 0–255 bytes.
 */
export function presetsFor(channels: 1 | 3): readonly ImagePreset[] {
  return channels === 1 ? GREY_PRESETS : RGB_PRESETS;
}

/** The preset whose numbers these are, or `'custom'` once a person has changed any of them. */
export function matchPreset(channels: 1 | 3, value: Normalisation): PresetId | 'custom' {
  const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => v === b[i]);
  const preset = presetsFor(channels).find((p) => p.scale === value.scale && same(p.mean, value.mean) && same(p.std, value.std));
  return preset?.id ?? 'custom';
}

export function textsOf(value: Normalisation): NormalisationTexts {
  return { scale: String(value.scale), mean: value.mean.join(', '), std: value.std.join(', ') };
}

/**
 * Reads the edited texts: a number for the scale and one number per channel for mean and std, separated by commas
 * or spaces (a surrounding `[…]` or `(…)`, as Python code writes them, is allowed). Scale and std divide, so 0 is
 * refused.
 *
 * @example parseNormalisation({ scale: '255', mean: '0.485, 0.456, 0.406', std: '[0.229, 0.224, 0.225]' }, 3)
 */
export function parseNormalisation(texts: NormalisationTexts, channels: 1 | 3): ParsedNormalisation {
  const problems: Partial<Record<NormalisationField, string>> = {};
  const scale = parseNumbers(texts.scale);
  let scaleValue = Number.NaN;
  if (typeof scale === 'string') problems.scale = `Scale: ${scale}`;
  else if (scale.length !== 1) problems.scale = `Scale needs one number, the divisor of each pixel byte (255 maps bytes to 0 – 1).`;
  else if (scale[0] === 0) problems.scale = 'Scale must not be 0: each pixel byte is divided by it.';
  else scaleValue = scale[0];
  const mean = channelValues('Mean', texts.mean, channels);
  if (typeof mean === 'string') problems.mean = mean;
  let std = channelValues('Std', texts.std, channels);
  if (typeof std !== 'string' && std.includes(0)) std = `Std must not be 0 (channel ${CHANNEL_NAMES[channels][std.indexOf(0)]}): values are divided by it.`;
  if (typeof std === 'string') problems.std = std;
  if (typeof mean === 'string' || typeof std === 'string' || Number.isNaN(scaleValue)) return { ok: false, problems };
  return { ok: true, value: { scale: scaleValue, mean, std } };
}

const CHANNEL_NAMES = { 1: ['grey'], 3: ['R', 'G', 'B'] } as const;

function channelValues(what: string, text: string, channels: 1 | 3): number[] | string {
  const values = parseNumbers(text);
  if (typeof values === 'string') return `${what}: ${values}`;
  if (values.length !== channels) {
    const needs = channels === 1 ? 'one number (grey)' : `${channels} numbers, one per channel (R, G, B)`;
    return `${what} needs ${needs}; '${text.trim()}' has ${values.length}.`;
  }
  return values;
}

/** The numbers of a comma- or space-separated list, or why one of them is not a number. */
function parseNumbers(text: string): number[] | string {
  const tokens = text.trim().replace(/^[[(]|[\])]$/g, '').split(/[\s,;]+/).filter((t) => t !== '');
  const values = tokens.map(Number);
  const bad = values.findIndex((v) => !Number.isFinite(v));
  return bad >= 0 ? `'${tokens[bad]}' is not a number.` : values;
}

/** The lowest and highest tensor value a byte (0–255) can become; `min` > `max` never happens since std ≠ 0. */
export function valueRange(value: Normalisation): { min: number; max: number } {
  const ends = value.mean.flatMap((m, c) => [0, 255].map((byte) => (byte / value.scale - m) / value.std[c]));
  return { min: Math.min(...ends), max: Math.max(...ends) };
}

/** `imageToTensor`'s options for a normalisation; `mean` and `std` are reordered for a model taking BGR. */
export function tensorOptions(value: Normalisation, isBgr: boolean): Pick<ImageTensorOptions, 'scale' | 'mean' | 'std' | 'bgr'> {
  const order = (values: readonly number[]) => (isBgr && values.length === 3 ? [...values].reverse() : values);
  return { scale: value.scale, mean: order(value.mean), std: order(value.std), bgr: isBgr };
}

/** The range of each integer element type; an image fed to one is raw bytes, rounded and clamped into it. */
const INTEGER_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  int8: [-128, 127],
  uint8: [0, 255],
  int16: [-32768, 32767],
  uint16: [0, 65535],
  int32: [-2147483648, 2147483647],
  uint32: [0, 4294967295],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  uint64: [0, Number.MAX_SAFE_INTEGER],
};

/** Whether the element type holds integers only, so an image is fed as raw bytes without mean or std. */
export function isIntegerType(type: string): boolean {
  return type in INTEGER_RANGES;
}

/** The normalisation an integer input gets: the bytes as they are. */
export function rawNormalisation(channels: 1 | 3): Normalisation {
  return { scale: 1, mean: new Array<number>(channels).fill(0), std: new Array<number>(channels).fill(1) };
}

/**
 * Rounds and clamps image values into an integer element type, which refuses fractions (grey luma of a colour
 * pixel is one); float types are returned unchanged.
 */
export function fitToElementType(data: Float32Array, type: string): Float32Array {
  const range = INTEGER_RANGES[type];
  if (!range) return data;
  return data.map((v) => Math.min(range[1], Math.max(range[0], Math.round(v))));
}

/** Flips light and dark (MNIST-style models expect a light digit on black); alpha stays. */
export function invertPixels(pixels: Uint8Array | Uint8ClampedArray): Uint8ClampedArray {
  return Uint8ClampedArray.from(pixels, (v, i) => (i % 4 === 3 ? v : 255 - v));
}
