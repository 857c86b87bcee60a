import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPmml } from '../index.js';
import { dataField, expectClose, load, score, values } from '../test-helpers.js';

const FIELDS = [dataField('x'), dataField('f', 'string', 'categorical', values('u', 'v')), dataField('t'), dataField('s', 'string', 'categorical')];

/** Parameters: p0 intercept, p1 = x, p2 = [f = v], p3 = x² — with the given betas. */
function grm(attributes: string, cells: string, target = dataField('y'), extra = '') {
  return load(
    [...FIELDS, target],
    `<GeneralRegressionModel functionName="${target.includes('"string"') ? 'classification' : 'regression'}" ${attributes}>
      <MiningSchema><MiningField name="y" usageType="target"/><MiningField name="x"/><MiningField name="f"/><MiningField name="t"/><MiningField name="s"/></MiningSchema>
      <Output><OutputField name="p_a" feature="probability" value="a"/><OutputField name="p_b" feature="probability" value="b"/></Output>
      <ParameterList><Parameter name="p0"/><Parameter name="p1" referencePoint="1"/><Parameter name="p2"/><Parameter name="p3"/></ParameterList>
      <FactorList><Predictor name="f"/></FactorList><CovariateList><Predictor name="x"/></CovariateList>
      <PPMatrix><PPCell value="1" predictorName="x" parameterName="p1"/><PPCell value="v" predictorName="f" parameterName="p2"/>
        <PPCell value="2" predictorName="x" parameterName="p3"/></PPMatrix>
      <ParamMatrix>${cells}</ParamMatrix>${extra}</GeneralRegressionModel>`,
  );
}

const BETAS = '<PCell parameterName="p0" beta="1"/><PCell parameterName="p1" beta="2"/><PCell parameterName="p2" beta="3"/><PCell parameterName="p3" beta="0.5"/>';

describe('GeneralRegressionModel', () => {
  it('regression: η from covariates, factors and polynomial cells', () => {
    // 1 + 2·2 + 3·[v] + 0.5·2²
    expect(score(grm('modelType="regression"', BETAS), { x: 2, f: 'v' }).y).toBe(10);
    expect(score(grm('modelType="regression"', BETAS), { x: 2, f: 'u' }).y).toBe(7);
  });

  it('describes each parameter as a term the structure view can evaluate: f=v for a factor, x^2 for a power', () => {
    const structure = grm('modelType="regression"', BETAS).description.structure;
    expect(structure.kind === 'regression' && structure.tables[0].terms).toEqual([
      { label: 'x', coefficient: 2 },
      { label: 'f=v', coefficient: 3 },
      { label: 'x^2', coefficient: 0.5 },
    ]);
  });

  it('a traced record gives each term β·x under the label the structure shows, without the intercept', () => {
    const model = grm('modelType="regression"', BETAS);
    expect(model.evaluate({ x: 2, f: 'u' }, { trace: true }).trace?.contributions).toEqual([
      { label: 'x', value: 4 },
      { label: 'f=v', value: 0 },
      { label: 'x^2', value: 2 },
    ]);
    expect(model.evaluate({ x: 2, f: 'u' }).trace).toBeUndefined();
  });

  it('generalizedLinear applies the inverse link to η plus the offset, times the trials', () => {
    const model = grm('modelType="generalizedLinear" linkFunction="log" offsetValue="0.5" trialsValue="3"', BETAS);
    expectClose(score(model, { x: 0, f: 'u' }).y, 3 * Math.exp(1.5));
  });

  it.each([
    ['identity', '', 0.4],
    ['logc', '', 1 - Math.exp(0.4)],
    ['power', 'linkParameter="2"', Math.sqrt(0.4)],
    ['oddspower', 'linkParameter="1"', 1.4 / 2.4],
    ['negbin', 'distParameter="2"', 1 / (2 * (Math.exp(-0.4) - 1))],
  ])('inverse link %s', (link, parameter, expected) => {
    const model = grm(`modelType="generalizedLinear" linkFunction="${link}" ${parameter}`, '<PCell parameterName="p0" beta="0.4"/>');
    expectClose(score(model, { x: 0, f: 'u' }).y, expected);
  });

  it('binomial generalizedLinear gives the modelled category g⁻¹(η) and the reference the rest', () => {
    const target = dataField('y', 'string', 'categorical', values('a', 'b'));
    const cells = '<PCell parameterName="p0" targetCategory="a" beta="0.2"/>';
    const result = score(grm('modelType="generalizedLinear" linkFunction="logit"', cells, target), { x: 0, f: 'u' });
    expectClose(result.p_a, 1 / (1 + Math.exp(-0.2)));
    expectClose(result.p_b, 1 - 1 / (1 + Math.exp(-0.2)));
  });

  it('multinomialLogistic uses softmax against the reference category', () => {
    const target = dataField('y', 'string', 'categorical', values('a', 'b'));
    const cells = '<PCell parameterName="p0" targetCategory="a" beta="1"/>';
    const result = score(grm('modelType="multinomialLogistic"', cells, target), { x: 0, f: 'u' });
    expectClose(result.p_a, Math.E / (Math.E + 1));
    expect(result.y).toBe('a');
  });

  it('ordinalMultinomial reads cumulative probabilities through cumulativeLink', () => {
    const target = dataField('y', 'string', 'ordinal', values('a', 'b'));
    const cells = '<PCell parameterName="p0" targetCategory="a" beta="0"/><PCell parameterName="p1" beta="1"/>';
    const result = score(grm('modelType="ordinalMultinomial" cumulativeLink="logit"', cells, target), { x: 1, f: 'u' });
    expectClose(result.p_a, 1 / (1 + Math.exp(-1)));
  });

  it('CoxRegression multiplies the baseline cumulative hazard by exp of the centred η', () => {
    const tables = `<BaseCumHazardTables><BaselineStratum value="k" maxTime="10">
      <BaselineCell time="1" cumHazard="0.1"/><BaselineCell time="5" cumHazard="0.4"/></BaselineStratum></BaseCumHazardTables>`;
    const model = grm('modelType="CoxRegression" endTimeVariable="t" baselineStrataVariable="s"', '<PCell parameterName="p1" beta="0.5"/>', dataField('y'), tables);
    expectClose(score(model, { x: 3, f: 'u', t: 6, s: 'k' }).y, 0.4 * Math.exp(0.5 * (3 - 1)));
    expect(score(model, { x: 3, f: 'u', t: 0.5, s: 'k' }).y).toBe(0);
    expect(score(model, { x: 3, f: 'u', t: 11, s: 'k' }).y).toBeNull();
    expect(score(model, { x: 3, f: 'u', t: 6, s: 'other' }).y).toBeNull();
  });
});

describe('GeneralRegressionModel contrast matrices', () => {
  it('codes factors through their contrast matrix (jpmml ContrastMatrixTest, hand-computed)', () => {
    const file = resolve('../shared/conformance/pmml/models-only/jpmml-evaluator.unit/general_regression/ContrastMatrixTest.pmml');
    const model = loadPmml(readFileSync(file), { fileName: 'ContrastMatrixTest.pmml' });
    const values = model.evaluate({ gender: 'f', educ: 19, jobcat: '3', salbegin: 45000 }).values;
    expectClose(values.get('Probability_Low'), 0.8195647, 1e-7);
    expectClose(values.get('Probability_High'), 0.1804353, 1e-6);
  });
});
