import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPmml } from '../index.js';
import { dataField, expectClose, load, score, values } from '../test-helpers.js';

const FIELDS = [dataField('a'), dataField('b'), dataField('y', 'string', 'categorical', values('yes', 'no'))];

/**
 * root (id 1) ─ a < 5 → n2 ─ b < 1 → leaf3 (yes)
 *             │              └ b ≥ 1 → leaf4 (no)
 *             └ a ≥ 5 → leaf5 (no)
 */
function tree(attributes = '', rootAttributes = '', n2Attributes = '') {
  return `<TreeModel functionName="classification" ${attributes}>
    <MiningSchema><MiningField name="y" usageType="target"/><MiningField name="a"/><MiningField name="b"/></MiningSchema>
    <Output>
      <OutputField name="p_yes" feature="probability" value="yes"/>
      <OutputField name="node" feature="entityId"/>
      <OutputField name="c_yes" feature="confidence" value="yes"/>
    </Output>
    <Node id="1" score="yes" recordCount="10" ${rootAttributes}><True/>
      <ScoreDistribution value="yes" recordCount="6" confidence="0.6"/><ScoreDistribution value="no" recordCount="4" confidence="0.4"/>
      <Node id="2" score="no" recordCount="6" ${n2Attributes}><SimplePredicate field="a" operator="lessThan" value="5"/>
        <ScoreDistribution value="yes" recordCount="2"/><ScoreDistribution value="no" recordCount="4"/>
        <Node id="3" score="yes" recordCount="2"><SimplePredicate field="b" operator="lessThan" value="1"/>
          <ScoreDistribution value="yes" recordCount="2" confidence="0.9"/><ScoreDistribution value="no" recordCount="0"/></Node>
        <Node id="4" score="no" recordCount="4"><SimplePredicate field="b" operator="greaterOrEqual" value="1"/>
          <ScoreDistribution value="yes" recordCount="1"/><ScoreDistribution value="no" recordCount="3"/></Node>
      </Node>
      <Node id="5" score="no" recordCount="4"><SimplePredicate field="a" operator="greaterOrEqual" value="5"/>
        <ScoreDistribution value="yes" recordCount="0"/><ScoreDistribution value="no" recordCount="4"/></Node>
    </Node>
  </TreeModel>`;
}

describe('TreeModel', () => {
  it('returns the leaf score, its probabilities and the decision path', () => {
    const model = load(FIELDS, tree());
    const result = model.evaluate({ a: 1, b: 0 });
    expect(Object.fromEntries(result.values)).toMatchObject({ y: 'yes', p_yes: 1, node: '3' });
    expect(result.decisionPath).toEqual(['1', '2', '3']);
  });

  it('computes probabilities from record counts', () => {
    expectClose(score(load(FIELDS, tree()), { a: 1, b: 2 }).p_yes, 0.25);
  });

  it('generates depth-first ids for nodes without one', () => {
    const model = load(FIELDS, tree().replace(/ id="\d"/g, ''));
    expect(model.evaluate({ a: 9, b: 0 }).decisionPath).toEqual(['1', '5']);
  });

  it('nullPrediction: a missing value makes the prediction missing', () => {
    expect(score(load(FIELDS, tree('missingValueStrategy="nullPrediction"')), { a: 1, b: null }).y).toBeNull();
  });

  it('lastPrediction: a missing value returns the last node reached', () => {
    const result = load(FIELDS, tree('missingValueStrategy="lastPrediction"')).evaluate({ a: 1, b: null });
    expect(result.values.get('y')).toBe('no');
    expect(result.decisionPath).toEqual(['1', '2']);
  });

  it('defaultChild: a missing value follows the default child and penalises confidence', () => {
    const model = load(FIELDS, tree('missingValueStrategy="defaultChild" missingValuePenalty="0.5"', '', 'defaultChild="3"'));
    const result = model.evaluate({ a: 1, b: null });
    expect(result.decisionPath).toEqual(['1', '2', '3']);
    expectClose(result.values.get('c_yes'), 0.45);
  });

  it('none: comparisons with missing values are false, then noTrueChildStrategy applies', () => {
    expect(score(load(FIELDS, tree('missingValueStrategy="none"')), { a: 1, b: null }).y).toBeNull();
    const last = load(FIELDS, tree('missingValueStrategy="none" noTrueChildStrategy="returnLastPrediction"'));
    expect(score(last, { a: 1, b: null }).y).toBe('no');
  });

  it('aggregateNodes: a missing value aggregates the record counts of every reachable leaf', () => {
    const result = score(load(FIELDS, tree('missingValueStrategy="aggregateNodes"')), { a: 1, b: null });
    expectClose(result.p_yes, 3 / 6);
  });

  it('weightedConfidence: a missing value weighs the confidences of reachable leaves by their record counts', () => {
    const result = score(load(FIELDS, tree('missingValueStrategy="weightedConfidence"')), { a: null, b: 0 });
    // reachable leaves: 3 (rc 2, conf yes 0.9) and 5 (rc 4, conf yes from counts 0)
    expectClose(result.c_yes, (0.9 * 2 + 0 * 4) / 6);
  });

  it('returns the regression score of a regression tree', () => {
    const model = load(
      [dataField('a'), dataField('y')],
      `<TreeModel functionName="regression"><MiningSchema><MiningField name="y" usageType="target"/><MiningField name="a"/></MiningSchema>
        <Node score="0"><True/><Node score="1.5"><SimplePredicate field="a" operator="lessThan" value="0"/></Node></Node></TreeModel>`,
    );
    expect(score(model, { a: -1 })).toEqual({ y: 1.5 });
    expect(score(model, { a: 1 })).toEqual({ y: null });
  });

  it('reports float results of an x-mathContext="float" tree as their shortest decimal', () => {
    const model = load(
      [dataField('a', 'float'), dataField('y', 'float')],
      `<TreeModel functionName="regression" x-mathContext="float"><MiningSchema><MiningField name="y" usageType="target"/><MiningField name="a"/></MiningSchema>
        <Node score="0.1"><True/></Node></TreeModel>`,
    );
    expect(score(model, { a: 0 }).y).toBe(0.1);
    expect(model.evaluate({ a: 0 }).values.get('y')).not.toBe(Math.fround(0.1));
  });
});

describe('TreeModel against jpmml MissingValueStrategyTest (golfing tree)', () => {
  const text = readFileSync(resolve('../shared/conformance/pmml/models-only/jpmml-evaluator.unit/tree/MissingValueStrategyTest.pmml'), 'utf8');
  const golf = (strategy: string, penalty = '') =>
    loadPmml(text.replace('missingValueStrategy="weightedConfidence"', `missingValueStrategy="${strategy}" ${penalty}`));
  const play = (outlook: string | null, temperature: number | null, humidity: number | null) => ({ outlook, temperature, humidity });

  it('nullPrediction returns no prediction', () => {
    expect(golf('nullPrediction').evaluate(play('sunny', null, null)).values.get('whatIdo')).toBeNull();
  });

  it('lastPrediction stops at the node whose children cannot be decided', () => {
    const result = golf('lastPrediction').evaluate(play('sunny', null, null));
    expect(result.decisionPath).toEqual(['1', '2']);
    expect(result.values.get('probability(whatIdo)')).toBe(0.8);
    expect(golf('lastPrediction').evaluate(play(null, null, null)).decisionPath).toEqual(['1']);
  });

  it('defaultChild multiplies confidences by the penalty once per default child', () => {
    const result = golf('defaultChild', 'missingValuePenalty="0.8"').evaluate(play(null, 40, 70));
    expect(result.decisionPath).toEqual(['1', '2', '4']);
    expectClose(result.values.get('confidence(whatIdo)'), 0.6 * 0.8);
  });

  it('defaultChild also charges a penalty for a node reached through a surrogate', () => {
    const result = golf('defaultChild', 'missingValuePenalty="0.8"').evaluate(play(null, null, 70));
    expect(result.decisionPath).toEqual(['1', '2', '3']);
    expectClose(result.values.get('confidence(whatIdo)'), 0.9 * 0.8 * 0.8);
  });
});
