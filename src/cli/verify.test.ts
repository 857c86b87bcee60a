import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCommandLine } from './args.js';
import { CliError } from './cli-error.js';
import { runVerify } from './verify.js';

const root = mkdtempSync(join(tmpdir(), 'modelport-verify-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** y = 2x, with a ModelVerification table of (x, y) rows; an empty y cell expects a missing result. */
function writeModel(name: string, rows: readonly (readonly [string, string])[] | undefined): string {
  const verification =
    rows === undefined
      ? ''
      : `<ModelVerification recordCount="${rows.length}"><VerificationFields>
          <VerificationField field="x"/><VerificationField field="y" precision="1E-6" zeroThreshold="1E-9"/>
        </VerificationFields><InlineTable>${rows.map(([x, y]) => `<row><x>${x}</x><y>${y}</y></row>`).join('')}</InlineTable></ModelVerification>`;
  const path = join(root, name);
  writeFileSync(
    path,
    `<PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4"><Header/>
      <DataDictionary><DataField name="x" optype="continuous" dataType="double"/><DataField name="y" optype="continuous" dataType="double"/></DataDictionary>
      <RegressionModel functionName="regression">
        <MiningSchema><MiningField name="x"/><MiningField name="y" usageType="target"/></MiningSchema>
        ${verification}
        <RegressionTable intercept="0"><NumericPredictor name="x" coefficient="2"/></RegressionTable>
      </RegressionModel></PMML>`,
  );
  return path;
}

async function verify(path: string): Promise<{ status: number; lines: string[] }> {
  const lines: string[] = [];
  const status = await runVerify({ name: 'verify', model: path, debug: false }, (line) => lines.push(line));
  return { status, lines };
}

describe('score --verify', () => {
  it('is parsed from the score command with the model as its only argument', () => {
    expect(parseCommandLine(['score', '--verify', 'm.pmml'])).toEqual({ name: 'verify', model: 'm.pmml', debug: false });
    expect(() => parseCommandLine(['score', '--verify', 'm.pmml', 'in.csv'])).toThrow("'score --verify' takes <model>, but got 'm.pmml' 'in.csv'.");
  });

  it('reports the tolerances and the passed count, and exits 0, when every record matches', async () => {
    const { status, lines } = await verify(writeModel('good.pmml', [['1', '2'], ['0.5', '1.0000001']]));
    expect(status).toBe(0);
    expect(lines).toEqual([
      "good.pmml: 2 ModelVerification records, comparing 'y' (precision 0.000001, zeroThreshold 1e-9).",
      '2 records passed, 0 failed.',
    ]);
  });

  it('lists each mismatch with its record, field, expected and actual value, and exits 1', async () => {
    const { status, lines } = await verify(writeModel('bad.pmml', [['1', '2'], ['2', '5'], ['3', ''], ['4', '8']]));
    expect(status).toBe(1);
    expect(lines.slice(1)).toEqual([
      "FAIL record 2, field 'y': expected '5', actual 4",
      "FAIL record 3, field 'y': expected missing, actual 6",
      '2 records passed, 2 failed.',
    ]);
  });

  it('says so, and exits 0, when the document has no ModelVerification', async () => {
    const { status, lines } = await verify(writeModel('plain.pmml', undefined));
    expect(status).toBe(0);
    expect(lines).toEqual(['plain.pmml has no ModelVerification element: there are no records to verify.']);
  });

  it('names the file when it is not a PMML document', async () => {
    const path = join(root, 'notes.xml');
    writeFileSync(path, '<notes/>');
    await expect(verify(path)).rejects.toThrow(CliError);
    await expect(verify(path)).rejects.toThrow(/^notes\.xml: /);
  });
});
