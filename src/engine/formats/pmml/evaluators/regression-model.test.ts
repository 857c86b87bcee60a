import { describe, expect, it } from 'vitest';
import { dataField, expectClose, load, score, values } from '../test-helpers.js';

const NUMERIC = [dataField('x'), dataField('z'), dataField('c', 'string', 'categorical', values('u', 'v')), dataField('y')];

function regression(method: string, table: string) {
  return load(
    NUMERIC,
    `<RegressionModel functionName="regression" normalizationMethod="${method}">
      <MiningSchema><MiningField name="y" usageType="target"/><MiningField name="x"/><MiningField name="z"/><MiningField name="c"/></MiningSchema>
      ${table}</RegressionModel>`,
  );
}

const TABLE = `<RegressionTable intercept="0.5">
  <NumericPredictor name="x" coefficient="2"/>
  <NumericPredictor name="z" exponent="2" coefficient="0.25"/>
  <CategoricalPredictor name="c" value="u" coefficient="1"/>
  <CategoricalPredictor name="c" value="v" coefficient="-1"/>
  <PredictorTerm coefficient="0.1"><FieldRef field="x"/><FieldRef field="z"/></PredictorTerm>
</RegressionTable>`;

describe('RegressionModel, regression', () => {
  it('sums the intercept, numeric, categorical and interaction terms', () => {
    // 0.5 + 2·1 + 0.25·2² + (−1) + 0.1·1·2
    expectClose(score(regression('none', TABLE), { x: 1, z: 2, c: 'v' }).y, 2.7);
  });

  it('is missing when a predictor is missing', () => {
    expect(score(regression('none', TABLE), { x: null, z: 2, c: 'u' }).y).toBeNull();
  });

  it.each([
    ['exp', Math.exp(0.7)],
    ['logit', 1 / (1 + Math.exp(-0.7))],
    ['softmax', 1 / (1 + Math.exp(-0.7))],
    ['cloglog', 1 - Math.exp(-Math.exp(0.7))],
    ['loglog', Math.exp(-Math.exp(-0.7))],
    ['cauchit', 0.5 + Math.atan(0.7) / Math.PI],
  ])('applies normalizationMethod %s', (method, expected) => {
    const table = '<RegressionTable intercept="0.7"/>';
    expectClose(score(regression(method, table), { x: 0, z: 0, c: 'u' }).y, expected);
  });

  it('applies the probit normalization with the normal CDF', () => {
    expectClose(score(regression('probit', '<RegressionTable intercept="1.96"/>'), { x: 0, z: 0, c: 'u' }).y, 0.9750021048517795, 1e-9);
  });
});

const CLASSES = [dataField('x'), dataField('y', 'string', 'categorical', values('a', 'b', 'c'))];

function classifier(method: string, tables: string, optype = 'categorical') {
  return load(
    CLASSES.map((f) => (optype === 'ordinal' ? f.replace('"categorical"', '"ordinal"') : f)),
    `<RegressionModel functionName="classification" normalizationMethod="${method}">
      <MiningSchema><MiningField name="y" usageType="target"/><MiningField name="x"/></MiningSchema>
      <Output>${['a', 'b', 'c'].map((v) => `<OutputField name="p_${v}" feature="probability" value="${v}"/>`).join('')}</Output>
      ${tables}</RegressionModel>`,
  );
}

const tables = (...intercepts: number[]) =>
  intercepts.map((b, i) => `<RegressionTable intercept="${b}" targetCategory="${'abc'[i]}"><NumericPredictor name="x" coefficient="1"/></RegressionTable>`).join('');

describe('RegressionModel, classification', () => {
  it('softmax normalises exponentials and predicts the most probable category', () => {
    const result = score(classifier('softmax', tables(0, 1, 2)), { x: 0 });
    const sum = 1 + Math.E + Math.E ** 2;
    expectClose(result.p_c, Math.E ** 2 / sum);
    expect(result.y).toBe('c');
  });

  it('simplemax divides each score by their sum', () => {
    const result = score(classifier('simplemax', tables(1, 1, 2)), { x: 0 });
    expectClose(result.p_a, 0.25);
    expectClose(result.p_c, 0.5);
  });

  it('a binary logit gives the second category the rest of the first', () => {
    const model = load(
      [dataField('x'), dataField('y', 'string', 'categorical', values('a', 'b'))],
      `<RegressionModel functionName="classification" normalizationMethod="logit">
        <MiningSchema><MiningField name="y" usageType="target"/><MiningField name="x"/></MiningSchema>
        <Output><OutputField name="p_a" feature="probability" value="a"/><OutputField name="p_b" feature="probability" value="b"/></Output>
        <RegressionTable intercept="0.3" targetCategory="a"/><RegressionTable intercept="0" targetCategory="b"/></RegressionModel>`,
    );
    const result = score(model, { x: 0 });
    expectClose(result.p_a, 1 / (1 + Math.exp(-0.3)));
    expectClose(result.p_b, 1 - 1 / (1 + Math.exp(-0.3)));
  });

  it('none with several categories gives the last category the rest', () => {
    const result = score(classifier('none', tables(0.2, 0.3, 0)), { x: 0 });
    expectClose(result.p_c, 0.5);
  });

  it('an ordinal target reads the tables as cumulative probabilities', () => {
    const result = score(classifier('logit', tables(0, 1, 0), 'ordinal'), { x: 0 });
    const first = 0.5;
    const second = 1 / (1 + Math.exp(-1));
    expectClose(result.p_a, first);
    expectClose(result.p_b, second - first);
    expectClose(result.p_c, 1 - second);
  });
});
