import { describe, expect, it } from 'vitest';
import { InvalidValueError, MissingValueError } from '../../errors.js';
import type { TensorSpec } from '../../model/description.js';
import { csvRowsFeed, feedsFromCsvRows, feedsFromJson, findCsvInput, isCsvHeader, tensorFromText } from './feeds.js';
import { resolveShape, symbolicDimensions } from './shapes.js';

const spec = (name: string, type: string, shape?: (number | string | undefined)[]): TensorSpec => ({ name, type, isTensor: true, ...(shape ? { shape } : {}) });

describe('resolveShape', () => {
  it('infers the one unknown dimension from the value count', () => {
    expect(resolveShape(spec('x', 'float32', ['N', 4]), 12)).toEqual([3, 4]);
    expect(resolveShape(spec('x', 'float32', [undefined, 2]), 6)).toEqual([3, 2]);
  });

  it('uses given values for symbolic dimensions', () => {
    expect(resolveShape(spec('x', 'float32', ['batch', 'seq']), 6, { batch: 2 })).toEqual([2, 3]);
  });

  it('asks for values when more than one dimension is unknown', () => {
    expect(() => resolveShape(spec('x', 'float32', ['batch', 'seq']), 6)).toThrow(/2 unknown dimensions \('batch', 'seq'\)/);
  });

  it('rejects a count that does not fill the shape', () => {
    expect(() => resolveShape(spec('x', 'float32', ['N', 4]), 6)).toThrow(InvalidValueError);
    expect(() => resolveShape(spec('x', 'float32', [2, 2]), 3)).toThrow(InvalidValueError);
  });

  it('lists symbolic dimensions once each', () => {
    expect(symbolicDimensions([spec('a', 'float32', ['batch', 3]), spec('b', 'float32', [2, 'batch', 'seq'])])).toEqual(['batch', 'seq']);
  });
});

describe('feedsFromJson', () => {
  const inputs = [spec('features', 'float32', ['N', 2]), spec('ids', 'int64', [2]), spec('flag', 'bool', [])];

  it('takes nested arrays with their own shape, flat arrays and scalars', () => {
    const feeds = feedsFromJson({ features: [[1, 2], [3, 4], [5, 6]], ids: [7, 8], flag: true }, inputs);
    expect(feeds.features.dims).toEqual([3, 2]);
    expect([...feeds.ids.data]).toEqual([7n, 8n]);
    expect(feeds.flag).toMatchObject({ dims: [], type: 'bool' });
  });

  it('takes explicit { dims, data } tensors', () => {
    const feeds = feedsFromJson({ features: { dims: [1, 2], data: [1, 2] }, ids: [1, 2], flag: 0 }, inputs);
    expect(feeds.features.dims).toEqual([1, 2]);
  });

  it('names a missing input', () => {
    expect(() => feedsFromJson({ features: [1, 2] }, inputs)).toThrow(MissingValueError);
  });
});

describe('feedsFromCsvRows', () => {
  const inputs = [spec('float_input', 'float32', [undefined, 4])];

  it('makes an [N, F] tensor and skips a header row', () => {
    const feeds = feedsFromCsvRows([['a', 'b', 'c', 'd'], ['1', '2', '3', '4'], ['5', '6', '7', '8']], inputs);
    expect(feeds.float_input.dims).toEqual([2, 4]);
    expect([...feeds.float_input.data]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('rejects rows of the wrong width', () => {
    expect(() => feedsFromCsvRows([['1', '2', '3']], inputs)).toThrow(/takes 4 values per row/);
  });

  it('refuses models without a single [N, F] input', () => {
    expect(() => feedsFromCsvRows([['1']], [spec('image', 'float32', [1, 3, 2, 2])])).toThrow(/JSON object/);
  });
});

describe('findCsvInput', () => {
  it('takes a single [N, F] input of a numeric or string type, with F when the model fixes it', () => {
    expect(findCsvInput([spec('x', 'float32', ['N', 4])])).toMatchObject({ type: 'float32', width: 4 });
    expect(findCsvInput([spec('words', 'string', [undefined, undefined])])).toEqual({ spec: spec('words', 'string', [undefined, undefined]), type: 'string' });
  });

  it('finds none for images, several inputs or a type values cannot be built into', () => {
    expect(findCsvInput([spec('image', 'float32', [1, 3, 2, 2])])).toBeUndefined();
    expect(findCsvInput([spec('a', 'float32', ['N', 2]), spec('b', 'float32', ['N', 2])])).toBeUndefined();
    expect(findCsvInput([spec('x', 'bfloat16', ['N', 2])])).toBeUndefined();
  });
});

describe('isCsvHeader', () => {
  const numeric = findCsvInput([spec('x', 'float32', ['N', 2])])!;

  it('takes a first row that is not all numbers as a header', () => {
    expect(isCsvHeader(numeric, ['a', 'b'])).toBe(true);
    expect(isCsvHeader(numeric, ['1', '2.5'])).toBe(false);
  });

  it('never takes a header for a string input', () => {
    expect(isCsvHeader(findCsvInput([spec('x', 'string', ['N', 2])])!, ['a', 'b'])).toBe(false);
  });
});

describe('csvRowsFeed', () => {
  const input = findCsvInput([spec('float_input', 'float32', [undefined, 3])])!;

  it('names the row and column of a value that is not a number, counting rows as the file does', () => {
    const rows = [['1', '2', '3'], ['4', 'five', '6']];
    expect(() => csvRowsFeed(input, rows, { firstRow: 10, columns: ['a', 'b', 'c'] })).toThrow("Row 11, column 2 ('b') holds \"five\", which is not a number.");
  });

  it('names the row whose number of values differs from the model\'s', () => {
    expect(() => csvRowsFeed(input, [['1', '2', '3'], ['1', '2']], { firstRow: 2 })).toThrow('Row 3 has 2 values, but input \'float_input\' takes 3 values per row.');
  });

  it('names the row whose number of values differs from the first row\'s when the model leaves F open', () => {
    const open = findCsvInput([spec('x', 'float32', ['N', 'F'])])!;
    expect(() => csvRowsFeed(open, [['1', '2'], ['1', '2', '3']])).toThrow('Row 2 has 3 values, but the first row has 2.');
  });

  it('names the integer range an integer input takes', () => {
    const bytes = findCsvInput([spec('pixels', 'uint8', ['N', 2])])!;
    expect(() => csvRowsFeed(bytes, [['1', '300']])).toThrow(/^Row 1, column 2 holds "300", which is not an integer from 0 to 255\.$/);
  });
});

describe('tensorFromText', () => {
  it('splits numbers on commas and spaces', () => {
    expect(tensorFromText(spec('x', 'float32', [1, 'n']), '1, 2 3\n4').dims).toEqual([1, 4]);
  });

  it('takes one string per line', () => {
    expect(tensorFromText(spec('x', 'string', ['n']), 'a b\nc').data).toEqual(['a b', 'c']);
  });
});
