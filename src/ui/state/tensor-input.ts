import type { TensorSpec } from '../../engine/model/description.js';

/** The editor that fits a tensor input's shape. */
export type TensorEditorKind = 'scalar' | 'vector' | 'matrix' | 'image' | 'text';

/** A tensor as the ONNX client is fed: element type, dims and flat row-major data. */
export interface TensorFeed {
  readonly type: string;
  readonly dims: readonly number[];
  readonly data: readonly (number | string | boolean | bigint)[];
}

/** Vectors up to this length get one number box per element; longer ones are edited as JSON. */
const MAX_VECTOR_BOXES = 16;

/** Concrete dims for a declared shape: symbolic or unknown dims (batch, sequence) become 1. */
export function concreteDims(spec: TensorSpec): number[] {
  return (spec.shape ?? []).map((d) => (typeof d === 'number' && d > 0 ? d : 1));
}

/** Where an image-shaped input keeps its channels and its size, or undefined when the tensor is not an image. */
export interface ImageLayout {
  readonly layout: 'NCHW' | 'NHWC';
  readonly channels: number;
  readonly height: number;
  readonly width: number;
  /** Height and width are open ([N, 3, H, W]): an image keeps its own size, and these are the drawing pad's. */
  readonly isOpenSize?: boolean;
}

/** The drawing pad's size, and the longest side an image of an open-size input is scaled down to. */
export const OPEN_IMAGE_PAD = 64;
export const OPEN_IMAGE_MAX_SIDE = 1024;

export function imageLayout(spec: TensorSpec): ImageLayout | undefined {
  const dims = concreteDims(spec);
  if (dims.length !== 4 || !spec.type.startsWith('float') && spec.type !== 'uint8') return undefined;
  const [, a, b, c] = dims;
  const [, sa, sb, sc] = spec.shape ?? [];
  if ((a === 1 || a === 3) && !isOpenDim(sa) && isOpenDim(sb) && isOpenDim(sc)) return { layout: 'NCHW', channels: a, height: OPEN_IMAGE_PAD, width: OPEN_IMAGE_PAD, isOpenSize: true };
  if ((c === 1 || c === 3) && !isOpenDim(sc) && isOpenDim(sa) && isOpenDim(sb)) return { layout: 'NHWC', channels: c, height: OPEN_IMAGE_PAD, width: OPEN_IMAGE_PAD, isOpenSize: true };
  if ((a === 1 || a === 3) && b >= 8 && c >= 8) return { layout: 'NCHW', channels: a, height: b, width: c };
  if ((c === 1 || c === 3) && a >= 8 && b >= 8) return { layout: 'NHWC', channels: c, height: a, width: b };
  return undefined;
}

/** The dims of an image tensor of the given size, in the input's layout (batch of one). */
export function imageDims(layout: ImageLayout, height: number, width: number): number[] {
  return layout.layout === 'NCHW' ? [1, layout.channels, height, width] : [1, height, width, layout.channels];
}

/** The size an image of `width` × `height` is given for an open-size input: its own, the longest side capped. */
export function openImageSize(width: number, height: number): { width: number; height: number } {
  const factor = Math.min(1, OPEN_IMAGE_MAX_SIDE / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * factor)), height: Math.max(1, Math.round(height * factor)) };
}

/** Whether a declared dim has no fixed size (a symbolic name such as `batch`, or unknown). */
function isOpenDim(dim: number | string | undefined): boolean {
  return !(typeof dim === 'number' && dim > 0);
}

/**
 * Whether the tensor has an open dim beyond a leading batch dim ([batch, sequence], [?, ?], [N]): its size is the
 * person's to choose, so only the JSON editor, which takes any size along such dims, can enter it.
 */
export function hasOpenDataDims(spec: TensorSpec): boolean {
  const shape = spec.shape ?? [];
  return shape.some((d, i) => isOpenDim(d) && (i > 0 || shape.length === 1));
}

export function tensorEditorKind(spec: TensorSpec): TensorEditorKind {
  if (hasOpenDataDims(spec) && !imageLayout(spec)) return 'matrix';
  if (spec.type === 'string') return concreteDims(spec).reduce((a, b) => a * b, 1) === 1 ? 'text' : 'matrix';
  if (imageLayout(spec)) return 'image';
  const dims = concreteDims(spec);
  const size = dims.reduce((a, b) => a * b, 1);
  if (size === 1) return 'scalar';
  // Number boxes cannot hold true/false: boolean vectors are edited as JSON, a boolean scalar as a checkbox.
  if (spec.type === 'bool') return 'matrix';
  if (dims.filter((d) => d > 1).length === 1 && size <= MAX_VECTOR_BOXES) return 'vector';
  return 'matrix';
}

export function elementCount(dims: readonly number[]): number {
  return dims.reduce((a, b) => a * b, 1);
}

/** Zeros (false, empty strings) of the given dims, by default the tensor's concrete shape. */
export function zeroData(spec: TensorSpec, dims: readonly number[] = concreteDims(spec)): (number | string | boolean)[] {
  const fill = spec.type === 'string' ? '' : spec.type === 'bool' ? false : 0;
  return new Array<number | string | boolean>(elementCount(dims)).fill(fill);
}

/** Random values suited to the element type: [0, 1) for floats, small integers, random booleans. */
export function randomData(spec: TensorSpec, random: () => number = Math.random, dims: readonly number[] = concreteDims(spec)): (number | string | boolean)[] {
  const count = elementCount(dims);
  const make = (): number | string | boolean => {
    if (spec.type.startsWith('float')) return Number(random().toFixed(4));
    if (spec.type === 'bool') return random() < 0.5;
    if (spec.type === 'string') return String.fromCharCode(97 + Math.floor(random() * 26));
    return Math.floor(random() * 10);
  };
  return Array.from({ length: count }, make);
}

/** Nests flat row-major data into arrays of the given dims, for the JSON editor. */
export function nest(data: readonly unknown[], dims: readonly number[]): unknown {
  if (dims.length === 0) return data[0];
  if (dims.length === 1) return data.slice(0, dims[0]);
  const stride = elementCount(dims.slice(1));
  return Array.from({ length: dims[0] }, (_, i) => nest(data.slice(i * stride, (i + 1) * stride), dims.slice(1)));
}

/**
 * Parses the JSON editor's text: a number, or nested arrays whose leaves become the flat data. Nested arrays of the
 * declared rank may take any size along the open dims (batch, sequence, `?`); the fixed dims must match.
 */
export function parseTensorJson(text: string, spec: TensorSpec): { data: (number | string | boolean)[]; dims: number[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(isInt64(spec.type) ? quoteLongIntegers(text) : text);
  } catch {
    throw new Error(`The value of '${spec.name}' is not valid JSON.`);
  }
  const dims: number[] = [];
  for (let level = parsed; Array.isArray(level); level = level[0]) dims.push(level.length);
  const data = (Array.isArray(parsed) ? parsed.flat(Infinity) : [parsed]) as (number | string | boolean)[];
  const shape = spec.shape ?? [];
  const declared = concreteDims(spec);
  const isOpenShape = shape.some(isOpenDim) && dims.length === shape.length;
  if (isOpenShape) {
    if (!isRectangular(parsed, dims)) throw new Error(`The rows of '${spec.name}' differ in length; every row along an axis needs the same number of values.`);
    const axis = shape.findIndex((d, i) => !isOpenDim(d) && d !== dims[i]);
    if (axis >= 0) throw new Error(`'${spec.name}' needs ${String(shape[axis])} values along axis ${axis} (shape ${formatShape(shape)}) but has ${dims[axis]}.`);
  } else if (data.length !== elementCount(declared)) {
    const open = shape.some(isOpenDim) ? ` (or nested arrays of any size along its ${shape.length}-level shape ${formatShape(shape)})` : '';
    throw new Error(`'${spec.name}' needs ${elementCount(declared)} values (shape [${declared.join(', ')}])${open} but has ${data.length}.`);
  }
  const isValid =
    spec.type === 'string'
      ? data.every((v) => typeof v === 'string')
      : data.every((v) => typeof v === 'number' || typeof v === 'boolean' || (isInt64(spec.type) && typeof v === 'string' && /^-?\d+$/.test(v)));
  if (!isValid) throw new Error(`'${spec.name}' holds ${spec.type} values; one of the values is of another kind.`);
  return { data, dims: isOpenShape || declared.length === dims.length ? dims : declared };
}

function isInt64(type: string): boolean {
  return type === 'int64' || type === 'uint64';
}

/**
 * Quotes integer literals of 16 or more digits, which JSON.parse would round to the nearest double
 * (18446744073709551615 → 18446744073709552000): as strings they reach the engine, which reads them exactly.
 */
function quoteLongIntegers(text: string): string {
  return text.replace(/(?<![\w.])-?\d{16,}(?![\w.])/g, '"$&"');
}

/** Whether nested arrays have the same length at every position of each level (no ragged rows). */
function isRectangular(value: unknown, dims: readonly number[]): boolean {
  if (dims.length === 0) return !Array.isArray(value);
  return Array.isArray(value) && value.length === dims[0] && value.every((item) => isRectangular(item, dims.slice(1)));
}

/** Formats the declared shape for display: `[1, 3, 224, 224]`, symbolic dims by name. */
export function formatShape(shape: TensorSpec['shape']): string {
  if (!shape) return '';
  return `[${shape.map((d) => (d === undefined ? '?' : String(d))).join(', ')}]`;
}

/**
 * An image tensor's values as RGBA pixels for a preview, stretched from their own range (the values may be
 * normalised) to 0–255; `undefined` when the values do not make an image of the layout's size (open sizes take
 * their height and width from `dims`).
 */
export function previewPixels(values: readonly number[], dims: readonly number[], layout: ImageLayout): { width: number; height: number; pixels: Uint8ClampedArray } | undefined {
  if (dims.length !== 4) return undefined;
  const [height, width, channels] = layout.layout === 'NCHW' ? [dims[2], dims[3], dims[1]] : [dims[1], dims[2], dims[3]];
  if (channels !== layout.channels || values.length < height * width * channels || height * width === 0) return undefined;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const scale = max > min ? 255 / (max - min) : 0;
  const at = (c: number, y: number, x: number) => values[layout.layout === 'NCHW' ? (c * height + y) * width + x : (y * width + x) * channels + c];
  const pixels = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      for (let k = 0; k < 3; k++) pixels[o + k] = (at(channels === 1 ? 0 : k, y, x) - min) * scale;
      pixels[o + 3] = 255;
    }
  }
  return { width, height, pixels };
}
