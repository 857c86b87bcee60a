import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

/** Runs the CLI as `npm run` does (tsx), resolving with its exit status and output. */
function cli(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const PMML = `<PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4"><Header/>
  <DataDictionary><DataField name="x" optype="continuous" dataType="double"/><DataField name="y" optype="continuous" dataType="double"/></DataDictionary>
  <RegressionModel functionName="regression">
    <MiningSchema><MiningField name="x"/><MiningField name="y" usageType="target"/></MiningSchema>
    <RegressionTable intercept="0"><NumericPredictor name="x" coefficient="2"/></RegressionTable>
  </RegressionModel>
</PMML>`;

const root = mkdtempSync(join(tmpdir(), 'modelport-main-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A conformance case whose second expected value is wrong. */
function writeCase(): string {
  const dir = join(root, 'cases', 'test', 'Doubler');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'model.pmml'), PMML);
  writeFileSync(join(dir, 'input.csv'), 'x\n1\n2\n');
  writeFileSync(join(dir, 'expected.csv'), 'y\n2.0\n5.0\n');
  const equivalence = { type: 'PMMLEquivalence', precision: 1e-13, zeroThreshold: 1e-13 };
  const spec = { id: 'test/Doubler', source: 'test', top_model_element: 'RegressionModel', csv_separator: ',' };
  writeFileSync(join(dir, 'case.json'), JSON.stringify({ ...spec, missing_value_tokens: ['NA'], compared_columns: ['y'], equivalence }));
  return join(root, 'cases');
}

describe('modelport exit status', () => {
  it('exits 0 with the usage for --help', async () => {
    const { status, stdout } = await cli('--help');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Usage: modelport <command>/);
  });

  it('exits 2 with a sentence and a hint for a usage error', async () => {
    const { status, stderr } = await cli('score', 'model.pmml');
    expect(status).toBe(2);
    expect(stderr).toBe("'score' takes <model> <input.csv>, but got 'model.pmml'.\nRun 'modelport --help' for usage.\n");
  });

  it('exits 1 when a case fails, ending with the summary line', async () => {
    const { status, stdout } = await cli('conformance', writeCase());
    expect(status).toBe(1);
    expect(stdout).toMatch(/^FAIL test\/Doubler: row 2, column 'y': expected '5\.0', actual 4 /);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('0 passed, 1 failed');
  });
});
