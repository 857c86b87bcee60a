import { describe, expect, it } from 'vitest';
import { dataField, expectClose, load, score, values } from '../test-helpers.js';

const FIELDS = [dataField('x'), dataField('drug', 'string', 'categorical', values('A', 'B', 'C'))];
const OUTPUT = `<Output>
  <OutputField name="rule" feature="entityId"/>
  <OutputField name="cA" feature="confidence" value="A"/>
  <OutputField name="cB" feature="confidence" value="B"/>
  <OutputField name="conf" feature="confidence"/>
</Output>`;

const rule = (id: string, score: string, above: number, confidence: number, weight: number): string =>
  `<SimpleRule id="${id}" score="${score}" confidence="${confidence}" weight="${weight}"><SimplePredicate field="x" operator="greaterThan" value="${above}"/></SimpleRule>`;

// For x = 10 all of R1 (A, weight 0.9), R2 (B, 0.5), R3 (B, 0.6) fire.
const RULES = rule('R1', 'A', 5, 0.8, 0.9) + rule('R2', 'B', 1, 0.7, 0.5) + rule('R3', 'B', 2, 0.6, 0.6);

function ruleSet(criterion: string, rules = RULES, defaults = 'defaultScore="C" defaultConfidence="0.3"'): ReturnType<typeof load> {
  return load(
    FIELDS,
    `<RuleSetModel functionName="classification">
      <MiningSchema><MiningField name="drug" usageType="predicted"/><MiningField name="x"/></MiningSchema>
      ${OUTPUT}
      <RuleSet ${defaults}><RuleSelectionMethod criterion="${criterion}"/><RuleSelectionMethod criterion="firstHit"/>${rules}</RuleSet>
    </RuleSetModel>`,
  );
}

describe('RuleSetModel', () => {
  it('firstHit: the first rule that fires wins, each score has its first rule\'s confidence', () => {
    expect(score(ruleSet('firstHit'), { x: 10 })).toMatchObject({ drug: 'A', rule: 'R1', cA: 0.8, cB: 0.7, conf: 0.8 });
  });

  it('weightedSum: sums weights per score over the number of fired rules', () => {
    const result = score(ruleSet('weightedSum'), { x: 10 });
    // A: 0.9 / 3; B: (0.5 + 0.6) / 3, won by its heaviest rule R3.
    expect(result).toMatchObject({ drug: 'B', rule: 'R3' });
    expectClose(result.cA, 0.9 / 3);
    expectClose(result.cB, 1.1 / 3);
  });

  it('weightedMax: each score takes its heaviest rule, and the highest confidence wins', () => {
    expect(score(ruleSet('weightedMax'), { x: 10 })).toMatchObject({ drug: 'A', rule: 'R1', cA: 0.8, cB: 0.6 });
  });

  it('uses the first RuleSelectionMethod listed', () => {
    expect(score(ruleSet('weightedSum'), { x: 10 }).drug).toBe('B');
  });

  it('returns defaultScore with defaultConfidence when no rule fires', () => {
    expect(score(ruleSet('firstHit'), { x: 0 })).toMatchObject({ drug: 'C', rule: null, conf: 0.3 });
  });

  it('evaluates the rules inside a CompoundRule only when its predicate is true', () => {
    const compound = `<CompoundRule><SimplePredicate field="x" operator="lessThan" value="100"/>${rule('R1', 'A', 5, 0.8, 1)}</CompoundRule>${rule('R2', 'B', 1, 0.7, 1)}`;
    expect(score(ruleSet('firstHit', compound), { x: 10 }).drug).toBe('A');
    expect(score(ruleSet('firstHit', compound), { x: 200 }).drug).toBe('B');
  });

  it('numbers rules without an id by their depth-first position', () => {
    const anonymous = `<CompoundRule><True/><SimpleRule score="A"><False/></SimpleRule></CompoundRule><SimpleRule score="B"><True/></SimpleRule>`;
    expect(score(ruleSet('firstHit', anonymous), { x: 1 }).rule).toBe('2');
  });
});
