import { describe, expect, it } from 'vitest';
import { UnsupportedMarkupError } from '../../../errors.js';
import { dataField, expectClose, load, score } from '../test-helpers.js';
import { logDensity } from './baseline-model.js';

function baseline(tests: string, field = 'congestion-score'): string {
  return `<BaselineModel modelName="geo-cusum" functionName="regression">
    <MiningSchema><MiningField name="${field}"/><MiningField name="score" usageType="target"/></MiningSchema>
    <Output><OutputField name="cusum" feature="predictedValue"/><OutputField name="alarm" feature="decision" dataType="boolean" optype="categorical">
      <Apply function="greaterThan"><FieldRef field="cusum"/><Constant>10</Constant></Apply>
    </OutputField></Output>
    ${tests}
  </BaselineModel>`;
}

const FIELDS = [dataField('congestion-score'), dataField('score')];

/** The PMML 4.4 specification's CUSUM example ("geo-cusum"). */
const GEO_CUSUM = baseline(`<TestDistributions field="congestion-score" testStatistic="CUSUM" resetValue="0.0">
  <Baseline><GaussianDistribution mean="550.2" variance="48.2"/></Baseline>
  <Alternate><GaussianDistribution mean="460.4" variance="39.2"/></Alternate>
</TestDistributions>`);

const gaussianLog = (x: number, mean: number, variance: number) => -0.5 * Math.log(2 * Math.PI * variance) - (x - mean) ** 2 / (2 * variance);
const g = (x: number) => gaussianLog(x, 460.4, 39.2) - gaussianLog(x, 550.2, 48.2);

describe('BaselineModel', () => {
  it('accumulates the CUSUM score Z[n] = max{r, Z[n−1] + log f1(x)/f0(x)} over the records (specification example)', () => {
    const model = load(FIELDS, GEO_CUSUM);
    expect(score(model, { 'congestion-score': 550 }).score).toBe(0);
    expectClose(score(model, { 'congestion-score': 470 }).score, g(470));
    expectClose(score(model, { 'congestion-score': 480 }).score, g(470) + g(480));
  });

  it('drops back to the reset value when the evidence favours the baseline', () => {
    const model = load(FIELDS, GEO_CUSUM);
    score(model, { 'congestion-score': 470 });
    expect(score(model, { 'congestion-score': 560 }).score).toBe(0);
  });

  it('feeds the CUSUM score to a decision output', () => {
    const model = load(FIELDS, GEO_CUSUM);
    expect(score(model, { 'congestion-score': 550 }).alarm).toBe(false);
    expect(score(model, { 'congestion-score': 470 }).alarm).toBe(true);
  });

  it('leaves the CUSUM state alone when the field is missing', () => {
    const model = load(FIELDS, GEO_CUSUM);
    score(model, { 'congestion-score': 470 });
    expect(score(model, { 'congestion-score': null }).score).toBeNull();
    expectClose(score(model, { 'congestion-score': 470 }).score, 2 * g(470));
  });

  it('computes the z-value against a Gaussian baseline', () => {
    const model = load(
      FIELDS,
      baseline(`<TestDistributions field="congestion-score" testStatistic="zValue">
        <Baseline><GaussianDistribution mean="550.2" variance="48.2"/></Baseline></TestDistributions>`),
    );
    expectClose(score(model, { 'congestion-score': 530 }).score, (530 - 550.2) / Math.sqrt(48.2));
  });

  it('computes the z-value against a Poisson baseline with variance equal to its mean', () => {
    const model = load(
      FIELDS,
      baseline(`<TestDistributions field="congestion-score" testStatistic="zValue">
        <Baseline><PoissonDistribution mean="4"/></Baseline></TestDistributions>`),
    );
    expectClose(score(model, { 'congestion-score': 9 }).score, 2.5);
  });

  it('reports the batch statistics as unsupported when the model loads', () => {
    const markup = baseline(`<TestDistributions field="congestion-score" testStatistic="chiSquareDistribution">
      <Baseline><CountTable sample="10"><FieldValueCount field="congestion-score" value="1" count="10"/></CountTable></Baseline>
    </TestDistributions>`);
    expect(() => load(FIELDS, markup)).toThrow(UnsupportedMarkupError);
  });

  it('scores as a segment of a MiningModel', () => {
    const inner = baseline(`<TestDistributions field="congestion-score" testStatistic="zValue">
      <Baseline><GaussianDistribution mean="500" variance="25"/></Baseline></TestDistributions>`).replace(/<Output>[\s\S]*<\/Output>/, '');
    const markup = `<MiningModel functionName="regression">
      <MiningSchema><MiningField name="congestion-score"/><MiningField name="score" usageType="target"/></MiningSchema>
      <Segmentation multipleModelMethod="sum"><Segment id="a"><True/>${inner}</Segment><Segment id="b"><True/>${inner}</Segment></Segmentation>
    </MiningModel>`;
    expectClose(score(load(FIELDS, markup), { 'congestion-score': 510 }).score, 4);
  });
});

describe('logDensity', () => {
  it('gives the Poisson log-likelihood up to the log x! term', () => {
    expectClose(logDensity({ kind: 'PoissonDistribution', mean: 3, line: 1 }, 2)!, 2 * Math.log(3) - 3);
  });

  it('is −∞ outside a uniform distribution', () => {
    expect(logDensity({ kind: 'UniformDistribution', lower: 0, upper: 2, line: 1 }, 3)).toBe(-Infinity);
    expectClose(logDensity({ kind: 'UniformDistribution', lower: 0, upper: 2, line: 1 }, 1)!, -Math.log(2));
  });
});
