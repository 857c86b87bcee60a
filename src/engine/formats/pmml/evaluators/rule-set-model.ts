import type { ModelStructure, RuleSpec } from '../../../model/description.js';
import { predicateText } from '../describe-models.js';
import type { EvaluationContext } from '../context.js';
import type { ValueKey } from '../convert.js';
import { looseValue } from '../expressions.js';
import type { ModelCompileContext, ModelKind } from '../model-kind.js';
import { parseRuleSetModel } from '../parse/rule-set-model.js';
import { compilePredicate } from '../predicates.js';
import { MISSING_PREDICTION, type Prediction } from '../prediction.js';
import type { Rule, RuleSetModel } from '../schema/rule-set-model.js';
import type { TypedValue } from '../values.js';

/** A SimpleRule ready to fire: its entity id, predicted value and the numbers the selection methods use. */
interface FiredRule {
  readonly id: string;
  readonly value: TypedValue;
  readonly confidence: number;
  readonly weight: number;
}

/** Appends the SimpleRules that fire for the record, in document order (a CompoundRule only when its predicate is true). */
type RuleWalker = (ctx: EvaluationContext, fired: FiredRule[]) => void;

function countRules(rules: readonly Rule[]): number {
  return rules.reduce((n, r) => n + (r.kind === 'SimpleRule' ? 1 : countRules(r.rules)), 0);
}

/** The winner among rules with the same score: the heaviest one, the first one on a tie. */
function heaviest(rules: readonly FiredRule[]): FiredRule {
  return rules.reduce((best, r) => (r.weight > best.weight ? r : best));
}

/**
 * RuleSetModel (PMML 4.4 "RuleSet"): the SimpleRules whose predicates are true fire, and the first listed
 * RuleSelectionMethod picks the result — "If more than one method is included, the first method is used as
 * the default method for scoring". Entity ids are the rules' `id`s, else their 1-based depth-first position (jpmml).
 */
export function compileRuleSetModel(model: RuleSetModel, mc: ModelCompileContext): (ctx: EvaluationContext) => Prediction {
  const { env, scope, target } = mc;
  const ruleSet = model.RuleSet;
  if (model.functionName !== 'classification') {
    env.unsupportedFeature('RuleSetModel', model.line, `A <RuleSetModel> with functionName '${model.functionName}' is not supported; only classification is (line ${model.line}).`, 'functionName', model.functionName);
  }
  let position = 0;
  const compileRules = (rules: readonly Rule[]): RuleWalker[] =>
    rules.map((rule): RuleWalker => {
      const test = compilePredicate(rule.predicate, scope, env);
      if (rule.kind === 'CompoundRule') {
        const children = compileRules(rule.rules);
        // "CompoundRule … the predicate … must be true for the embedded rules to be evaluated".
        return (ctx, fired) => {
          if (test(ctx) === true) for (const child of children) child(ctx, fired);
        };
      }
      position += 1;
      const entry: FiredRule = { id: rule.id ?? String(position), value: looseValue(rule.score, target.dataType), confidence: rule.confidence, weight: rule.weight };
      return (ctx, fired) => {
        if (test(ctx) === true) fired.push(entry);
      };
    });
  const walkers = compileRules(ruleSet.rules);
  const criterion = ruleSet.RuleSelectionMethod[0].criterion;
  const fallback: Prediction | undefined =
    ruleSet.defaultScore === undefined
      ? undefined
      : (() => {
          const value = looseValue(ruleSet.defaultScore, target.dataType);
          return { value, confidences: new Map<ValueKey, number>([[value.value, ruleSet.defaultConfidence ?? 0]]) };
        })();

  return (ctx) => {
    const fired: FiredRule[] = [];
    for (const walk of walkers) walk(ctx, fired);
    const prediction = select(fired);
    return ctx.trace === undefined ? prediction : { ...prediction, explanation: { firedRules: fired.map((r) => r.id) } };
  };

  function select(fired: readonly FiredRule[]): Prediction {
    // "If no rule fires, the defaultScore is the result, with defaultConfidence as its confidence."
    if (fired.length === 0) return fallback ?? MISSING_PREDICTION;
    const byScore = new Map<ValueKey, FiredRule[]>();
    for (const rule of fired) {
      const list = byScore.get(rule.value.value);
      if (list === undefined) byScore.set(rule.value.value, [rule]);
      else list.push(rule);
    }
    const confidences = new Map<ValueKey, number>();
    let winner: FiredRule | undefined;
    let best = -Infinity;
    for (const [key, rules] of byScore) {
      let rule: FiredRule;
      let value: number;
      switch (criterion) {
        case 'firstHit':
          // "firstHit: the first rule that fires determines the result"; each score's confidence is that of its first rule.
          rule = rules[0];
          value = rule.confidence;
          if (winner === undefined) winner = rule;
          confidences.set(key, value);
          continue;
        case 'weightedSum':
          // "weightedSum: … the weights of the rules with the same score are summed and divided by the number of fired rules".
          rule = heaviest(rules);
          value = rules.reduce((s, r) => s + r.weight, 0) / fired.length;
          break;
        case 'weightedMax':
          // "weightedMax: the rule with the highest weight wins; its confidence is the result's confidence".
          rule = heaviest(rules);
          value = rule.confidence;
          break;
      }
      confidences.set(key, value);
      if (winner === undefined || value > best) {
        winner = rule;
        best = value;
      }
    }
    if (winner === undefined) return MISSING_PREDICTION;
    return { value: winner.value, confidences, entityId: winner.id };
  }
}

/** Rules as the view draws them; SimpleRules without an id get their depth-first position, as the evaluator does. */
function describeRules(rules: readonly Rule[], counter: { position: number }): RuleSpec[] {
  return rules.map((rule): RuleSpec => {
    if (rule.kind === 'CompoundRule') return { kind: 'compound', predicate: predicateText(rule.predicate), rules: describeRules(rule.rules, counter) };
    counter.position += 1;
    return {
      kind: 'simple',
      id: rule.id ?? String(counter.position),
      predicate: predicateText(rule.predicate),
      score: rule.score,
      confidence: rule.confidence,
      weight: rule.weight,
      recordCount: rule.recordCount,
    };
  });
}

export function describeRuleSetModel(model: RuleSetModel): ModelStructure {
  const ruleSet = model.RuleSet;
  return {
    kind: 'other',
    element: model.element,
    summary: [
      { label: 'Selection', value: ruleSet.RuleSelectionMethod.map((m) => m.criterion).join(', ') },
      { label: 'Rules', value: String(countRules(ruleSet.rules)) },
      {
        label: 'Default',
        value: ruleSet.defaultScore === undefined ? 'none' : `${ruleSet.defaultScore}${ruleSet.defaultConfidence === undefined ? '' : ` (confidence ${ruleSet.defaultConfidence})`}`,
      },
    ],
    ruleSet: {
      selectionMethods: ruleSet.RuleSelectionMethod.map((m) => m.criterion),
      defaultScore: ruleSet.defaultScore,
      defaultConfidence: ruleSet.defaultConfidence,
      rules: describeRules(ruleSet.rules, { position: 0 }),
    },
  };
}

export const ruleSetModelKind: ModelKind<RuleSetModel> = {
  element: 'RuleSetModel',
  parse: parseRuleSetModel,
  compile: compileRuleSetModel,
  describe: describeRuleSetModel,
};
