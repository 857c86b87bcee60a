import type { AssociationOutcome, AssociationRuleView, Prediction } from './prediction.js';
import type { ResultScalar, ValueList } from './result-value.js';
import type { OutputField } from './schema/output.js';
import { MISSING, type Value } from './values.js';

/** PMML 4.4 OutputField `algorithm`: which rules an association output selects from. */
type Algorithm = 'recommendation' | 'exclusiveRecommendation' | 'ruleAssociation';
type RankBasis = 'confidence' | 'support' | 'lift' | 'leverage' | 'affinity';

/**
 * The rules an algorithm selects (PMML 4.4 "Association Rules", "Scoring procedure"):
 * - recommendation: "all rules whose antecedent itemset is a subset of the input items";
 * - exclusiveRecommendation: those whose consequent is not already all in the input;
 * - ruleAssociation: "rules whose antecedent and consequent are both contained in the input".
 */
function selectRules(outcome: AssociationOutcome, algorithm: Algorithm): number[] {
  const selected: number[] = [];
  outcome.rules.forEach((_, i) => {
    const a = outcome.antecedentMatches[i];
    const c = outcome.consequentMatches[i];
    const isSelected = algorithm === 'recommendation' ? a : algorithm === 'ruleAssociation' ? a && c : a && !c;
    if (isSelected) selected.push(i);
  });
  return selected;
}

function measure(rule: AssociationRuleView, basis: RankBasis): number {
  const value = rule[basis];
  // A rule without the measure ranks last whichever the order.
  return value ?? NaN;
}

/** `{a,b}`: how jpmml prints an itemset's item values in a `rule` result. */
function itemsetText(items: readonly string[]): string {
  return `{${items.join(',')}}`;
}

/** The value of one rule feature (`ruleFeature`, or a PMML 4.2+ association feature such as `lift`). */
function featureOf(rule: AssociationRuleView, feature: string): Value {
  switch (feature) {
    case 'ruleId':
      return { dataType: 'string', value: rule.id };
    case 'antecedent':
      return { dataType: 'string', value: itemsetText(rule.antecedent) };
    case 'consequent':
      return { dataType: 'string', value: itemsetText(rule.consequent) };
    case 'rule':
      return { dataType: 'string', value: `${itemsetText(rule.antecedent)}->${itemsetText(rule.consequent)}` };
    case 'support':
    case 'confidence':
    case 'lift':
    case 'leverage':
    case 'affinity': {
      const value = rule[feature];
      return value === undefined ? MISSING : { dataType: 'double', value };
    }
    default:
      return MISSING;
  }
}

/**
 * The rules the field's algorithm selects, ranked by `rankBasis` in `rankOrder` (PMML defaults:
 * exclusiveRecommendation, confidence, descending). Rules with equal measures keep document order (jpmml).
 */
function rankedRules(field: OutputField): (outcome: AssociationOutcome) => number[] {
  const algorithm = (field.algorithm ?? 'exclusiveRecommendation') as Algorithm;
  const basis = (field.rankBasis ?? 'confidence') as RankBasis;
  const descending = (field.rankOrder ?? 'descending') === 'descending';
  return (outcome) => {
    const selected = selectRules(outcome, algorithm);
    const key = (i: number): number => {
      const m = measure(outcome.rules[i], basis);
      return Number.isNaN(m) ? Infinity : descending ? -m : m;
    };
    return selected.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      return x < y ? -1 : x > y ? 1 : 0;
    });
  };
}

/**
 * Reads `feature` of the rule at position `rank` among the ranked rules; a rank past the last selected rule is
 * missing. Itemset features read as `{a,b}` text here, the scalar view that expressions can use.
 */
export function ruleValueReader(field: OutputField, feature: string): (p: Prediction) => Value {
  const rank = rankedRules(field);
  return (p) => {
    const outcome = p.association;
    if (outcome === undefined) return MISSING;
    const index = rank(outcome)[field.rank - 1];
    return index === undefined ? MISSING : featureOf(outcome.rules[index], feature);
  };
}

/** Whether an OutputField asks for every ranked value (PMML 4.4 OutputField: `isMultiValued="1"` with `rank="0"`). */
export function isMultiValuedField(field: OutputField): boolean {
  return (field.isMultiValued === '1' || field.isMultiValued === 'true') && field.rank === 0;
}

/**
 * The list view of an association output, or undefined when the field's result is a single value:
 * - a multi-valued field (rank 0) returns `feature` of every selected rule, best ranked first (jpmml
 *   `OutputUtil`: a collection of the ranked values); an itemset feature gives each rule's `{a,b}` text;
 * - `antecedent`/`consequent` at one rank return that rule's item values, as jpmml returns the itemset's items.
 */
export function ruleValuesReader(field: OutputField, feature: string): ((p: Prediction) => ValueList | typeof MISSING) | undefined {
  const rank = rankedRules(field);
  if (isMultiValuedField(field)) {
    return (p) => {
      const outcome = p.association;
      if (outcome === undefined) return MISSING;
      const values: ResultScalar[] = [];
      for (const index of rank(outcome)) {
        const value = featureOf(outcome.rules[index], feature);
        if (value !== MISSING) values.push(value.value);
      }
      return values;
    };
  }
  if (feature !== 'antecedent' && feature !== 'consequent') return undefined;
  return (p) => {
    const outcome = p.association;
    if (outcome === undefined) return MISSING;
    const index = rank(outcome)[field.rank - 1];
    return index === undefined ? MISSING : outcome.rules[index][feature];
  };
}
