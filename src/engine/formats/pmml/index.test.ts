import { describe, expect, it } from 'vitest';
import { FormatError, InvalidMarkupError, MissingMarkupError, UnsupportedMarkupError } from '../../errors.js';
import { loadPmml, pmmlFormat } from './index.js';
import { parsePmml } from './parse/document.js';
import { readXml } from './xml-reader.js';
import { dataField, identityRegression, load, pmmlDocument, score, values } from './test-helpers.js';

const FIELDS = [dataField('x'), dataField('y')];

describe('loadPmml', () => {
  it.each(['3_0', '3_2', '4_0', '4_1', '4_2', '4_3', '4_4'])('reads documents in the PMML-%s namespace', (version) => {
    const text = pmmlDocument(FIELDS, identityRegression()).replace('PMML-4_4', `PMML-${version}`);
    expect(score(loadPmml(text), { x: 2 })).toEqual({ y: 2 });
  });

  it('reads documents whose DMG namespace is written with https', () => {
    const text = pmmlDocument(FIELDS, identityRegression()).replace('http://www.dmg.org/PMML-4_4', 'https://www.dmg.org/PMML-3_1');
    expect(score(loadPmml(text), { x: 4 })).toEqual({ y: 4 });
  });

  it('reads documents without a namespace', () => {
    const text = pmmlDocument(FIELDS, identityRegression()).replace(' xmlns="http://www.dmg.org/PMML-4_4"', '');
    expect(score(loadPmml(text), { x: '3.5' })).toEqual({ y: 3.5 });
  });

  it('reads UTF-8 bytes', () => {
    const bytes = new TextEncoder().encode(pmmlDocument(FIELDS, identityRegression()));
    expect(score(loadPmml(bytes), { x: 1 })).toEqual({ y: 1 });
  });

  it('rejects garbage bytes with a FormatError', () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x13]);
    expect(() => loadPmml(bytes, { fileName: 'x.zip' })).toThrow(FormatError);
  });

  it('rejects truncated XML with a FormatError', () => {
    const text = pmmlDocument(FIELDS, identityRegression());
    expect(() => loadPmml(text.slice(0, text.length / 2))).toThrow(FormatError);
  });

  it('rejects XML that is not PMML with a FormatError naming the root', () => {
    expect(() => loadPmml('<svg xmlns="http://www.w3.org/2000/svg"/>', { fileName: 'a.xml' })).toThrow(/root element is <svg>/);
  });

  it('rejects a foreign namespace on <PMML>', () => {
    expect(() => loadPmml('<PMML xmlns="urn:other" version="4.4"/>')).toThrow(FormatError);
  });

  it('reports a model element without an evaluator as unsupported, with its line', () => {
    const model = '<NeuralNetwork functionName="regression">\n<MiningSchema/></NeuralNetwork>';
    // An empty model table stands for "no evaluator yet", whichever elements the engine has grown since.
    const error = captureError(() => parsePmml(readXml(pmmlDocument(FIELDS, model)), new Map()));
    expect(error).toBeInstanceOf(UnsupportedMarkupError);
    const unsupported = error as UnsupportedMarkupError;
    expect(unsupported.code).toBe('markup.unsupported');
    expect(unsupported.element).toBe('NeuralNetwork');
    expect(unsupported.message).toMatch(/^Model element <NeuralNetwork> is not supported yet \(line \d+\)\.$/);
  });

  it('lists every unsupported feature in one error', () => {
    const model = identityRegression(`<LocalTransformations>
      <DerivedField name="a" dataType="double"><Apply function="noSuchFunction"><FieldRef field="x"/></Apply></DerivedField>
      <DerivedField name="b" dataType="double"><Aggregate field="x" function="sum"/></DerivedField>
    </LocalTransformations>`);
    const error = captureError(() => load(FIELDS, model)) as UnsupportedMarkupError;
    expect(error).toBeInstanceOf(UnsupportedMarkupError);
    expect(error.features.map((f) => f.element).sort()).toEqual(['Aggregate', 'Apply']);
  });

  it('rejects references to undefined fields at load time', () => {
    const model = identityRegression().replace('<NumericPredictor name="x"', '<NumericPredictor name="nowhere"');
    expect(() => load(FIELDS, model)).toThrow(InvalidMarkupError);
  });

  it('rejects a model without a MiningSchema', () => {
    expect(() => load(FIELDS, '<TreeModel functionName="regression"><Node score="1"><True/></Node></TreeModel>')).toThrow(MissingMarkupError);
  });

  it('describes active inputs in MiningSchema order with DataDictionary information', () => {
    const fields = [dataField('y'), dataField('x', 'string', 'categorical', values('a', 'b')), dataField('z')];
    const model = `<TreeModel functionName="regression"><MiningSchema>
      <MiningField name="z"/><MiningField name="y" usageType="target"/><MiningField name="x"/></MiningSchema>
      <Node score="1"><True/></Node></TreeModel>`;
    const pmml = load(fields, model);
    expect(pmml.inputFields.map((f) => [f.name, f.dataType, f.opType, f.values])).toEqual([
      ['z', 'double', 'continuous', undefined],
      ['x', 'string', 'categorical', ['a', 'b']],
    ]);
    expect(pmml.resultFields.map((f) => [f.name, f.kind])).toEqual([['y', 'target']]);
  });

  it('matches PMML heads in the format table', () => {
    const head = new TextEncoder().encode('<?xml version="1.0"?>\n<PMML version="4.4">');
    expect(pmmlFormat.match(head, 'model.xml')).toBe(true);
    expect(pmmlFormat.match(new TextEncoder().encode('<svg/>'), 'a.xml')).toBe(false);
  });
});

function captureError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
