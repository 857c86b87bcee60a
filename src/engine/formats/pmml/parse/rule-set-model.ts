import { MissingMarkupError } from '../../../errors.js';
import type { ModelElement } from '../schema/model.js';
import type { Rule, RuleSetModel } from '../schema/rule-set-model.js';
import type { XmlElement } from '../xml-reader.js';
import { parseChildPredicate } from './predicates.js';
import { childrenNamed, enumAttr, numberAttr, optionalAttr, requiredAttr, requiredChild, requiredNumberAttr, type ParseContext } from './reader.js';

function parseRules(parent: XmlElement, ctx: ParseContext): Rule[] {
  return parent.children.filter((c) => c.name === 'SimpleRule' || c.name === 'CompoundRule').map((c) => parseRule(c, ctx));
}

function parseRule(element: XmlElement, ctx: ParseContext): Rule {
  if (element.name === 'CompoundRule') {
    return { kind: 'CompoundRule', predicate: parseChildPredicate(element, ctx), rules: parseRules(element, ctx), line: element.line };
  }
  return {
    kind: 'SimpleRule',
    id: optionalAttr(element, 'id'),
    predicate: parseChildPredicate(element, ctx),
    score: requiredAttr(element, 'score'),
    recordCount: numberAttr(element, 'recordCount'),
    nbCorrect: numberAttr(element, 'nbCorrect'),
    confidence: numberAttr(element, 'confidence') ?? 1,
    weight: numberAttr(element, 'weight') ?? 1,
    ScoreDistribution: childrenNamed(element, 'ScoreDistribution').map((d) => ({
      value: requiredAttr(d, 'value'),
      recordCount: requiredNumberAttr(d, 'recordCount'),
      confidence: numberAttr(d, 'confidence'),
      probability: numberAttr(d, 'probability'),
      line: d.line,
    })),
    line: element.line,
  };
}

export function parseRuleSetModel(element: XmlElement, common: ModelElement, ctx: ParseContext): RuleSetModel {
  const ruleSet = requiredChild(element, 'RuleSet');
  const methods = childrenNamed(ruleSet, 'RuleSelectionMethod');
  if (methods.length === 0) {
    throw new MissingMarkupError(`<RuleSet> has no <RuleSelectionMethod> (line ${ruleSet.line}).`, 'RuleSet', ruleSet.line);
  }
  return {
    ...common,
    element: 'RuleSetModel',
    RuleSet: {
      recordCount: numberAttr(ruleSet, 'recordCount'),
      nbCorrect: numberAttr(ruleSet, 'nbCorrect'),
      defaultScore: optionalAttr(ruleSet, 'defaultScore'),
      defaultConfidence: numberAttr(ruleSet, 'defaultConfidence'),
      RuleSelectionMethod: methods.map((m) => ({
        criterion: enumAttr(m, 'criterion', ['weightedSum', 'weightedMax', 'firstHit'], 'firstHit'),
        line: m.line,
      })),
      rules: parseRules(ruleSet, ctx),
      line: ruleSet.line,
    },
  };
}
