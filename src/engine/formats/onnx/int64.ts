/**
 * protobufjs decodes 64-bit fields as `Long` objects when the `long` package is loaded (it is a dependency of
 * protobufjs 8) and as plain numbers otherwise; these helpers accept either.
 */

/** The shape of a `long.js` value as protobufjs hands it out. */
export interface LongLike {
  readonly low: number;
  readonly high: number;
  readonly unsigned: boolean;
}

export type Int64Field = number | LongLike | null | undefined;

/** The value as a number (exact up to 2^53; larger magnitudes are rounded). */
export function int64ToNumber(value: Int64Field): number {
  if (value === null || value === undefined) {
    return 0;
  }
  if (typeof value === 'number') {
    return value;
  }
  const high = value.unsigned ? value.high >>> 0 : value.high;
  return high * 4294967296 + (value.low >>> 0);
}

/** The exact value as a bigint, read as unsigned when `unsigned` (ONNX `uint64_data`). */
export function int64ToBigInt(value: Int64Field, unsigned = false): bigint {
  if (value === null || value === undefined) {
    return 0n;
  }
  if (typeof value === 'number') {
    return unsigned ? BigInt.asUintN(64, BigInt(value)) : BigInt(value);
  }
  const bits = (BigInt(value.high >>> 0) << 32n) | BigInt(value.low >>> 0);
  return unsigned ? bits : BigInt.asIntN(64, bits);
}
