import { describe, expect, it } from 'vitest';
import { FormatError } from '../../errors.js';
import { readableXmlError, readXml } from './xml-reader.js';

describe('readXml', () => {
  it('keeps the line each element starts on', () => {
    const root = readXml('<a>\n  <b/>\n\n  <c\n    x="1"/>\n</a>');
    expect(root.children.map((c) => [c.name, c.line])).toEqual([
      ['b', 2],
      ['c', 4],
    ]);
  });

  it('drops namespace prefixes from element names', () => {
    const root = readXml('<p:row xmlns:p="urn:x"><p:cell>1</p:cell></p:row>');
    expect(root.name).toBe('row');
    expect(root.children[0].name).toBe('cell');
    expect(root.children[0].text).toBe('1');
  });

  it('skips whole subtrees of skipped elements', () => {
    const root = readXml('<a><Extension><deep><er/></deep></Extension><b/></a>', { skip: new Set(['Extension']) });
    expect(root.children.map((c) => c.name)).toEqual(['b']);
  });

  it('reads a skipped element after all when its parent is listed in keepSkippedUnder', () => {
    const root = readXml('<a><Extension/><K><Extension><B/></Extension></K></a>', { skip: new Set(['Extension']), keepSkippedUnder: new Set(['K']) });
    expect(root.children.map((c) => c.name)).toEqual(['K']);
    expect(root.children[0].children[0].children.map((c) => c.name)).toEqual(['B']);
  });

  it('keeps character data, including whitespace-only cells', () => {
    const root = readXml('<a><s> </s><t><![CDATA[x<y]]></t></a>');
    expect(root.children.map((c) => c.text)).toEqual([' ', 'x<y']);
  });

  it('rejects truncated documents with a FormatError', () => {
    expect(() => readXml('<a><b></b>', { fileName: 'cut.pmml' })).toThrow(FormatError);
  });

  it('says where the document breaks in words', () => {
    expect(() => readXml('<PMML>\n  <Header>', { fileName: 'cut.pmml' })).toThrow("The file 'cut.pmml' is not well-formed XML: line 2, column 10: unclosed tag <Header>.");
    expect(readableXmlError('1:10: unexpected close tag.')).toBe('line 1, column 10: unexpected close tag.');
    expect(readableXmlError('no position')).toBe('no position');
  });

  it('rejects text that is not XML with a FormatError', () => {
    expect(() => readXml('\u0000\u0001garbage')).toThrow(FormatError);
  });
});
