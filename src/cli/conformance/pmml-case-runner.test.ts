import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PmmlModel } from '../../engine/formats/pmml/index.js';
import { InvalidMarkupError, UndefinedResultError } from '../../engine/errors.js';
import type { CsvTable } from '../csv.js';
import { compareCase, createPmmlCaseRunner } from './pmml-case-runner.js';
import type { PmmlCase } from './pmml-case.js';

type FakeModel = Pick<PmmlModel, 'resultFields' | 'evaluate' | 'groupField'>;

/** A model computing y = 2x, with the result field named `y`. */
const doubler: FakeModel = {
  resultFields: [{ name: 'y', kind: 'target', isFinalResult: true, dataType: 'double' }] as unknown as PmmlModel['resultFields'],
  evaluate: (record) => {
    const x = record['x'];
    if (x === 'boom') {
      throw new UndefinedResultError("The logarithm of 'boom' is not defined.", 'x');
    }
    return { values: new Map([['y', x === null || x === undefined ? null : 2 * Number(x)]]) };
  },
};

const spec: PmmlCase = {
  id: 'test/Doubler',
  source: 'test',
  topModelElement: 'RegressionModel',
  separator: ',',
  missingTokens: ['NA'],
  comparedColumns: ['y'],
  columnMapping: {},
  equivalence: { type: 'PMMLEquivalence', precision: 1e-13, zeroThreshold: 1e-13 },
  notes: [],
};

const input = (...xs: (string | null)[]): CsvTable => ({ header: ['x'], rows: xs.map((x) => [x]) });
const expected = (...ys: (string | null)[]): CsvTable => ({ header: ['y'], rows: ys.map((y) => [y]) });

describe('compareCase', () => {
  it('passes when every row matches', () => {
    expect(compareCase(doubler, input('1', '2.5', null), expected('2.0', '5', null), spec)).toEqual({
      passed: true,
      rows: { matched: 3, total: 3 },
    });
  });

  it('reports the first differing row and column with both values', () => {
    const outcome = compareCase(doubler, input('1', '2', '3'), expected('2', '5', '7'), spec);
    expect(outcome.passed).toBe(false);
    expect(outcome.message).toMatch(/^row 2, column 'y': expected '5', actual 4 \(relative difference 0\.20\) under PMMLEquivalence/);
    expect(outcome.message).toMatch(/\(2 of 3 rows differ\)$/);
  });

  it('reports a value where the expected cell is missing', () => {
    expect(compareCase(doubler, input('1'), expected(null), spec).message).toMatch(/expected missing, actual 2/);
  });

  it('reports an evaluation error with the row', () => {
    const outcome = compareCase(doubler, input('1', 'boom'), expected('2', '0'), spec);
    expect(outcome.message).toMatch(/^row 2: UndefinedResultError: The logarithm of 'boom' is not defined\./);
  });

  it('fails when the model does not produce a compared column', () => {
    const outcome = compareCase(doubler, input('1'), { header: ['z'], rows: [['2']] }, { ...spec, comparedColumns: ['z'] });
    expect(outcome).toEqual({ passed: false, message: "The model does not produce 'z' (its result fields: 'y')." });
  });

  it('looks up a mapped column under the engine field name', () => {
    const mapped = { ...spec, comparedColumns: ['predicted'], columnMapping: { predicted: 'y' } };
    expect(compareCase(doubler, input('3'), { header: ['predicted'], rows: [['6']] }, mapped).passed).toBe(true);
  });

  it('scores one record per group for a model with a group field, items as a list', () => {
    const basketSize: FakeModel = {
      resultFields: doubler.resultFields,
      groupField: 'basket',
      evaluate: (record) => ({ values: new Map([['y', (record['x'] as readonly string[]).length]]) }),
    };
    const baskets: CsvTable = { header: ['basket', 'x'], rows: [['b1', 'milk'], ['b2', 'eggs'], ['b1', 'tea']] };
    expect(compareCase(basketSize, baskets, expected('2', '1'), spec)).toEqual({ passed: true, rows: { matched: 2, total: 2 } });
  });

  it('fails when input and expected rows differ in number', () => {
    expect(compareCase(doubler, input('1', '2'), expected('2'), spec).message).toMatch(/input\.csv has 2 rows but expected\.csv has 1/);
  });
});

describe('createPmmlCaseRunner', () => {
  const dir = mkdtempSync(join(tmpdir(), 'modelport-case-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const caseDir = join(dir, 'test', 'Doubler');
  mkdirSync(caseDir, { recursive: true });
  writeFileSync(join(caseDir, 'model.pmml'), '<PMML/>');
  writeFileSync(join(caseDir, 'input.csv'), 'x\n1\nNA\n');
  writeFileSync(join(caseDir, 'expected.csv'), 'y\n2.0\nNA\n');
  writeFileSync(
    join(caseDir, 'case.json'),
    JSON.stringify({
      id: 'test/Doubler',
      source: 'test',
      top_model_element: 'RegressionModel',
      csv_separator: ',',
      missing_value_tokens: ['NA'],
      compared_columns: ['y'],
      equivalence: { type: 'PMMLEquivalence', precision: 1e-13, zeroThreshold: 1e-13 },
    }),
  );

  it('detects a folder with case.json and model.pmml only', () => {
    const runner = createPmmlCaseRunner(() => doubler as PmmlModel);
    expect(runner.detect(caseDir)).toBe(true);
    expect(runner.detect(dir)).toBe(false);
  });

  it('scores the case files and groups the outcome by source and element', async () => {
    const runner = createPmmlCaseRunner(() => doubler as PmmlModel);
    expect(await runner.run(caseDir)).toEqual({
      id: 'test/Doubler',
      passed: true,
      rows: { matched: 2, total: 2 },
      groups: { source: 'test', element: 'RegressionModel' },
    });
  });

  it('fails the case with the error the loader threw', async () => {
    const runner = createPmmlCaseRunner(() => {
      throw new InvalidMarkupError('Element <PMML> has no model (line 1).', 'PMML', 1);
    });
    const outcome = await runner.run(caseDir);
    expect(outcome).toMatchObject({ passed: false, message: 'InvalidMarkupError: Element <PMML> has no model (line 1).' });
  });
});
