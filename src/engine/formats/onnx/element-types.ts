/**
 * ONNX element types (`TensorProto.DataType`) and what onnxruntime-web can feed and fetch.
 * Numbers and names: https://github.com/onnx/onnx/blob/main/onnx/onnx.proto (TensorProto.DataType).
 */

/** Element types a tensor can be built from JavaScript values with (onnxruntime-common `Tensor.Type`). */
export type TensorElementType =
  | 'float32'
  | 'float64'
  | 'float16'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'uint8'
  | 'uint16'
  | 'uint32'
  | 'uint64'
  | 'bool'
  | 'string';

/** ONNX `DataType` number → element type name; the names of runnable types are those of onnxruntime-web. */
const NAMES: Readonly<Record<number, string>> = {
  1: 'float32',
  2: 'uint8',
  3: 'int8',
  4: 'uint16',
  5: 'int16',
  6: 'int32',
  7: 'int64',
  8: 'string',
  9: 'bool',
  10: 'float16',
  11: 'float64',
  12: 'uint32',
  13: 'uint64',
  14: 'complex64',
  15: 'complex128',
  16: 'bfloat16',
  17: 'float8e4m3fn',
  18: 'float8e4m3fnuz',
  19: 'float8e5m2',
  20: 'float8e5m2fnuz',
  21: 'uint4',
  22: 'int4',
  23: 'float4e2m1',
};

/** Bits per element; strings have no fixed width. */
const BITS: Readonly<Record<string, number>> = {
  float32: 32, uint8: 8, int8: 8, uint16: 16, int16: 16, int32: 32, int64: 64, bool: 8, float16: 16, float64: 64,
  uint32: 32, uint64: 64, complex64: 64, complex128: 128, bfloat16: 16, float8e4m3fn: 8, float8e4m3fnuz: 8,
  float8e5m2: 8, float8e5m2fnuz: 8, uint4: 4, int4: 4, float4e2m1: 4,
};

const BUILDABLE: ReadonlySet<string> = new Set<TensorElementType>([
  'float32', 'float64', 'float16', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'bool', 'string',
]);

/**
 * Types onnxruntime-web 1.30 rejects as model inputs or outputs: `InferenceSession.create` throws
 * "unsupported data type" for bfloat16 and float8 (measured, shared/TOOLCHAIN.md); complex and float4 have no
 * `Tensor.Type` in onnxruntime-common 1.30.
 */
const UNSUPPORTED_BY_RUNTIME: ReadonlySet<string> = new Set([
  'bfloat16', 'float8e4m3fn', 'float8e4m3fnuz', 'float8e5m2', 'float8e5m2fnuz', 'complex64', 'complex128', 'float4e2m1',
]);

/** The element type name of an ONNX `DataType` number, or `unknown(N)`. */
export function elementTypeName(dataType: number): string {
  return NAMES[dataType] ?? `unknown(${dataType})`;
}

/** Storage size of one element in bits, or `undefined` for strings and unknown types. */
export function elementBits(typeName: string): number | undefined {
  return BITS[typeName];
}

/** True when tensors of this type can be built from JavaScript values (and read back). */
export function isTensorElementType(typeName: string): typeName is TensorElementType {
  return BUILDABLE.has(typeName);
}

/** True when onnxruntime-web cannot take or give a tensor of this type (the model may still load and be shown). */
export function isUnsupportedByRuntime(typeName: string): boolean {
  return UNSUPPORTED_BY_RUNTIME.has(typeName) || typeName.startsWith('unknown(');
}
