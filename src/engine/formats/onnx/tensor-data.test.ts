import { describe, expect, it } from 'vitest';
import { InvalidValueError } from '../../errors.js';
import { float16BitsToNumber, float8BitsToNumber, numberToFloat16Bits } from './float-bits.js';
import { createTensorData, tensorValues } from './tensor-data.js';

describe('createTensorData', () => {
  it.each([
    ['float32', Float32Array, [1.5, '-2']],
    ['float64', Float64Array, [1e300, 'NaN']],
    ['int8', Int8Array, [-128, '127']],
    ['int16', Int16Array, [-32768, 32767]],
    ['int32', Int32Array, [-5, '7']],
    ['uint8', Uint8Array, [0, 255]],
    ['uint16', Uint16Array, [0, 65535]],
    ['uint32', Uint32Array, [0, 4294967295]],
    ['int64', BigInt64Array, ['-9223372036854775808', 5]],
    ['uint64', BigUint64Array, ['18446744073709551615', 0n]],
    ['bool', Uint8Array, [true, 'false']],
    ['float16', Uint16Array, [1, -2]],
  ] as const)('builds %s tensors as %s', (type, arrayType, values) => {
    const tensor = createTensorData(type, [2], values);
    expect(tensor.data).toBeInstanceOf(arrayType);
    expect(tensor.dims).toEqual([2]);
  });

  it('keeps 64-bit integers exact', () => {
    expect([...createTensorData('int64', [1], ['-9223372036854775808']).data]).toEqual([-(2n ** 63n)]);
    expect([...createTensorData('uint64', [1], ['18446744073709551615']).data]).toEqual([2n ** 64n - 1n]);
  });

  it('builds string tensors as arrays of strings', () => {
    expect(createTensorData('string', [2], ['a', 3]).data).toEqual(['a', '3']);
  });

  it('stores float16 as its IEEE bits', () => {
    expect([...createTensorData('float16', [3], [1, -2, 65504]).data]).toEqual([0x3c00, 0xc000, 0x7bff]);
  });

  it.each([
    ['uint8', 256],
    ['int8', 1.5],
    ['int64', 'x'],
    ['bool', 'maybe'],
    ['float32', 'abc'],
  ] as const)('rejects a %s value %s that does not fit', (type, value) => {
    expect(() => createTensorData(type, [1], [value], 'x')).toThrow(InvalidValueError);
  });

  it('rejects a value count that does not match the shape', () => {
    expect(() => createTensorData('float32', [2, 2], [1, 2, 3], 'x')).toThrow(/has 3 values but its shape \[2, 2\] needs 4/);
  });

  it('reads values back as numbers, bigints, booleans and decoded float16', () => {
    expect(tensorValues(createTensorData('bool', [2], [true, false]))).toEqual([true, false]);
    expect(tensorValues(createTensorData('float16', [1], [0.5]))).toEqual([0.5]);
    expect(tensorValues(createTensorData('int64', [1], [3]))).toEqual([3n]);
  });
});

describe('narrow float formats', () => {
  it('round-trips float16 values and rounds to nearest even', () => {
    for (const value of [0, 1, -1, 0.1, 1024.5, 6.1e-5, 5.96e-8]) {
      expect(Math.abs(float16BitsToNumber(numberToFloat16Bits(value)) - value)).toBeLessThanOrEqual(Math.abs(value) * 1e-3 + 1e-7);
    }
    expect(float16BitsToNumber(numberToFloat16Bits(-Infinity))).toBe(-Infinity);
    expect(float16BitsToNumber(numberToFloat16Bits(1e6))).toBe(Infinity);
    expect(numberToFloat16Bits(1 + 2 ** -11)).toBe(0x3c00);
    expect(Number.isNaN(float16BitsToNumber(numberToFloat16Bits(Number.NaN)))).toBe(true);
  });

  it('decodes float8 bit patterns per the ONNX table', () => {
    expect(float8BitsToNumber(0x38, 'float8e4m3fn')).toBe(1);
    expect(float8BitsToNumber(0x7e, 'float8e4m3fn')).toBe(448);
    expect(Number.isNaN(float8BitsToNumber(0x7f, 'float8e4m3fn'))).toBe(true);
    expect(float8BitsToNumber(0x3c, 'float8e5m2')).toBe(1);
    expect(float8BitsToNumber(0x40, 'float8e4m3fnuz')).toBe(1);
    expect(Number.isNaN(float8BitsToNumber(0x80, 'float8e5m2fnuz'))).toBe(true);
  });
});
