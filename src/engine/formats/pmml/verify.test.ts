import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPmml, verifyModel } from './index.js';
import { dataField, identityRegression, load } from './test-helpers.js';

function withVerification(rows: string) {
  const verification = `<ModelVerification recordCount="2"><VerificationFields>
      <VerificationField field="x" column="data:x"/><VerificationField field="y" column="data:y" precision="1E-6" zeroThreshold="1E-9"/>
    </VerificationFields><InlineTable>${rows}</InlineTable></ModelVerification>`;
  return load([dataField('x'), dataField('y')], identityRegression(verification));
}

const row = (x: string, y: string) => `<row><data:x xmlns:data="urn:d">${x}</data:x><data:y xmlns:data="urn:d">${y}</data:y></row>`;

describe('verifyModel', () => {
  it('passes when every record reproduces its expected results within precision', () => {
    const result = verifyModel(withVerification(row('1.5', '1.5000001') + row('0', '1E-12')));
    expect(result).toMatchObject({ recordCount: 2, passed: true, mismatches: [] });
    expect(result?.comparedFields).toEqual([{ field: 'y', precision: 1e-6, zeroThreshold: 1e-9 }]);
  });

  it('lists the records whose results differ', () => {
    const result = verifyModel(withVerification(row('1', '1') + row('2', '3')));
    expect(result?.passed).toBe(false);
    expect(result?.mismatches).toEqual([{ row: 2, field: 'y', expected: '3', actual: 2 }]);
  });

  it('is undefined for documents without ModelVerification', () => {
    expect(verifyModel(load([dataField('x'), dataField('y')], identityRegression()))).toBeUndefined();
  });
});

describe('verifyModel for a transactional model', () => {
  // jpmml CollectionVerificationTest: rows sharing a transaction are one record; multi-valued fields list their cells.
  const file = new URL('../../../../../shared/conformance/pmml/models-only/jpmml-evaluator.unit/association/CollectionVerificationTest.pmml', import.meta.url);
  const text = readFileSync(file, 'utf8');

  it('scores each group of rows once and compares its lists of expected values', () => {
    const result = verifyModel(loadPmml(text, { fileName: 'CollectionVerificationTest.pmml' }));
    expect(result).toMatchObject({ passed: true, mismatches: [], errors: [] });
    expect(result?.comparedFields.map((f) => f.field)).toEqual(['Recommendation', 'Exclusive_Recommendation', 'Rule_Association']);
  });

  it('reports a group whose list differs, at the group\'s first row, with the expected list', () => {
    const changed = text.replace('<Rule_Association>3</Rule_Association>', '<Rule_Association>4</Rule_Association>');
    const result = verifyModel(loadPmml(changed, { fileName: 'changed.pmml' }));
    expect(result?.mismatches).toEqual([{ row: 1, field: 'Rule_Association', expected: '[4]', actual: ['3'] }]);
  });
});
