import { describe, expect, it } from 'vitest';
import { dataField, expectClose, identityRegression, load, score, values } from './test-helpers.js';

const FIELDS = [dataField('x'), dataField('y')];

describe('Targets', () => {
  it('clamps to min/max before rescaling', () => {
    const targets = '<Targets><Target field="y" min="0" max="10" rescaleFactor="2" rescaleConstant="1"/></Targets>';
    const model = load(FIELDS, identityRegression(targets));
    expect([score(model, { x: 3 }).y, score(model, { x: 50 }).y, score(model, { x: -5 }).y]).toEqual([7, 21, 1]);
  });

  it.each([
    ['round', 2.5, 3],
    ['ceiling', 2.1, 3],
    ['floor', 2.9, 2],
  ])('castInteger="%s"', (cast, x, expected) => {
    const model = load(FIELDS, identityRegression(`<Targets><Target field="y" castInteger="${cast}"/></Targets>`));
    expect(score(model, { x }).y).toBe(expected);
  });

  it('uses TargetValue@defaultValue when the model has no prediction', () => {
    const model = load(FIELDS, identityRegression('<Targets><Target field="y"><TargetValue defaultValue="42"/></Target></Targets>'));
    expect(score(model, { x: null }).y).toBe(42);
  });

  it('falls back to the prior probabilities of a classification target', () => {
    const model = load(
      [dataField('x'), dataField('c', 'string', 'categorical', values('a', 'b'))],
      `<TreeModel functionName="classification" missingValueStrategy="nullPrediction">
        <MiningSchema><MiningField name="c" usageType="target"/><MiningField name="x"/></MiningSchema>
        <Output><OutputField name="p_b" feature="probability" value="b"/><OutputField name="label" feature="predictedDisplayValue"/></Output>
        <Targets><Target field="c"><TargetValue value="a" priorProbability="0.3"/><TargetValue value="b" displayValue="Bee" priorProbability="0.7"/></Target></Targets>
        <Node score="a"><True/><Node score="a"><SimplePredicate field="x" operator="lessThan" value="0"/></Node></Node></TreeModel>`,
    );
    const result = score(model, { x: null });
    expect(result.c).toBe('b');
    expectClose(result.p_b, 0.7);
    expect(result.label).toBe('Bee');
  });
});
