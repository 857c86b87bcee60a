import { describe, expect, it } from 'vitest';
import { InvalidMarkupError } from '../../../errors.js';
import { dataField, expectClose, load, score, values } from '../test-helpers.js';
import { normalDensity, triangularDensity } from './bayesian-network-model/densities.js';

const TF = values('T', 'F');
const vp = (t: number) => `<ValueProbability value="T" probability="${t}"/><ValueProbability value="F" probability="${1 - t}"/>`;
const row = (parents: Record<string, string>, t: number) =>
  `<DiscreteConditionalProbability>${Object.entries(parents)
    .map(([p, v]) => `<ParentValue parent="${p}" value="${v}"/>`)
    .join('')}${vp(t)}</DiscreteConditionalProbability>`;

/** The rain/sprinkler/wet-grass network of the Bayesian network literature. */
function sprinkler(target: string, inputs: string[]): string {
  return `<BayesianNetworkModel modelName="sprinkler" functionName="classification" modelType="General" inferenceMethod="Exact">
    <MiningSchema>${inputs.map((f) => `<MiningField name="${f}"/>`).join('')}<MiningField name="${target}" usageType="target"/></MiningSchema>
    <Output><OutputField name="pT" feature="probability" value="T"/></Output>
    <BayesianNetworkNodes>
      <DiscreteNode name="Rain">${vp(0.2)}</DiscreteNode>
      <DiscreteNode name="Sprinkler">${row({ Rain: 'F' }, 0.4)}${row({ Rain: 'T' }, 0.01)}</DiscreteNode>
      <DiscreteNode name="GrassWet">
        ${row({ Sprinkler: 'F', Rain: 'F' }, 0)}${row({ Sprinkler: 'F', Rain: 'T' }, 0.8)}
        ${row({ Sprinkler: 'T', Rain: 'F' }, 0.9)}${row({ Sprinkler: 'T', Rain: 'T' }, 0.99)}
      </DiscreteNode>
    </BayesianNetworkNodes>
  </BayesianNetworkModel>`;
}

const SPRINKLER_FIELDS = ['Rain', 'Sprinkler', 'GrassWet'].map((f) => dataField(f, 'string', 'categorical', TF));

describe('BayesianNetworkModel', () => {
  it('infers P(Rain | GrassWet = T) = 0.3577 by summing out the sprinkler', () => {
    const model = load(SPRINKLER_FIELDS, sprinkler('Rain', ['GrassWet', 'Sprinkler']));
    const result = score(model, { GrassWet: 'T', Sprinkler: null });
    // (0.2·0.99·0.01 + 0.2·0.8·0.99) / (that + 0.8·0.9·0.4) = 0.16038 / 0.44838
    expectClose(result.pT, 0.16038 / 0.44838, 1e-12);
    expect(result.Rain).toBe('F');
  });

  it('uses every observed node as evidence', () => {
    const model = load(SPRINKLER_FIELDS, sprinkler('Rain', ['GrassWet', 'Sprinkler']));
    const result = score(model, { GrassWet: 'T', Sprinkler: 'T' });
    const rain = 0.2 * 0.01 * 0.99;
    expectClose(result.pT, rain / (rain + 0.8 * 0.4 * 0.9), 1e-12);
  });

  it('returns the prior of the target without evidence', () => {
    const result = score(load(SPRINKLER_FIELDS, sprinkler('Rain', ['GrassWet'])), { GrassWet: null });
    expectClose(result.pT, 0.2, 1e-12);
  });

  it('predicts a child node from its parents', () => {
    const result = score(load(SPRINKLER_FIELDS, sprinkler('GrassWet', ['Rain', 'Sprinkler'])), { Rain: 'T', Sprinkler: 'F' });
    expectClose(result.pT, 0.8, 1e-12);
    expect(result.GrassWet).toBe('T');
  });

  it('weighs observed continuous nodes by their density given discrete and continuous parents', () => {
    const markup = `<BayesianNetworkModel functionName="classification">
      <MiningSchema><MiningField name="x1"/><MiningField name="x2"/><MiningField name="C" usageType="target"/></MiningSchema>
      <Output><OutputField name="pT" feature="probability" value="T"/></Output>
      <BayesianNetworkNodes>
        <DiscreteNode name="C">${vp(0.3)}</DiscreteNode>
        <ContinuousNode name="x1">
          <ContinuousConditionalProbability><ParentValue parent="C" value="T"/><ContinuousDistribution><NormalDistribution>
            <Mean><Constant>1</Constant></Mean><Variance><Constant>4</Constant></Variance></NormalDistribution></ContinuousDistribution>
          </ContinuousConditionalProbability>
          <ContinuousConditionalProbability><ParentValue parent="C" value="F"/><ContinuousDistribution><NormalDistribution>
            <Mean><Constant>-1</Constant></Mean><Variance><Constant>1</Constant></Variance></NormalDistribution></ContinuousDistribution>
          </ContinuousConditionalProbability>
        </ContinuousNode>
        <ContinuousNode name="x2"><ContinuousDistribution><NormalDistribution>
          <Mean><Apply function="*"><Constant>2</Constant><FieldRef field="x1"/></Apply></Mean><Variance><Constant>1</Constant></Variance>
        </NormalDistribution></ContinuousDistribution></ContinuousNode>
      </BayesianNetworkNodes>
    </BayesianNetworkModel>`;
    const model = load([dataField('x1'), dataField('x2'), dataField('C', 'string', 'categorical', TF)], markup);
    const t = 0.3 * normalDensity(0.5, 1, 4);
    const f = 0.7 * normalDensity(0.5, -1, 1);
    expectClose(score(model, { x1: 0.5, x2: 1.2 }).pT, t / (t + f), 1e-12);
  });

  it('rejects a cycle when the model loads', () => {
    const markup = `<BayesianNetworkModel functionName="classification">
      <MiningSchema><MiningField name="A" usageType="target"/></MiningSchema>
      <BayesianNetworkNodes>
        <DiscreteNode name="A">${row({ B: 'T' }, 0.5)}${row({ B: 'F' }, 0.5)}</DiscreteNode>
        <DiscreteNode name="B">${row({ A: 'T' }, 0.5)}${row({ A: 'F' }, 0.5)}</DiscreteNode>
      </BayesianNetworkNodes>
    </BayesianNetworkModel>`;
    expect(() => load([dataField('A', 'string', 'categorical', TF), dataField('B', 'string', 'categorical', TF)], markup)).toThrow(InvalidMarkupError);
  });

  it('predicts a continuous target by its posterior mean over the discrete parents', () => {
    const markup = `<BayesianNetworkModel functionName="regression">
      <MiningSchema><MiningField name="Rain"/><MiningField name="GrassWet"/><MiningField name="x" usageType="target"/></MiningSchema>
      <BayesianNetworkNodes>
        <DiscreteNode name="Rain">${vp(0.2)}</DiscreteNode>
        <DiscreteNode name="GrassWet">${row({ Rain: 'T' }, 0.9)}${row({ Rain: 'F' }, 0.3)}</DiscreteNode>
        <ContinuousNode name="x">
          <ContinuousConditionalProbability><ParentValue parent="Rain" value="T"/><ContinuousDistribution><UniformDistribution>
            <Lower><Constant>0</Constant></Lower><Upper><Constant>10</Constant></Upper></UniformDistribution></ContinuousDistribution>
          </ContinuousConditionalProbability>
          <ContinuousConditionalProbability><ParentValue parent="Rain" value="F"/><ContinuousDistribution><LognormalDistribution>
            <Mean><Constant>0</Constant></Mean><Variance><Constant>2</Constant></Variance></LognormalDistribution></ContinuousDistribution>
          </ContinuousConditionalProbability>
        </ContinuousNode>
      </BayesianNetworkNodes>
    </BayesianNetworkModel>`;
    const fields = [dataField('Rain', 'string', 'categorical', TF), dataField('GrassWet', 'string', 'categorical', TF), dataField('x')];
    const rain = (0.2 * 0.9) / (0.2 * 0.9 + 0.8 * 0.3);
    expectClose(score(load(fields, markup), { Rain: null, GrassWet: 'T' }).x, rain * 5 + (1 - rain) * Math.exp(1));
  });

  it('votes as a segment of a MiningModel', () => {
    const inner = sprinkler('GrassWet', ['Rain', 'Sprinkler']).replace(/<Output>[\s\S]*<\/Output>/, '');
    const markup = `<MiningModel functionName="classification">
      <MiningSchema><MiningField name="Rain"/><MiningField name="Sprinkler"/><MiningField name="GrassWet" usageType="target"/></MiningSchema>
      <Output><OutputField name="pT" feature="probability" value="T"/></Output>
      <Segmentation multipleModelMethod="average"><Segment id="only"><True/>${inner}</Segment></Segmentation>
    </MiningModel>`;
    const result = score(load(SPRINKLER_FIELDS, markup), { Rain: 'F', Sprinkler: 'T' });
    expect(result.GrassWet).toBe('T');
    expectClose(result.pT, 0.9, 1e-12);
  });
});

describe('Bayesian network densities', () => {
  it('places the triangular mode so that the mean is (a + b + c)/3', () => {
    // a = 0, b = 3, mean 4/3 → mode 1: the density peaks at 2/(b − a).
    expectClose(triangularDensity(1, 4 / 3, 0, 3), 2 / 3);
    expectClose(triangularDensity(2, 4 / 3, 0, 3), 1 / 3);
    expect(triangularDensity(4, 4 / 3, 0, 3)).toBe(0);
  });
});
