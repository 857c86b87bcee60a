import type { ModelStructure } from '../../../model/description.js';
import { MissingValueError } from '../../../errors.js';
import type { EvaluationContext, Expr } from '../context.js';
import { formatValue } from '../convert.js';
import type { ModelCompileContext, ModelKind } from '../model-kind.js';
import { parseAssociationModel } from '../parse/association-model.js';
import type { AssociationRuleView, Prediction } from '../prediction.js';
import type { AssociationModel, Item } from '../schema/association-model.js';
import { MISSING } from '../values.js';

/** Tells whether one Item is in the record. */
type ItemTest = (ctx: EvaluationContext, basket: ReadonlySet<string> | undefined) => boolean;

/**
 * Reads the transaction's items from the record: the active field holds the collection of items the caller
 * grouped under one group-field value (PMML 4.4 "transactional" input), or a single item.
 */
function readBasket(ctx: EvaluationContext, field: string): ReadonlySet<string> {
  const raw = ctx.record[field];
  if (raw === null || raw === undefined) {
    throw new MissingValueError(`The transaction has no items: field '${field}' is missing.`, field);
  }
  return new Set((Array.isArray(raw) ? raw : [raw]).map(String));
}

/** jpmml: boolean-valued item fields are present when true ("T" for SPSS-style string fields). */
function isTrue(text: string, field: string): boolean {
  if (text === 'T' || text === 'true' || text === '1') return true;
  if (text === 'F' || text === 'false' || text === '0') return false;
  throw new MissingValueError(`Item field '${field}' must be true or false (or T/F), not '${text}'.`, field);
}

/**
 * AssociationModel (PMML 4.4 "Association Rules"): finds which Itemsets the record's items contain, and so
 * which rules' antecedents and consequents match; the `ruleValue` outputs then select and rank the rules.
 * Input is either transactional (one group field, one active field whose value is the transaction's items)
 * or categorical (no group field; each Item names a boolean field or a `field=category` pair).
 */
export function compileAssociationModel(model: AssociationModel, mc: ModelCompileContext): (ctx: EvaluationContext) => Prediction {
  const { env, scope } = mc;
  const fields = model.MiningSchema.MiningField;
  const groups = fields.filter((f) => f.usageType === 'group');
  const actives = fields.filter((f) => f.usageType === 'active');
  const isTransactional = groups.length === 1;
  if (groups.length > 1 || (isTransactional && actives.length !== 1)) {
    env.unsupportedFeature(
      'MiningSchema',
      model.MiningSchema.line,
      `An <AssociationModel> needs one group field and one active field, or no group field; this one has ${groups.length} and ${actives.length} (line ${model.MiningSchema.line}).`,
    );
  }
  if (model.functionName !== 'associationRules') {
    env.unsupportedFeature(
      'AssociationModel',
      model.line,
      `An <AssociationModel> with functionName '${model.functionName}' is not supported; only associationRules is (line ${model.line}).`,
      'functionName',
      model.functionName,
    );
  }
  const activeName = actives[0]?.name ?? '';

  const itemTest = (item: Item): ItemTest => {
    if (isTransactional && item.field === undefined) {
      const category = item.value;
      return (_ctx, basket) => basket?.has(category) === true;
    }
    let fieldName = item.field;
    let category = item.category;
    if (fieldName === undefined) {
      // "The item values are based on field names when the field has only true/false values", else `field=category`.
      const equals = item.value.indexOf('=');
      if (scope.resolve(item.value) === undefined && equals > 0) {
        fieldName = item.value.slice(0, equals);
        category = item.value.slice(equals + 1);
      } else {
        fieldName = item.value;
      }
    }
    const get: Expr = env.resolve(scope, fieldName, 'Item', item.line).get;
    const name = fieldName;
    if (isTransactional) {
      const value = category ?? item.value;
      return (_ctx, basket) => basket?.has(value) === true;
    }
    return (ctx) => {
      const value = get(ctx);
      if (value === MISSING) return false;
      const text = formatValue(value);
      return category === undefined ? isTrue(text, name) : text === category;
    };
  };

  const items = new Map(model.Item.map((item) => [item.id, { item, test: itemTest(item) }]));
  const itemsets = new Map(model.Itemset.map((set) => [set.id, set]));
  const valuesOf = (id: string, line: number): string[] => {
    const set = itemsets.get(id);
    if (set === undefined) {
      env.unsupportedFeature('AssociationRule', line, `<AssociationRule> refers to Itemset '${id}', which is not defined (line ${line}).`);
      return [];
    }
    return set.itemRefs.map((ref) => items.get(ref)?.item.value ?? ref);
  };
  const rules: AssociationRuleView[] = model.AssociationRule.map((rule, index) => ({
    // jpmml EntityUtil: a rule's id is its `id` attribute, else its 1-based position.
    id: rule.id ?? String(index + 1),
    support: rule.support,
    confidence: rule.confidence,
    lift: rule.lift,
    leverage: rule.leverage,
    affinity: rule.affinity,
    antecedent: valuesOf(rule.antecedent, rule.line),
    consequent: valuesOf(rule.consequent, rule.line),
  }));
  const setIds = model.Itemset.map((set) => set.id);
  const setItems = model.Itemset.map((set) => set.itemRefs);
  const itemIds = [...items.keys()];

  return (ctx) => {
    const basket = isTransactional ? readBasket(ctx, activeName) : undefined;
    const present = new Set<string>();
    for (const id of itemIds) if (items.get(id)?.test(ctx, basket) === true) present.add(id);
    // An itemset matches when every one of its items is in the record.
    const contained = new Map<string, boolean>();
    setIds.forEach((id, i) => contained.set(id, setItems[i].every((ref) => present.has(ref))));
    const antecedent = model.AssociationRule.map((rule) => contained.get(rule.antecedent) === true);
    const consequent = model.AssociationRule.map((rule) => contained.get(rule.consequent) === true);
    return {
      value: MISSING,
      association: { rules, antecedentMatches: antecedent, consequentMatches: consequent },
      ...(ctx.trace === undefined ? {} : { explanation: { ruleMatches: { antecedent, consequent } } }),
    };
  };
}

export function describeAssociationModel(model: AssociationModel): ModelStructure {
  return {
    kind: 'other',
    element: model.element,
    summary: [
      { label: 'Items', value: model.Item.map((i) => i.value).join(', ') },
      { label: 'Itemsets', value: String(model.Itemset.length) },
      { label: 'Rules', value: String(model.AssociationRule.length) },
      ...(model.numberOfTransactions === undefined ? [] : [{ label: 'Transactions', value: String(model.numberOfTransactions) }]),
      ...(model.minimumSupport === undefined ? [] : [{ label: 'Minimum support', value: String(model.minimumSupport) }]),
      ...(model.minimumConfidence === undefined ? [] : [{ label: 'Minimum confidence', value: String(model.minimumConfidence) }]),
    ],
    association: {
      itemCount: model.Item.length,
      ...(model.numberOfTransactions === undefined ? {} : { numberOfTransactions: model.numberOfTransactions }),
      ...(model.minimumSupport === undefined ? {} : { minimumSupport: model.minimumSupport }),
      ...(model.minimumConfidence === undefined ? {} : { minimumConfidence: model.minimumConfidence }),
      rules: model.AssociationRule.map((rule, index) => ({
        id: rule.id ?? String(index + 1),
        antecedent: itemValues(model, rule.antecedent),
        consequent: itemValues(model, rule.consequent),
        support: rule.support,
        confidence: rule.confidence,
        ...(rule.lift === undefined ? {} : { lift: rule.lift }),
      })),
    },
  };
}

/** The item values of an itemset, for display; an unknown itemset (reported when the model compiles) has none. */
function itemValues(model: AssociationModel, itemsetId: string): string[] {
  const values = new Map(model.Item.map((item) => [item.id, item.value]));
  return (model.Itemset.find((set) => set.id === itemsetId)?.itemRefs ?? []).map((ref) => values.get(ref) ?? ref);
}

export const associationModelKind: ModelKind<AssociationModel> = {
  element: 'AssociationModel',
  parse: parseAssociationModel,
  compile: compileAssociationModel,
  describe: describeAssociationModel,
};
