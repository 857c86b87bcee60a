import type { AssociationOutcome, AssociationRuleView, Prediction } from './prediction.js';
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
 * Reads `feature` of the rule at position `rank` among the rules the field's algorithm selects, ranked by
 * `rankBasis` in `rankOrder` (PMML defaults: exclusiveRecommendation, confidence, descending). Rules with equal
 * measures keep document order (jpmml); a rank past the last selected rule is missing.
 */
export function ruleValueReader(field: OutputField, feature: string): (p: Prediction) => Value {
  const algorithm = (field.algorithm ?? 'exclusiveRecommendation') as Algorithm;
  const basis = (field.rankBasis ?? 'confidence') as RankBasis;
  const descending = (field.rankOrder ?? 'descending') === 'descending';
  return (p) => {
    const outcome = p.association;
    if (outcome === undefined) return MISSING;
    const selected = selectRules(outcome, algorithm);
    const key = (i: number): number => {
      const m = measure(outcome.rules[i], basis);
      return Number.isNaN(m) ? Infinity : descending ? -m : m;
    };
    selected.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      return x < y ? -1 : x > y ? 1 : 0;
    });
    const index = selected[field.rank - 1];
    return index === undefined ? MISSING : featureOf(outcome.rules[index], feature);
  };
}

