/** Shorthands for the interpreter tests: small PMML documents built inline, scored in one call. */
import { expect } from 'vitest';
import { loadPmml, type PmmlModel, type ResultValue } from './index.js';

/** A DataField element. */
export function dataField(name: string, dataType = 'double', optype = 'continuous', inner = ''): string {
  return `<DataField name="${name}" optype="${optype}" dataType="${dataType}">${inner}</DataField>`;
}

/** `<Value value="…"/>` elements for each category. */
export function values(...categories: string[]): string {
  return categories.map((c) => `<Value value="${c}"/>`).join('');
}

/** A whole PMML 4.4 document around a DataDictionary and model markup. */
export function pmmlDocument(fields: string[], model: string, extra = ''): string {
  return `<?xml version="1.0"?>
<PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4">
  <Header/>
  <DataDictionary>${fields.join('')}</DataDictionary>
  ${extra}
  ${model}
</PMML>`;
}

export function load(fields: string[], model: string, extra = ''): PmmlModel {
  return loadPmml(pmmlDocument(fields, model, extra), { fileName: 'test.pmml' });
}

type Raw = Record<string, string | number | boolean | null>;

/** Scores one record and returns the result values as a plain object. */
export function score(model: PmmlModel, record: Raw): Record<string, ResultValue> {
  return Object.fromEntries(model.evaluate(record).values);
}

/** Relative closeness with an absolute floor near zero. */
export function expectClose(actual: unknown, expected: number, rel = 1e-12, zero = 1e-12): void {
  expect(typeof actual).toBe('number');
  const value = actual as number;
  if (Math.abs(expected) <= zero) {
    expect(Math.abs(value)).toBeLessThanOrEqual(zero);
    return;
  }
  expect(Math.abs(value - expected) / Math.abs(expected)).toBeLessThanOrEqual(rel);
}

/** A regression model over `x` whose value is `x` itself, with extra markup inside it. */
export function identityRegression(inside = '', attributes = ''): string {
  return `<RegressionModel functionName="regression" ${attributes}>
    <MiningSchema><MiningField name="y" usageType="target"/><MiningField name="x"/></MiningSchema>
    ${inside}
    <RegressionTable intercept="0"><NumericPredictor name="x" coefficient="1"/></RegressionTable>
  </RegressionModel>`;
}
