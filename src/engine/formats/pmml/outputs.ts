import { InvalidMarkupError } from '../../errors.js';
import type { CompileEnv } from './compile-env.js';
import { cached, Scope, type EvaluationContext, type Expr, type FieldBinding } from './context.js';
import { castOrMissing, formatValue, toNumber, valueKey } from './convert.js';
import { compileExpression, looseValue } from './expressions.js';
import type { OutputBinding, TargetInfo } from './model-kind.js';
import type { Prediction } from './prediction.js';
import type { ValueList } from './result-value.js';
import { isMultiValuedField, ruleValueReader, ruleValuesReader } from './rule-values.js';
import type { OpType } from './schema/data-dictionary.js';
import type { ModelElement } from './schema/model.js';
import type { OutputField, ResultFeature } from './schema/output.js';
import { MISSING, type DataType, type Value } from './values.js';

/** What a feature may read besides the prediction: the record's observed target value (for `residual`). */
export interface FeatureContext {
  readonly observedTarget?: Expr;
}

/** Reads one result feature from a prediction; built once per OutputField. */
export type FeatureReader = (
  field: OutputField,
  target: TargetInfo,
  context: FeatureContext,
) => FeatureRead;

/**
 * How one OutputField reads its prediction: `read` gives the scalar value expressions see; `readList`, where
 * present, gives the list-valued result the caller receives instead (multi-valued fields, itemsets).
 */
export interface FeatureRead {
  readonly read: (p: Prediction, ctx: EvaluationContext) => Value;
  readonly readList?: (p: Prediction) => ValueList | typeof MISSING;
  readonly dataType: DataType;
}

function categoryProbability(field: OutputField, target: TargetInfo, pick: (p: Prediction) => ReadonlyMap<unknown, number> | undefined) {
  const key = field.value === undefined ? undefined : looseValue(field.value, target.dataType).value;
  return {
    dataType: 'double' as DataType,
    read: (p: Prediction): Value => {
      const map = pick(p);
      if (map === undefined || p.value === MISSING) return MISSING;
      // PMML 4.4 OutputField: "If the value attribute is not specified, the probability of the predicted category is returned."
      const probability = map.get(key ?? valueKey(p.value));
      return { dataType: 'double', value: probability ?? 0 };
    },
  };
}

/**
 * Result features by PMML token. A model type that adds a feature (reasonCode, affinity, clusterId, …)
 * adds one entry here and puts what it needs into `Prediction.extras`.
 */
export const OUTPUT_FEATURES: Partial<Record<ResultFeature, FeatureReader>> = {
  predictedValue: (_field, target) => ({ dataType: target.dataType, read: (p) => p.value }),
  // PMML 4.4 OutputField "predictedDisplayValue": the Target's or DataDictionary's displayValue, else the value.
  predictedDisplayValue: (_field, target) => ({
    dataType: 'string',
    read: (p) =>
      p.value === MISSING
        ? MISSING
        : { dataType: 'string', value: p.displayValue ?? target.displayValues?.get(valueKey(p.value)) ?? formatValue(p.value) },
  }),
  probability: (field, target) => categoryProbability(field, target, (p) => p.probabilities),
  confidence: (field, target) => withRuleValue(field, 'confidence', categoryProbability(field, target, (p) => p.confidences ?? p.probabilities)),
  ruleValue: (field) => ruleValueFeature(field, field.ruleFeature ?? 'consequent'),
  antecedent: (field) => ruleValueFeature(field, 'antecedent'),
  consequent: (field) => ruleValueFeature(field, 'consequent'),
  rule: (field) => ruleValueFeature(field, 'rule'),
  ruleId: (field) => ruleValueFeature(field, 'ruleId'),
  support: (field) => ruleValueFeature(field, 'support'),
  lift: (field) => ruleValueFeature(field, 'lift'),
  leverage: (field) => ruleValueFeature(field, 'leverage'),
  entityId: (field) => withRuleValue(field, 'ruleId', {
    dataType: 'string',
    read: (p) => {
      // PMML 4.4 OutputField "rank": the entity (neighbour, cluster) at that position of the ranking.
      const id = field.rank === 1 && p.entityId !== undefined ? p.entityId : p.ranking?.[field.rank - 1]?.id;
      return id === undefined ? MISSING : { dataType: 'string', value: id };
    },
  }),
  affinity: (field) => withRuleValue(field, 'affinity', rankedAffinity(field, true)),
  clusterAffinity: (field) => rankedAffinity(field, true),
  entityAffinity: (field) => rankedAffinity(field, false),
  clusterId: () => ({
    dataType: 'integer',
    read: (p) => (p.clusterIndex === undefined ? MISSING : { dataType: 'integer', value: p.clusterIndex }),
  }),
  reasonCode: (field) => ({
    dataType: 'string',
    read: (p) => {
      const code = p.reasonCodes?.[field.rank - 1];
      return code === undefined ? MISSING : { dataType: 'string', value: code };
    },
  }),
  warning: () => ({ dataType: 'string', read: () => MISSING }),
  // PMML 4.4 OutputField "standardDeviation": the standard deviation of the predicted value (Gaussian process models).
  standardDeviation: () => ({
    dataType: 'double',
    read: (p) => {
      const deviation = p.extras?.standardDeviation;
      return typeof deviation === 'number' ? { dataType: 'double', value: deviation } : MISSING;
    },
  }),
  residual: (field, target, { observedTarget }) => {
    const key = field.value === undefined ? undefined : looseValue(field.value, target.dataType).value;
    return {
      dataType: 'double',
      read: (p, ctx) => {
        const observed = observedTarget?.(ctx) ?? MISSING;
        if (observed === MISSING || p.value === MISSING) return MISSING;
        // PMML 4.4 OutputField "residual": observed minus predicted value; for a categorical target, the
        // indicator of the observed category minus its predicted probability.
        if (p.probabilities === undefined) return { dataType: 'double', value: toNumber(observed) - toNumber(p.value) };
        const category = key ?? valueKey(observed);
        const indicator = valueKey(observed) === category ? 1 : 0;
        return { dataType: 'double', value: indicator - (p.probabilities.get(category) ?? 0) };
      },
    };
  },
};

const RULE_TEXT_FEATURES: ReadonlySet<string> = new Set(['antecedent', 'consequent', 'rule', 'ruleId']);

/** An association rule's feature (PMML 4.4 OutputField `ruleValue` with `ruleFeature`, or the 4.2+ feature names). */
function ruleValueFeature(field: OutputField, feature: string): FeatureRead {
  return {
    dataType: RULE_TEXT_FEATURES.has(feature) ? 'string' : 'double',
    read: ruleValueReader(field, feature),
    readList: ruleValuesReader(field, feature),
  };
}

/** Features that name an association rule's measure for an AssociationModel and mean something else for other models. */
function withRuleValue(field: OutputField, feature: string, other: FeatureRead): FeatureRead {
  const rule = ruleValueReader(field, feature);
  const ruleList = ruleValuesReader(field, feature);
  return {
    dataType: other.dataType,
    read: (p, ctx) => (p.association === undefined ? other.read(p, ctx) : rule(p)),
    readList: ruleList === undefined ? undefined : (p) => (p.association === undefined ? MISSING : ruleList(p)),
  };
}

/**
 * `affinity`/`clusterAffinity` with a `value` name the entity (cluster id, instance id) whose affinity is
 * returned; otherwise, and always for `entityAffinity`, the entity at position `rank` of the ranking.
 */
function rankedAffinity(field: OutputField, byValue: boolean): FeatureRead {
  const id = byValue ? field.value : undefined;
  return {
    dataType: 'double',
    read: (p) => {
      const entity = id === undefined ? p.ranking?.[field.rank - 1] : p.ranking?.find((e) => e.id === id);
      return entity === undefined ? MISSING : { dataType: 'double', value: entity.affinity };
    },
  };
}

/** Picks the prediction an OutputField reads: its segment's (`segmentId`), its target's (`targetField`), or the model's. */
function predictionReader(field: OutputField, slot: number): (ctx: EvaluationContext) => Prediction | undefined {
  const own = (ctx: EvaluationContext) => ctx.predictions[slot] as Prediction | undefined;
  const { segmentId, targetField } = field;
  const bySegment =
    segmentId === undefined ? own : (ctx: EvaluationContext) => own(ctx)?.segments?.find((s) => s.id === segmentId)?.prediction;
  if (targetField === undefined) return bySegment;
  return (ctx) => {
    const p = bySegment(ctx);
    return p?.targets?.get(targetField) ?? p;
  };
}

/**
 * Compiles a model's OutputFields into lazily computed fields. Fields may refer to earlier OutputFields by
 * name (`transformedValue` expressions), so all of them are declared before any expression is compiled.
 */
export function compileOutputs(
  model: ModelElement,
  resultScope: Scope,
  target: TargetInfo,
  predictionSlot: number,
  env: CompileEnv,
): OutputBinding[] {
  const fields = model.Output?.OutputField ?? [];
  if (fields.length === 0) return [];
  const scope = new Scope(resultScope);
  const pending: { field: OutputField; binding: FieldBinding; compute: { get: Expr } }[] = [];
  for (const field of fields) {
    const slot = env.slots.nextSlot();
    const compute = { get: (() => MISSING) as Expr };
    const declared = field.dataType;
    const lazy: Expr = (ctx) => compute.get(ctx);
    const binding: FieldBinding = {
      name: field.name,
      dataType: declared ?? outputDataType(field, target),
      optype: field.optype ?? (field.feature === 'predictedValue' ? target.optype : ('continuous' as OpType)),
      get: cached(slot, declared === undefined ? lazy : (ctx) => castOrMissing(lazy(ctx), declared)),
    };
    scope.define(binding);
    pending.push({ field, binding, compute });
  }
  return pending.map(({ field, binding, compute }) => {
    const { get, list } = compileFeature(field, scope, target, predictionSlot, model, env);
    compute.get = get;
    return list === undefined ? { field, binding } : { field, binding, list };
  });
}

function outputDataType(field: OutputField, target: TargetInfo): DataType {
  switch (field.feature) {
    case 'predictedValue':
      return target.dataType;
    case 'predictedDisplayValue':
    case 'entityId':
    case 'warning':
    case 'decision':
    case 'reasonCode':
    case 'antecedent':
    case 'consequent':
    case 'rule':
    case 'ruleId':
    case 'x-report':
      return 'string';
    case 'ruleValue':
      return RULE_TEXT_FEATURES.has(field.ruleFeature ?? 'consequent') ? 'string' : 'double';
    case 'clusterId':
      return 'integer';
    default:
      return 'double';
  }
}

/** A compiled OutputField: its scalar value, and its list-valued result where it has one. */
interface CompiledFeature {
  readonly get: Expr;
  readonly list?: (ctx: EvaluationContext) => ValueList | typeof MISSING;
}

function compileFeature(
  field: OutputField,
  scope: Scope,
  target: TargetInfo,
  predictionSlot: number,
  model: ModelElement,
  env: CompileEnv,
): CompiledFeature {
  const get = compileScalarFeature(field, scope, target, predictionSlot, env);
  if (field.feature === 'transformedValue' || field.feature === 'decision' || field.feature === 'x-report') return { get };
  const readList = OUTPUT_FEATURES[field.feature]?.(field, target, {}).readList;
  // PMML 4.4 OutputField: with isMultiValued="1", rank="0" returns all of the ranked values, not the one at a
  // rank. Only association rules rank their results into lists here.
  if (isMultiValuedField(field) && (readList === undefined || model.element !== 'AssociationModel')) {
    env.unsupportedFeature(
      'OutputField',
      field.line,
      `Multi-valued OutputField '${field.name}' (isMultiValued="1", rank="0") is supported for the rule features of an AssociationModel only, not feature '${field.feature}' of a ${model.element} (line ${field.line}).`,
      'isMultiValued',
      field.isMultiValued,
    );
    return { get };
  }
  if (readList === undefined) return { get };
  const prediction = predictionReader(field, predictionSlot);
  // A list is no PMML scalar, so expressions that name a multi-valued field see it as missing.
  const scalar: Expr = isMultiValuedField(field) ? () => MISSING : get;
  return {
    get: scalar,
    list: (ctx) => {
      const p = prediction(ctx);
      return p === undefined ? MISSING : readList(p);
    },
  };
}

function compileScalarFeature(field: OutputField, scope: Scope, target: TargetInfo, predictionSlot: number, env: CompileEnv): Expr {
  const prediction = predictionReader(field, predictionSlot);
  if (field.feature === 'transformedValue' || field.feature === 'decision') {
    if (field.expression === undefined) {
      return (ctx) => prediction(ctx)?.value ?? MISSING;
    }
    return compileExpression(field.expression, scope, env).get;
  }
  if (field.feature === 'x-report') return compileReport(field, scope);
  const reader = OUTPUT_FEATURES[field.feature];
  if (reader === undefined) {
    env.unsupportedFeature(
      'OutputField',
      field.line,
      `Output feature '${field.feature}' of OutputField '${field.name}' is not supported (line ${field.line}).`,
      'feature',
      field.feature,
    );
    return () => MISSING;
  }
  const observedTarget = target.name === undefined ? undefined : scope.resolve(target.name)?.get;
  const { read } = reader(field, target, { observedTarget });
  return (ctx) => {
    const p = prediction(ctx);
    return p === undefined ? MISSING : read(p, ctx);
  };
}

/**
 * jpmml's `x-report` feature holds a MathML account of how the OutputField named by `x-reportField` was computed,
 * and only when the evaluator is built with a reporting value factory; its default evaluator returns null for it
 * (jpmml ModelNestingTest). This interpreter explains predictions through traces instead, so the field is always
 * missing, like jpmml's default; the reported field must still exist.
 */
function compileReport(field: OutputField, scope: Scope): Expr {
  if (field.reportField === undefined || !scope.has(field.reportField)) {
    throw new InvalidMarkupError(
      `OutputField '${field.name}' with feature 'x-report' must name an OutputField of its model in x-reportField (line ${field.line}).`,
      'OutputField',
      field.line,
    );
  }
  return () => MISSING;
}
