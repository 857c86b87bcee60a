import { FormatError } from '../../errors.js';
import { elementBits, elementTypeName, isTensorElementType } from './element-types.js';
import { bfloat16BitsToNumber, float16BitsToNumber, float8BitsToNumber } from './float-bits.js';
import { int64ToBigInt, int64ToNumber } from './int64.js';
import type { onnx } from './onnx-proto.generated.js';
import { createTensorData, type ElementInput, type TensorData } from './tensor-data.js';

/** One element as shown to a person: numbers, bigints for 64-bit integers, strings. */
export type ElementValue = number | bigint | string;

/** Where a tensor's bytes are when they are not in the model (ONNX `external_data` keys). */
export interface ExternalDataReference {
  readonly location: string;
  readonly offset: number;
  /** Absent when the data runs to the end of the file. */
  readonly length?: number;
}

const textDecoder = new TextDecoder();

/** Typed arrays whose memory layout is ONNX raw_data's on a little-endian machine (float16 as its bits). */
const TYPED_ARRAYS: Partial<Record<string, { new (buffer: ArrayBuffer): ArrayBufferView; readonly BYTES_PER_ELEMENT: number }>> = {
  float32: Float32Array, float64: Float64Array, float16: Uint16Array, int8: Int8Array, int16: Int16Array, int32: Int32Array,
  int64: BigInt64Array, uint8: Uint8Array, uint16: Uint16Array, uint32: Uint32Array, uint64: BigUint64Array, bool: Uint8Array,
};

const IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The tensor's shape as numbers. */
export function tensorDims(tensor: onnx.ITensorProto): number[] {
  return (tensor.dims ?? []).map((dim) => int64ToNumber(dim));
}

/** The external-data reference of a tensor stored outside the model, or `undefined`. */
export function externalDataReference(tensor: onnx.ITensorProto): ExternalDataReference | undefined {
  if (tensor.data_location !== 1) {
    return undefined;
  }
  const entries = new Map((tensor.external_data ?? []).map((entry) => [entry.key ?? '', entry.value ?? '']));
  const location = entries.get('location');
  if (!location) {
    throw new FormatError(`Tensor '${tensor.name ?? ''}' is stored as external data but names no 'location'.`);
  }
  const length = entries.get('length');
  return { location, offset: Number(entries.get('offset') ?? 0), ...(length === undefined ? {} : { length: Number(length) }) };
}

/** Bytes the tensor's values take (in the model or in its external file). */
export function tensorByteLength(tensor: onnx.ITensorProto): number {
  const external = externalDataReference(tensor);
  if (external?.length !== undefined) {
    return external.length;
  }
  if (tensor.raw_data && tensor.raw_data.length > 0) {
    return tensor.raw_data.length;
  }
  if (tensor.data_type === 8) {
    return (tensor.string_data ?? []).reduce((sum, bytes) => sum + bytes.length, 0);
  }
  const bits = elementBits(elementTypeName(tensor.data_type ?? 0)) ?? 0;
  const count = tensorDims(tensor).reduce((product, dim) => product * dim, 1);
  return Math.ceil((count * bits) / 8);
}

/**
 * Decodes up to `limit` elements. Reads straight from the model's bytes (raw_data is a view into them) or from
 * `external` — the bytes of the external file — so nothing but the returned elements is allocated.
 *
 * @throws FormatError when the data is missing or shorter than the shape says.
 */
export function readTensorElements(tensor: onnx.ITensorProto, limit = Infinity, external?: Uint8Array): ElementValue[] {
  const type = elementTypeName(tensor.data_type ?? 0);
  const count = Math.min(limit, tensorDims(tensor).reduce((product, dim) => product * dim, 1));
  const reference = externalDataReference(tensor);
  if (reference) {
    if (!external) {
      throw new FormatError(`The external data file '${reference.location}' of tensor '${tensor.name ?? ''}' was not provided.`);
    }
    const end = reference.length === undefined ? external.length : reference.offset + reference.length;
    if (end > external.length) {
      throw new FormatError(`The external data file '${reference.location}' is shorter than tensor '${tensor.name ?? ''}' needs (${end} bytes).`);
    }
    return readRaw(external.subarray(reference.offset, end), type, count, tensor.name ?? '');
  }
  if (tensor.raw_data && tensor.raw_data.length > 0) {
    return readRaw(tensor.raw_data, type, count, tensor.name ?? '');
  }
  return readTyped(tensor, type, count);
}

function readRaw(bytes: Uint8Array, type: string, count: number, name: string): ElementValue[] {
  const bits = elementBits(type);
  if (bits === undefined) {
    throw new FormatError(`Tensor '${name}' of type '${type}' cannot be stored as raw bytes.`);
  }
  if (Math.ceil((count * bits) / 8) > bytes.length) {
    throw new FormatError(`Tensor '${name}' holds ${bytes.length} bytes, fewer than its shape needs.`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: ElementValue[] = new Array(count);
  for (let i = 0; i < count; i++) {
    out[i] = readElement(view, i, type);
  }
  return out;
}

// ONNX raw_data: "elements MUST be stored in as fixed-width, little-endian order" (onnx.proto, TensorProto).
function readElement(view: DataView, i: number, type: string): ElementValue {
  switch (type) {
    case 'float32': return view.getFloat32(i * 4, true);
    case 'float64': return view.getFloat64(i * 8, true);
    case 'float16': return float16BitsToNumber(view.getUint16(i * 2, true));
    case 'bfloat16': return bfloat16BitsToNumber(view.getUint16(i * 2, true));
    case 'int8': return view.getInt8(i);
    case 'uint8': case 'bool': return view.getUint8(i);
    case 'int16': return view.getInt16(i * 2, true);
    case 'uint16': return view.getUint16(i * 2, true);
    case 'int32': return view.getInt32(i * 4, true);
    case 'uint32': return view.getUint32(i * 4, true);
    case 'int64': return view.getBigInt64(i * 8, true);
    case 'uint64': return view.getBigUint64(i * 8, true);
    case 'complex64': return view.getFloat32(i * 8, true);
    case 'complex128': return view.getFloat64(i * 16, true);
    // "the first element is stored in the 4 LSB and the second element is stored in the 4 MSB"
    case 'uint4': return (view.getUint8(i >> 1) >> ((i & 1) * 4)) & 0xf;
    case 'int4': return (((view.getUint8(i >> 1) >> ((i & 1) * 4)) & 0xf) << 28) >> 28;
    default: return float8BitsToNumber(view.getUint8(i), type);
  }
}

function readTyped(tensor: onnx.ITensorProto, type: string, count: number): ElementValue[] {
  const take = <T>(values: readonly T[] | null | undefined, convert: (value: T) => ElementValue): ElementValue[] =>
    (values ?? []).slice(0, count).map(convert);
  switch (type) {
    case 'string':
      return take(tensor.string_data, (bytes) => textDecoder.decode(bytes));
    case 'float32': case 'complex64':
      return take(tensor.float_data, Number);
    case 'float64': case 'complex128':
      return take(tensor.double_data, Number);
    case 'int64':
      return take(tensor.int64_data, (value) => int64ToBigInt(value));
    case 'uint64':
      return take(tensor.uint64_data, (value) => int64ToBigInt(value, true));
    case 'uint32':
      return take(tensor.uint64_data, (value) => int64ToNumber(value));
    case 'float16':
      return take(tensor.int32_data, float16BitsToNumber);
    case 'bfloat16':
      return take(tensor.int32_data, bfloat16BitsToNumber);
    case 'int8': case 'int16': case 'int32': case 'uint8': case 'uint16': case 'bool':
      return take(tensor.int32_data, Number);
    default:
      return take(tensor.int32_data, (bits) => float8BitsToNumber(bits, type));
  }
}

/**
 * The whole tensor as {@link TensorData}, ready to feed or compare (test data sets' `input_K.pb`).
 *
 * @throws FormatError when the element type cannot be represented in JavaScript.
 */
export function tensorProtoToData(tensor: onnx.ITensorProto, external?: Uint8Array): TensorData {
  const type = elementTypeName(tensor.data_type ?? 0);
  if (!isTensorElementType(type)) {
    throw new FormatError(`Tensor '${tensor.name ?? ''}' has element type '${type}', which cannot be built in JavaScript.`);
  }
  const raw = tensor.raw_data;
  const arrayType = TYPED_ARRAYS[type];
  if (raw && raw.length > 0 && arrayType && IS_LITTLE_ENDIAN && !externalDataReference(tensor)) {
    const dims = tensorDims(tensor);
    const count = dims.reduce((product, dim) => product * dim, 1);
    if (raw.length !== count * arrayType.BYTES_PER_ELEMENT) {
      throw new FormatError(`Tensor '${tensor.name ?? ''}' holds ${raw.length} bytes, not the ${count * arrayType.BYTES_PER_ELEMENT} its shape needs.`);
    }
    // A copy, because raw_data views the file at any offset and typed arrays need aligned storage.
    return { type, dims, data: new arrayType(raw.slice().buffer) } as unknown as TensorData;
  }
  const values = readTensorElements(tensor, Infinity, external);
  const elements: ElementInput[] = type === 'float16' ? values.map((value) => value as number) : values;
  return createTensorData(type, tensorDims(tensor), elements, tensor.name ?? 'tensor');
}
