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

/** Where an image-shaped input keeps its channels, or undefined when the tensor is not an image. */
export function imageLayout(spec: TensorSpec): { readonly layout: 'NCHW' | 'NHWC'; readonly channels: number; readonly height: number; readonly width: number } | undefined {
  const dims = concreteDims(spec);
  if (dims.length !== 4 || !spec.type.startsWith('float') && spec.type !== 'uint8') return undefined;
  const [, a, b, c] = dims;
  if ((a === 1 || a === 3) && b >= 8 && c >= 8) return { layout: 'NCHW', channels: a, height: b, width: c };
  if ((c === 1 || c === 3) && a >= 8 && b >= 8) return { layout: 'NHWC', channels: c, height: a, width: b };
  return undefined;
}

export function tensorEditorKind(spec: TensorSpec): TensorEditorKind {
  if (spec.type === 'string') return concreteDims(spec).reduce((a, b) => a * b, 1) === 1 ? 'text' : 'matrix';
  if (imageLayout(spec)) return 'image';
  const dims = concreteDims(spec);
  const size = dims.reduce((a, b) => a * b, 1);
  if (size === 1) return 'scalar';
  if (dims.filter((d) => d > 1).length === 1 && size <= MAX_VECTOR_BOXES) return 'vector';
  return 'matrix';
}

export function elementCount(dims: readonly number[]): number {
  return dims.reduce((a, b) => a * b, 1);
}

/** Zeros (false, empty strings) of the tensor's concrete shape. */
export function zeroData(spec: TensorSpec): (number | string | boolean)[] {
  const fill = spec.type === 'string' ? '' : spec.type === 'bool' ? false : 0;
  return new Array<number | string | boolean>(elementCount(concreteDims(spec))).fill(fill);
}

/** Random values suited to the element type: [0, 1) for floats, small integers, random booleans. */
export function randomData(spec: TensorSpec, random: () => number = Math.random): (number | string | boolean)[] {
  const count = elementCount(concreteDims(spec));
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

/** Parses the JSON editor's text: a number, or nested arrays whose leaves become the flat data. */
export function parseTensorJson(text: string, spec: TensorSpec): { data: (number | string | boolean)[]; dims: number[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`The value of '${spec.name}' is not valid JSON.`);
  }
  const dims: number[] = [];
  for (let level = parsed; Array.isArray(level); level = level[0]) dims.push(level.length);
  const data = (Array.isArray(parsed) ? parsed.flat(Infinity) : [parsed]) as (number | string | boolean)[];
  const declared = concreteDims(spec);
  if (data.length !== elementCount(declared)) {
    throw new Error(`'${spec.name}' needs ${elementCount(declared)} values (shape [${declared.join(', ')}]) but has ${data.length}.`);
  }
  const isValid = spec.type === 'string' ? data.every((v) => typeof v === 'string') : data.every((v) => typeof v === 'number' || typeof v === 'boolean');
  if (!isValid) throw new Error(`'${spec.name}' holds ${spec.type} values; one of the values is of another kind.`);
  return { data, dims: declared.length === dims.length ? dims : declared };
}

/** Formats the declared shape for display: `[1, 3, 224, 224]`, symbolic dims by name. */
export function formatShape(shape: TensorSpec['shape']): string {
  if (!shape) return '';
  return `[${shape.map((d) => (d === undefined ? '?' : String(d))).join(', ')}]`;
}
