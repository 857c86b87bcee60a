import { describe, expect, it } from 'vitest';
import { verifyModel } from './index.js';
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
