import type { FieldSpec, FieldStatistics, ModelDescription, ModelStructure } from '../../model/description.js';
import { derivedFieldSpec } from './describe-models.js';
import type { ModelKind } from './model-kind.js';
import type { DataField } from './schema/data-dictionary.js';
import type { ModelElement } from './schema/model.js';
import type { UnivariateStats } from './schema/model-stats.js';
import type { PMML } from './schema/pmml.js';

/** A result field: a target or an OutputField of the top-level model. */
export interface ResultFieldSpec extends FieldSpec {
  readonly kind: 'target' | 'output';
  readonly isFinalResult: boolean;
  /** The OutputField's `feature` (predictedValue, probability, …). */
  readonly feature?: string;
}

export function inputFieldSpec(field: DataField, required: boolean, stats?: UnivariateStats): FieldSpec {
  const values = field.Value.filter((v) => v.property === 'valid').map((v) => v.value);
  return {
    name: field.name,
    displayName: field.displayName,
    dataType: field.dataType,
    opType: field.optype,
    values: values.length > 0 ? values : undefined,
    intervals:
      field.Interval.length > 0
        ? field.Interval.map((i) => ({ closure: i.closure, leftMargin: i.leftMargin, rightMargin: i.rightMargin }))
        : undefined,
    isRequired: required,
    statistics: stats === undefined ? undefined : fieldStatistics(stats),
  };
}

/** The statistics the form uses; undefined when the UnivariateStats holds none of them. */
function fieldStatistics(stats: UnivariateStats): FieldStatistics | undefined {
  const { minimum, maximum, mean, median } = stats.NumericInfo ?? {};
  const mode = stats.DiscrStats === undefined ? undefined : mostFrequent(stats.DiscrStats.values, stats.DiscrStats.counts);
  if ([minimum, maximum, mean, median, mode].every((v) => v === undefined)) return undefined;
  return { minimum, maximum, mean, median, mode };
}

/** The value with the highest count; the first of equals, in document order. */
function mostFrequent(values: readonly string[], counts: readonly number[]): string | undefined {
  let best: string | undefined;
  let bestCount = -Infinity;
  values.forEach((value, i) => {
    const count = counts[i];
    if (count !== undefined && Number.isFinite(count) && count > bestCount) {
      best = value;
      bestCount = count;
    }
  });
  return best;
}

export function describeModelStructure(model: ModelElement, kinds: ReadonlyMap<string, ModelKind>): ModelStructure {
  const kind = kinds.get(model.element);
  if (kind === undefined) return { kind: 'other', element: model.element, summary: [] };
  return kind.describe(model, (nested) => describeModelStructure(nested, kinds));
}

/** schema → the format-neutral description the viewer draws. */
export function describePmml(
  pmml: PMML,
  model: ModelElement,
  inputFields: readonly FieldSpec[],
  resultFields: readonly ResultFieldSpec[],
  kinds: ReadonlyMap<string, ModelKind>,
): ModelDescription {
  const header = pmml.Header;
  const metadata: { key: string; value: string }[] = [];
  const add = (key: string, value: string | undefined) => {
    if (value !== undefined && value !== '') metadata.push({ key, value });
  };
  add('functionName', model.functionName);
  add('algorithmName', model.algorithmName);
  add('copyright', header?.copyright);
  add('modelVersion', header?.modelVersion);
  add('timestamp', header?.Timestamp);
  header?.Annotation.forEach((a) => add('annotation', a));
  if (model.mathContext === 'float') add('x-mathContext', 'float');
  return {
    format: 'pmml',
    kind: model.element,
    name: model.modelName,
    description: header?.description,
    producer: header?.Application?.name,
    producerVersion: header?.Application?.version,
    formatVersion: pmml.version,
    metadata,
    inputFields,
    resultFields,
    inputTensors: [],
    outputTensors: [],
    derivedFields: [...(pmml.TransformationDictionary?.DerivedField ?? []), ...(model.LocalTransformations?.DerivedField ?? [])].map(derivedFieldSpec),
    structure: describeModelStructure(model, kinds),
  };
}
