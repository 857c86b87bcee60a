import { InvalidElementError, InvalidValueError } from '../../errors.js';
import type { TensorElementType } from './element-types.js';
import { float16BitsToNumber, numberToFloat16Bits } from './float-bits.js';

/** The typed storage of each element type (onnxruntime-common `Tensor.DataTypeMap`; float16 as its bits). */
export interface TensorArrayMap {
  float32: Float32Array;
  float64: Float64Array;
  float16: Uint16Array;
  int8: Int8Array;
  int16: Int16Array;
  int32: Int32Array;
  int64: BigInt64Array;
  uint8: Uint8Array;
  uint16: Uint16Array;
  uint32: Uint32Array;
  uint64: BigUint64Array;
  bool: Uint8Array;
  string: string[];
}

/**
 * A tensor as plain data: what the engine feeds a runner and gets back. Structured-cloneable, so it crosses a
 * worker boundary as it is. Element order is row-major.
 */
export interface TensorData<T extends TensorElementType = TensorElementType> {
  readonly type: T;
  readonly dims: readonly number[];
  readonly data: TensorArrayMap[T];
}

/** A value of one element as a person or a JSON file writes it. */
export type ElementInput = number | bigint | boolean | string | null;

/** Number of elements of a shape (1 for a scalar). */
export function elementCount(dims: readonly number[]): number {
  return dims.reduce((count, dim) => count * dim, 1);
}

/**
 * Builds a tensor of `type` and shape `dims` from plain values, converting each to the element type:
 * numbers and numeric strings for numeric types (range-checked for integers), `true/false/1/0` for bool,
 * anything for string (`String(value)`).
 *
 * @param name the input's name, for error messages.
 * @throws InvalidValueError when a value does not fit the type or the count does not match the shape.
 * @example createTensorData('int64', [2], [1, '2'], 'ids') // BigInt64Array [1n, 2n]
 */
export function createTensorData<T extends TensorElementType>(
  type: T,
  dims: readonly number[],
  values: readonly ElementInput[],
  name = 'input',
): TensorData<T> {
  const expected = elementCount(dims);
  if (values.length !== expected) {
    throw new InvalidValueError(
      `Input '${name}' has ${values.length} values but its shape [${dims.join(', ')}] needs ${expected}.`,
      name,
    );
  }
  const data = convertValues(type, values, name) as TensorArrayMap[T];
  return { type, dims: [...dims], data };
}

function convertValues(type: TensorElementType, values: readonly ElementInput[], name: string): TensorArrayMap[TensorElementType] {
  switch (type) {
    case 'string':
      return values.map((value) => (value === null ? '' : String(value)));
    case 'bool':
      return Uint8Array.from(values, (value, i) => (toBoolean(value, name, i) ? 1 : 0));
    case 'int64':
      return BigInt64Array.from(values, (value, i) => toBigInt(value, -(2n ** 63n), 2n ** 63n - 1n, name, i));
    case 'uint64':
      return BigUint64Array.from(values, (value, i) => toBigInt(value, 0n, 2n ** 64n - 1n, name, i));
    case 'float16':
      return Uint16Array.from(values, (value, i) => numberToFloat16Bits(toNumber(value, name, i)));
    case 'float32':
      return Float32Array.from(values, (value, i) => toNumber(value, name, i));
    case 'float64':
      return Float64Array.from(values, (value, i) => toNumber(value, name, i));
    case 'int8':
      return Int8Array.from(values, (value, i) => toInteger(value, -128, 127, name, i));
    case 'int16':
      return Int16Array.from(values, (value, i) => toInteger(value, -32768, 32767, name, i));
    case 'int32':
      return Int32Array.from(values, (value, i) => toInteger(value, -2147483648, 2147483647, name, i));
    case 'uint8':
      return Uint8Array.from(values, (value, i) => toInteger(value, 0, 255, name, i));
    case 'uint16':
      return Uint16Array.from(values, (value, i) => toInteger(value, 0, 65535, name, i));
    case 'uint32':
      return Uint32Array.from(values, (value, i) => toInteger(value, 0, 4294967295, name, i));
  }
}

function invalid(name: string, index: number, value: ElementInput, what: string): InvalidElementError {
  return new InvalidElementError(`Value ${JSON.stringify(String(value))} at index ${index} of input '${name}' is not ${what}.`, name, index, String(value), what);
}

function toNumber(value: ElementInput, name: string, index: number): number {
  if (typeof value === 'number') {
    return value;
  }
  if (typeof value === 'bigint' || typeof value === 'boolean') {
    return Number(value);
  }
  if (value === null) {
    return Number.NaN;
  }
  const text = value.trim().toLowerCase();
  if (text === 'nan') {
    return Number.NaN;
  }
  if (/^[+-]?(inf|infinity)$/.test(text)) {
    return text.startsWith('-') ? -Infinity : Infinity;
  }
  const number = text === '' ? Number.NaN : Number(text);
  if (Number.isNaN(number)) {
    throw invalid(name, index, value, 'a number');
  }
  return number;
}

function toInteger(value: ElementInput, min: number, max: number, name: string, index: number): number {
  const number = toNumber(value, name, index);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw invalid(name, index, value, `an integer from ${min} to ${max}`);
  }
  return number;
}

function toBigInt(value: ElementInput, min: bigint, max: bigint, name: string, index: number): bigint {
  let result: bigint;
  try {
    result = typeof value === 'bigint' ? value : BigInt(typeof value === 'string' ? value.trim() : (value ?? Number.NaN) as number | boolean);
  } catch {
    throw invalid(name, index, value, 'an integer');
  }
  if (result < min || result > max) {
    throw invalid(name, index, value, `an integer from ${min} to ${max}`);
  }
  return result;
}

function toBoolean(value: ElementInput, name: string, index: number): boolean {
  if (typeof value === 'boolean') {
    return value;
  }
  const text = String(value).trim().toLowerCase();
  if (text === 'true' || text === '1') {
    return true;
  }
  if (text === 'false' || text === '0') {
    return false;
  }
  throw invalid(name, index, value, 'a boolean (true, false, 1 or 0)');
}

/** The elements as numbers, bigints or strings, as a table or JSON shows them (float16 bits decoded). */
export function tensorValues(tensor: TensorData, limit = Infinity): (number | bigint | string | boolean)[] {
  const count = Math.min(limit, tensor.data.length);
  const out: (number | bigint | string | boolean)[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const value = tensor.data[i];
    out[i] = tensor.type === 'float16' ? float16BitsToNumber(value as number) : tensor.type === 'bool' ? value === 1 : value;
  }
  return out;
}
