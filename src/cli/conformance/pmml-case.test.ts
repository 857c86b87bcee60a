import { describe, expect, it } from 'vitest';
import { CaseFileError, readPmmlCase } from './pmml-case.js';

const caseJson = {
  id: 'jpmml-sklearn/Cubic2Spline',
  source: 'jpmml-sklearn',
  top_model_element: 'RegressionModel',
  csv_separator: '\t',
  missing_value_tokens: ['NA', 'N/A'],
  compared_columns: ['y'],
  column_mapping: null,
  equivalence: { type: 'FloatEquivalence', tolerance_ulps: 8, semantics: '…' },
  notes: [],
};

describe('readPmmlCase', () => {
  it('reads the keys the runner acts on', () => {
    expect(readPmmlCase(caseJson, 'case.json')).toEqual({
      id: 'jpmml-sklearn/Cubic2Spline',
      source: 'jpmml-sklearn',
      topModelElement: 'RegressionModel',
      separator: '\t',
      missingTokens: ['NA', 'N/A'],
      comparedColumns: ['y'],
      columnMapping: {},
      equivalence: { type: 'FloatEquivalence', toleranceUlps: 8 },
      notes: [],
    });
  });

  it('reads PMMLEquivalence with its precision and zero threshold', () => {
    const spec = readPmmlCase({ ...caseJson, equivalence: { type: 'PMMLEquivalence', precision: 1e-13, zeroThreshold: 1e-12 } }, 'case.json');
    expect(spec.equivalence).toEqual({ type: 'PMMLEquivalence', precision: 1e-13, zeroThreshold: 1e-12 });
  });

  it('reads a column mapping', () => {
    const spec = readPmmlCase({ ...caseJson, column_mapping: { y: 'predicted_y' } }, 'case.json');
    expect(spec.columnMapping).toEqual({ y: 'predicted_y' });
  });

  it('names the key that has the wrong type', () => {
    expect(() => readPmmlCase({ ...caseJson, compared_columns: 'y' }, 'a/case.json')).toThrow(
      "Key 'compared_columns' of a/case.json must be an array of strings.",
    );
  });

  it('rejects an equivalence it does not know', () => {
    expect(() => readPmmlCase({ ...caseJson, equivalence: { type: 'Fuzzy' } }, 'case.json')).toThrow(CaseFileError);
  });
});
