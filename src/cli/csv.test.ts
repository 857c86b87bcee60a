import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvError, formatCsvRows, readUnquotedCsv, streamCsvBatches } from './csv.js';

const options = { separator: ',', missingTokens: ['NA', 'N/A'], fileName: 'input.csv' };

describe('readUnquotedCsv', () => {
  it('reads the header and the rows', () => {
    const table = readUnquotedCsv('a,b\n1,x\n2,y\n', options);
    expect(table.header).toEqual(['a', 'b']);
    expect(table.rows).toEqual([['1', 'x'], ['2', 'y']]);
  });

  it('splits on a tab when the case says so', () => {
    const table = readUnquotedCsv('y\tbspline(predict(y), 0)\n0.0\t0.5\n', { ...options, separator: '\t' });
    expect(table.header).toEqual(['y', 'bspline(predict(y), 0)']);
    expect(table.rows).toEqual([['0.0', '0.5']]);
  });

  it('reads NA, N/A and empty cells as missing', () => {
    const table = readUnquotedCsv('a,b,c\nNA,,N/A\n', options);
    expect(table.rows).toEqual([[null, null, null]]);
  });

  it('keeps quotes as ordinary characters', () => {
    const table = readUnquotedCsv('Sentence,Score\nthe ear "clip" is odd.,0\n', options);
    expect(table.rows).toEqual([['the ear "clip" is odd.', '0']]);
  });

  it('reads lines ending in CRLF', () => {
    const table = readUnquotedCsv('Month,Passengers\r\n1949-01,112\r\n', options);
    expect(table.header).toEqual(['Month', 'Passengers']);
    expect(table.rows).toEqual([['1949-01', '112']]);
  });

  it('reads a blank line in a one-column file as a missing cell', () => {
    expect(readUnquotedCsv('a\n1\n\n2\n', options).rows).toEqual([['1'], [null], ['2']]);
    expect(readUnquotedCsv('a\r\n1\r\n\r\n', options).rows).toEqual([['1'], [null]]);
  });

  it('skips blank lines in a wider file', () => {
    expect(readUnquotedCsv('\na,b\n1,2\n\n3,4\n\n', options).rows).toEqual([['1', '2'], ['3', '4']]);
  });

  it('rejects a row with a different number of cells, naming the row and file', () => {
    expect(() => readUnquotedCsv('a,b\n1,2\n3\n', options)).toThrow(/Row 2 of input\.csv has 1 cells, but the header has 2/);
  });

  it('rejects an empty file', () => {
    expect(() => readUnquotedCsv('', options)).toThrow(CsvError);
  });
});

describe('streamCsvBatches', () => {
  const dir = mkdtempSync(join(tmpdir(), 'modelport-csv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const collect = async (path: string, separator = ','): Promise<string[][]> => {
    const rows: string[][] = [];
    for await (const batch of streamCsvBatches(path, separator)) {
      rows.push(...batch);
    }
    return rows;
  };

  it('streams quoted cells holding separators and line breaks', async () => {
    const path = join(dir, 'quoted.csv');
    writeFileSync(path, '\ufeffname,note\n"Smith, J","line 1\nline 2"\n');
    expect(await collect(path)).toEqual([['name', 'note'], ['Smith, J', 'line 1\nline 2']]);
  });

  it('streams a file larger than one read chunk row by row', async () => {
    const path = join(dir, 'large.csv');
    const count = 100_000;
    writeFileSync(path, `x;y\n${Array.from({ length: count }, (_, i) => `${i};${i * 2}`).join('\n')}\n`);
    const rows = await collect(path, ';');
    expect(rows).toHaveLength(count + 1);
    expect(rows[count]).toEqual([String(count - 1), String((count - 1) * 2)]);
  });

  it('keeps blank lines of a one-column file as rows across read chunks', async () => {
    const path = join(dir, 'one-column.csv');
    const values = Array.from({ length: 30_000 }, (_, i) => (i % 3 === 0 ? '' : String(i)));
    writeFileSync(path, `x\n${values.join('\n')}\n`);
    const rows = await collect(path);
    expect(rows).toHaveLength(values.length + 1);
    expect(rows.slice(1).map((row) => row[0])).toEqual(values);
  });

  it('rejects when the file cannot be read', async () => {
    await expect(collect(join(dir, 'absent.csv'))).rejects.toThrow(/ENOENT/);
  });
});

describe('formatCsvRows', () => {
  it('quotes only the cells that need it', () => {
    expect(formatCsvRows([['a', 'b,c', 'say "hi"'], ['1', '', '2']], ',')).toBe('a,"b,c","say ""hi"""\n1,,2\n');
  });

  it('writes nothing for no rows', () => {
    expect(formatCsvRows([], ',')).toBe('');
  });
});
