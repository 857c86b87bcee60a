import { describe, expect, it } from 'vitest';
import { compareTensors } from './compare-tensors.js';
import { createTensorData } from './tensor-data.js';

const tolerance = { rtol: 1e-3, atol: 1e-5 };
const floats = (values: number[], dims = [values.length]) => createTensorData('float32', dims, values);

describe('compareTensors', () => {
  it('accepts numbers within atol + rtol·|expected|', () => {
    expect(compareTensors('y', floats([100, 0, Number.NaN]), floats([100.09, 0.000009, Number.NaN]), tolerance)).toBeUndefined();
  });

  it('names the first element outside the tolerance', () => {
    expect(compareTensors('y', floats([1, 2]), floats([1, 2.01]), tolerance)).toMatch(/Output 'y' element 1 is 2\.0099/);
  });

  it('requires equal shapes', () => {
    expect(compareTensors('y', floats([1, 2], [2]), floats([1, 2], [1, 2]), tolerance)).toMatch(/shape \[1, 2\], expected \[2\]/);
  });

  it('compares numeric strings as numbers and other strings exactly', () => {
    const strings = (values: string[]) => createTensorData('string', [values.length], values);
    expect(compareTensors('s', strings(['0.60484552', 'NaN', 'a']), strings(['0.6048455', 'nan', 'a']), tolerance)).toBeUndefined();
    expect(compareTensors('s', strings(['a']), strings(['A']), tolerance)).toBeDefined();
  });

  it('compares integers and booleans exactly', () => {
    expect(compareTensors('i', createTensorData('int64', [1], [5]), createTensorData('int64', [1], [6]), tolerance)).toBeDefined();
    expect(compareTensors('b', createTensorData('bool', [1], [true]), createTensorData('bool', [1], [true]), tolerance)).toBeUndefined();
  });
});
