/**
 * Conversions between numbers and the narrow float formats ONNX stores as bits: IEEE 754 half precision,
 * bfloat16 and the four float8 formats of https://onnx.ai/onnx/technical/float8.html.
 */

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** The number an IEEE 754 binary16 bit pattern stands for. */
export function float16BitsToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) {
    return sign * fraction * 2 ** -24;
  }
  if (exponent === 0x1f) {
    return fraction === 0 ? sign * Infinity : Number.NaN;
  }
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

/** The binary16 bit pattern nearest to `value` (round half to even), as onnxruntime's float16 tensors take it. */
export function numberToFloat16Bits(value: number): number {
  f32[0] = value;
  const x = u32[0];
  const sign = (x >>> 16) & 0x8000;
  const exponent = (x >>> 23) & 0xff;
  const mantissa = x & 0x7fffff;
  if (exponent === 0xff) {
    return sign | 0x7c00 | (mantissa ? 0x200 : 0);
  }
  const halfExponent = exponent - 127 + 15;
  if (halfExponent >= 0x1f) {
    return sign | 0x7c00;
  }
  if (halfExponent <= 0) {
    if (halfExponent < -10) {
      return sign;
    }
    const full = mantissa | 0x800000;
    const shift = 14 - halfExponent;
    const rounded = roundShift(full, shift);
    return sign | rounded;
  }
  const rounded = roundShift((halfExponent << 23) | mantissa, 13);
  return sign | rounded;
}

function roundShift(value: number, shift: number): number {
  const truncated = value >>> shift;
  const remainder = value & ((1 << shift) - 1);
  const half = 1 << (shift - 1);
  return remainder > half || (remainder === half && (truncated & 1) === 1) ? truncated + 1 : truncated;
}

/** The number a bfloat16 bit pattern stands for (the upper half of a float32). */
export function bfloat16BitsToNumber(bits: number): number {
  u32[0] = (bits & 0xffff) << 16;
  return f32[0];
}

/** The number a float8 bit pattern stands for, per the ONNX float8 table. */
export function float8BitsToNumber(bits: number, type: string): number {
  const sign = bits & 0x80 ? -1 : 1;
  switch (type) {
    case 'float8e4m3fn': {
      const exponent = (bits >> 3) & 0xf;
      const mantissa = bits & 0x7;
      if (exponent === 0xf && mantissa === 0x7) {
        return Number.NaN;
      }
      return sign * (exponent === 0 ? (mantissa / 8) * 2 ** -6 : (1 + mantissa / 8) * 2 ** (exponent - 7));
    }
    case 'float8e4m3fnuz': {
      if (bits === 0x80) {
        return Number.NaN;
      }
      const exponent = (bits >> 3) & 0xf;
      const mantissa = bits & 0x7;
      return sign * (exponent === 0 ? (mantissa / 8) * 2 ** -7 : (1 + mantissa / 8) * 2 ** (exponent - 8));
    }
    case 'float8e5m2':
      return float16BitsToNumber((bits & 0xff) << 8);
    case 'float8e5m2fnuz': {
      if (bits === 0x80) {
        return Number.NaN;
      }
      const exponent = (bits >> 2) & 0x1f;
      const mantissa = bits & 0x3;
      return sign * (exponent === 0 ? (mantissa / 4) * 2 ** -15 : (1 + mantissa / 4) * 2 ** (exponent - 16));
    }
    default:
      return bits;
  }
}
