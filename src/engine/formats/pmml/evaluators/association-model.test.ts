import { describe, expect, it } from 'vitest';
import { MissingValueError } from '../../../errors.js';
import { dataField, load, score } from '../test-helpers.js';

const ITEMS = ['bread', 'butter', 'milk', 'jam'];
const ITEMSETS = `
  <Itemset id="1"><ItemRef itemRef="1"/></Itemset>
  <Itemset id="2"><ItemRef itemRef="2"/></Itemset>
  <Itemset id="3"><ItemRef itemRef="3"/></Itemset>
  <Itemset id="4"><ItemRef itemRef="4"/></Itemset>
  <Itemset id="12"><ItemRef itemRef="1"/><ItemRef itemRef="2"/></Itemset>`;
// bread→butter, bread→milk, bread+butter→jam, milk→bread.
const RULES = `
  <AssociationRule id="r1" antecedent="1" consequent="2" support="0.4" confidence="0.9" lift="1.1"/>
  <AssociationRule id="r2" antecedent="1" consequent="3" support="0.5" confidence="0.7" lift="1.5"/>
  <AssociationRule id="r3" antecedent="12" consequent="4" support="0.2" confidence="0.6" lift="2.0"/>
  <AssociationRule id="r4" antecedent="3" consequent="1" support="0.5" confidence="0.8" lift="1.5"/>`;

function transactional(output: string): ReturnType<typeof load> {
  return load(
    [dataField('basket', 'string', 'categorical'), dataField('item', 'string', 'categorical')],
    `<AssociationModel functionName="associationRules" numberOfTransactions="10" minimumSupport="0.1" minimumConfidence="0.5" numberOfItems="4" numberOfItemsets="5" numberOfRules="4">
      <MiningSchema><MiningField name="basket" usageType="group"/><MiningField name="item"/></MiningSchema>
      <Output>${output}</Output>
      ${ITEMS.map((v, i) => `<Item id="${i + 1}" value="${v}"/>`).join('')}
      ${ITEMSETS}${RULES}
    </AssociationModel>`,
  );
}

/** Scores one transaction: the active field holds the list of its items. */
function basket(model: ReturnType<typeof load>, items: string[]): Record<string, unknown> {
  return Object.fromEntries(model.evaluate({ item: items }).values);
}

const ranked = (algorithm: string, basis = 'confidence', order = 'descending'): string =>
  [1, 2, 3]
    .map((rank) => `<OutputField name="${algorithm}${rank}" feature="ruleValue" ruleFeature="ruleId" algorithm="${algorithm}" rank="${rank}" rankBasis="${basis}" rankOrder="${order}"/>`)
    .join('');

describe('AssociationModel', () => {
  it("offers the transaction's active field as a list of the model's items", () => {
    const model = transactional(ranked('recommendation'));
    expect(model.inputFields).toEqual([expect.objectContaining({ name: 'item', isMultiValued: true, values: ITEMS })]);
  });

  it('recommendation selects every rule whose antecedent is in the basket, best confidence first', () => {
    const result = basket(transactional(ranked('recommendation')), ['bread', 'butter']);
    expect([result.recommendation1, result.recommendation2, result.recommendation3]).toEqual(['r1', 'r2', 'r3']);
  });

  it('exclusiveRecommendation leaves out rules whose consequent is already in the basket', () => {
    const result = basket(transactional(ranked('exclusiveRecommendation')), ['bread', 'butter']);
    expect([result.exclusiveRecommendation1, result.exclusiveRecommendation2, result.exclusiveRecommendation3]).toEqual(['r2', 'r3', null]);
  });

  it('ruleAssociation selects rules whose antecedent and consequent are both in the basket', () => {
    const result = basket(transactional(ranked('ruleAssociation')), ['bread', 'milk']);
    expect([result.ruleAssociation1, result.ruleAssociation2, result.ruleAssociation3]).toEqual(['r4', 'r2', null]);
  });

  it('ranks by rankBasis in rankOrder, keeping document order for equal measures', () => {
    const byLift = basket(transactional(ranked('recommendation', 'lift', 'ascending')), ['bread', 'butter', 'milk']);
    expect([byLift.recommendation1, byLift.recommendation2, byLift.recommendation3]).toEqual(['r1', 'r2', 'r4']);
  });

  it('reports the selected rule\'s measures and itemsets', () => {
    const output = `<OutputField name="rule" feature="ruleValue" ruleFeature="rule"/>
      <OutputField name="support" feature="ruleValue" ruleFeature="support"/>
      <OutputField name="lift" feature="lift"/>
      <OutputField name="id" feature="entityId"/>`;
    expect(basket(transactional(output), ['milk'])).toEqual({ rule: '{milk}->{bread}', support: 0.5, lift: 1.5, id: 'r4' });
  });

  it('needs the transaction\'s items', () => {
    expect(() => score(transactional(ranked('recommendation')), { item: null })).toThrow(MissingValueError);
  });

  it('reads categorical-style items from boolean fields and field=category pairs', () => {
    const model = load(
      [dataField('bread', 'boolean', 'categorical'), dataField('drink', 'string', 'categorical')],
      `<AssociationModel functionName="associationRules">
        <MiningSchema><MiningField name="bread"/><MiningField name="drink"/></MiningSchema>
        <Output><OutputField name="next" feature="ruleValue" ruleFeature="consequent" algorithm="recommendation"/></Output>
        <Item id="1" value="bread"/><Item id="2" value="drink=milk"/><Item id="3" value="drink=tea"/>
        <Itemset id="1"><ItemRef itemRef="1"/></Itemset><Itemset id="2"><ItemRef itemRef="2"/></Itemset><Itemset id="3"><ItemRef itemRef="3"/></Itemset>
        <AssociationRule antecedent="2" consequent="1" support="0.3" confidence="0.9"/>
        <AssociationRule antecedent="1" consequent="3" support="0.3" confidence="0.8"/>
      </AssociationModel>`,
    );
    expect(score(model, { bread: 'false', drink: 'milk' }).next).toEqual(['bread']);
    expect(score(model, { bread: 'true', drink: 'water' }).next).toEqual(['drink=tea']);
  });
});

describe('AssociationModel multi-valued outputs', () => {
  const all = (algorithm: string, feature = 'ruleId', basis = 'confidence'): string =>
    `<OutputField name="${algorithm}" feature="ruleValue" ruleFeature="${feature}" algorithm="${algorithm}" rank="0" rankBasis="${basis}" isMultiValued="1"/>`;

  it('isMultiValued with rank 0 returns every selected rule, best ranked first', () => {
    const result = basket(transactional(all('recommendation') + all('exclusiveRecommendation') + all('ruleAssociation')), ['bread', 'butter']);
    expect(result).toEqual({ recommendation: ['r1', 'r2', 'r3'], exclusiveRecommendation: ['r2', 'r3'], ruleAssociation: ['r1'] });
  });

  it('a multi-valued field ranks by its rankBasis and lists numeric features as numbers', () => {
    const result = basket(transactional(all('recommendation', 'lift', 'lift')), ['bread', 'butter', 'milk']);
    expect(result.recommendation).toEqual([2.0, 1.5, 1.5, 1.1]);
  });

  it('a multi-valued field with no selected rule is the empty list', () => {
    expect(basket(transactional(all('ruleAssociation')), ['jam']).ruleAssociation).toEqual([]);
  });

  it('antecedent and consequent of the rule at one rank are lists of item values', () => {
    const output = `<OutputField name="if" feature="antecedent" algorithm="recommendation" rankBasis="lift"/>
      <OutputField name="then" feature="ruleValue" ruleFeature="consequent" algorithm="recommendation" rankBasis="lift"/>
      <OutputField name="rule" feature="rule" algorithm="recommendation" rankBasis="lift"/>`;
    expect(basket(transactional(output), ['bread', 'butter'])).toEqual({ if: ['bread', 'butter'], then: ['jam'], rule: '{bread,butter}->{jam}' });
  });

  it('a multi-valued field of a model that ranks no rules is reported as unsupported when the model loads', () => {
    const regression = () =>
      load(
        [dataField('x'), dataField('y')],
        `<RegressionModel functionName="regression"><MiningSchema><MiningField name="x"/><MiningField name="y" usageType="target"/></MiningSchema>
          <Output><OutputField name="all" feature="ruleValue" ruleFeature="ruleId" rank="0" isMultiValued="1"/></Output>
          <RegressionTable intercept="0"><NumericPredictor name="x" coefficient="1"/></RegressionTable></RegressionModel>`,
      );
    expect(regression).toThrow(/Multi-valued OutputField 'all'/);
  });

  it('a multi-valued field at a rank other than 0 is reported as unsupported when the model loads', () => {
    const output = `<OutputField name="x" feature="ruleValue" ruleFeature="ruleId" algorithm="recommendation" rank="2" isMultiValued="1"/>`;
    expect(() => transactional(output)).toThrow(/isMultiValued/);
  });
});
