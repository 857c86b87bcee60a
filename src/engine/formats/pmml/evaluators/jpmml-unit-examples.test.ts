import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPmml, type PmmlModel } from '../index.js';

/**
 * The jpmml-evaluator unit-test models of the shared conformance set (markup only), scored with the inputs of
 * their jpmml tests and checked against the results those tests assert.
 */
const ROOT = new URL('../../../../../../shared/conformance/pmml/models-only/jpmml-evaluator.unit/', import.meta.url);

function open(path: string, edit: (text: string) => string = (t) => t): PmmlModel {
  return loadPmml(edit(readFileSync(new URL(path, ROOT), 'utf8')), { fileName: path });
}

function run(model: PmmlModel, record: Parameters<PmmlModel['evaluate']>[0]): Record<string, unknown> {
  return Object.fromEntries(model.evaluate(record).values);
}

describe('jpmml unit examples', () => {
  it('clustering/RankingTest: clusters ranked by squared distance, numbered from 1', () => {
    const result = run(open('clustering/RankingTest.pmml'), { input: 1 });
    expect(result).toMatchObject({ predictedValue: '2', id_first: '2', affinity_first: 1, id_second: '3', affinity_second: 4, id_third: '1', affinity_third: 16 });
  });

  it('nearest_neighbor/ClusteringNeighborhoodTest: instances ranked after computing their derived fields', () => {
    const result = run(open('nearest_neighbor/ClusteringNeighborhoodTest.pmml'), { 'marital status': 'd', dependents: 0 });
    expect([result.neighbor1, result.neighbor2, result.neighbor3]).toEqual(['3', '1', '4']);
  });

  it('nearest_neighbor/TieBreakTest: a vote tie goes to the most frequent training category', () => {
    const model = open('nearest_neighbor/TieBreakTest.pmml');
    expect(run(model, { input: 1.5 }).output).toBe('medium');
    expect(run(model, { input: 3.5 }).output).toBe('high');
  });

  it('nearest_neighbor/MixedNeighborhoodTest: a continuous and a categorical target from one neighbour', () => {
    const model = open('nearest_neighbor/MixedNeighborhoodTest.pmml', (t) => t.replace(/numberOfNeighbors="\d+"/, 'numberOfNeighbors="1"'));
    const result = run(model, { 'sepal length': 7, 'sepal width': 3.2, 'petal length': 4.7, 'petal width': 1.4 });
    expect(result).toMatchObject({ species: 20, species_class: 'Iris-versicolor', output_1: 20, output_2: 'Iris-versicolor' });
  });

  it('scorecard reason code tests: score 29 with reason codes from attributes or characteristics', () => {
    const record = { department: 'engineering', age: 25, income: 500 };
    expect(run(open('scorecard/CharacteristicReasonCodeTest.pmml'), record)).toMatchObject({
      'Final Score': 29,
      'Reason Code 1': 'RC2',
      'Reason Code 2': 'RC1',
      'Reason Code 3': null,
    });
    expect(run(open('scorecard/AttributeReasonCodeTest.pmml'), record)).toMatchObject({ 'Final Score': 29, 'Reason Code 3': null });
  });

  it('scorecard/ComplexPartialScoreTest: partial scores computed from income', () => {
    const model = open('scorecard/ComplexPartialScoreTest.pmml');
    const final = (income: number | null): unknown => run(model, { department: null, age: null, income })['Final Score'];
    expect(final(null)).toBeCloseTo(-10 + 3, 8);
    expect(final(1000)).toBeCloseTo(-10 + 0.03 * 1000 + 11, 8);
    expect(final(1500)).toBeCloseTo(-10 + 5, 8);
    expect(final(3000)).toBeCloseTo(-10 + 0.01 * 3000 - 18, 8);
  });

  it('rule_set/SimpleRuleTest: each selection method picks its rule; no fired rule gives the default', () => {
    const record = { BP: 'HIGH', K: 0.0621, Age: 36, Na: 0.5023 };
    const withMethod = (criterion: string) =>
      open('rule_set/SimpleRuleTest.pmml', (t) =>
        t
          .replace(/<RuleSelectionMethod criterion="\w+"\/>/g, '')
          .replace(/(<RuleSet\s[^>]*>)/, `$1<RuleSelectionMethod criterion="${criterion}"/>`)
          .replace('</MiningSchema>', '</MiningSchema><Output><OutputField name="rule" feature="entityId"/></Output>'),
      );
    expect(run(withMethod('firstHit'), record).rule).toBe('RULE1');
    expect(run(withMethod('weightedSum'), record).rule).toBe('RULE2');
    expect(run(withMethod('weightedMax'), record).rule).toBe('RULE1');
    expect(run(withMethod('firstHit'), { BP: 'LOW' })['$C-Drug']).toBe('drugY');
  });

  it('association/AssociationOutputTest: the best exclusive recommendation by lift', () => {
    const result = run(open('association/AssociationOutputTest.pmml'), { item: ['Cracker', 'Coke'] });
    expect(result).toMatchObject({ entityId: '1', rule: '{Cracker}->{Water}', ruleId: '1', support: 1, confidence: 1, lift: 1, deprecated_rule: '{Cracker}->{Water}' });
    expect(result).toMatchObject({ antecedent: ['Cracker'], consequent: ['Water'], deprecated_antecedent: ['Cracker'], deprecated_consequent: ['Water'] });
  });

  // jpmml AssociationSchemaTest: a basket, then its recommendations, exclusive recommendations and rule associations.
  const SCHEMA_CASES: readonly [string[], string[], string[], string[]][] = [
    [['Cracker', 'Coke'], ['1', '3'], ['1'], ['3']],
    [['Cracker', 'Water'], ['1', '2', '3', '4', '5'], ['3', '4', '5'], ['1', '2']],
    [['Water', 'Coke'], ['2', '5'], ['2', '5'], []],
    [['Cracker', 'Water', 'Coke'], ['1', '2', '3', '4', '5'], ['4', '5'], ['1', '2', '3']],
    [['Cracker', 'Water', 'Banana', 'Apple'], ['1', '2', '3', '4', '5'], ['3', '4', '5'], ['1', '2']],
  ];
  const CATEGORICAL_FIELDS = ['Banana', 'Coke', 'Cracker', 'Nachos', 'Pear', 'Water'];

  it.each([
    ['association/TransactionalSchemaTest.pmml', (items: string[]) => ({ transaction: '1', item: items })],
    ['association/CategoricalSchemaTest.pmml', (items: string[]) => Object.fromEntries(CATEGORICAL_FIELDS.map((f) => [f, items.includes(f) ? 'T' : 'F']))],
  ])('%s: multi-valued outputs list every ranked rule id, and rank 1 is the first of them', (file, record) => {
    const model = open(file);
    for (const [items, recommendation, exclusive, association] of SCHEMA_CASES) {
      const result = run(model, record(items));
      expect(result).toMatchObject({ Recommendation: recommendation, Exclusive_Recommendation: exclusive, Rule_Association: association });
      expect(result).toMatchObject({
        'Top Recommendation': recommendation[0] ?? null,
        'Top Exclusive_Recommendation': exclusive[0] ?? null,
        'Top Rule_Association': association[0] ?? null,
      });
    }
  });
});
