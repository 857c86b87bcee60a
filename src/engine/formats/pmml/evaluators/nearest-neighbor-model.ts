import type { ModelStructure } from '../../../model/description.js';
import { EvaluationContext } from '../context.js';
import { castValue, compareValues, parseValue, valueKey, type ValueKey } from '../convert.js';
import type { ModelCompileContext, ModelKind } from '../model-kind.js';
import { parseNearestNeighborModel } from '../parse/nearest-neighbor-model.js';
import { MISSING_PREDICTION, type Prediction, type RankedEntity } from '../prediction.js';
import type { NearestNeighborModel } from '../schema/nearest-neighbor-model.js';
import { MISSING, type DataType, type TypedValue, type Value } from '../values.js';
import { compileComparison } from './comparison-measure.js';

/** One target's scoring over the k nearest instances (row indexes, nearest first, with their measures). */
type TargetScorer = (nearest: readonly number[], measures: Float64Array) => Value;

function median(values: number[]): number {
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

function continuousScorer(model: NearestNeighborModel, column: readonly Value[], dataType: DataType): TargetScorer {
  const numbers = column.map((v) => (v === MISSING ? NaN : Number(v.value)));
  const resultType: DataType = dataType === 'float' ? 'float' : 'double';
  return (nearest, measures) => {
    let result: number;
    switch (model.continuousScoringMethod) {
      case 'median':
        result = median(nearest.map((i) => numbers[i]));
        break;
      case 'weightedAverage': {
        // PMML 4.4 k-NN: "weightedAverage … weighted by the reciprocal of the distance (plus threshold)".
        let sum = 0;
        let weights = 0;
        for (const i of nearest) {
          const w = 1 / (measures[i] + model.threshold);
          sum += w * numbers[i];
          weights += w;
        }
        result = sum / weights;
        break;
      }
      default: {
        let sum = 0;
        for (const i of nearest) sum += numbers[i];
        result = sum / nearest.length;
      }
    }
    return castValue({ dataType: resultType, value: result }, dataType === 'integer' ? 'double' : dataType);
  };
}

function categoricalScorer(model: NearestNeighborModel, column: readonly Value[]): TargetScorer {
  // Training frequencies break ties: "In case of a tie, the category with the largest number of cases in the
  // training data is the winner. If multiple categories are tied on the largest number of cases in the training
  // data, then the category with the smallest data value (in lexical order) among the tied categories is the winner."
  const frequency = new Map<ValueKey, number>();
  for (const v of column) if (v !== MISSING) frequency.set(valueKey(v), (frequency.get(valueKey(v)) ?? 0) + 1);
  const isWeighted = model.categoricalScoringMethod === 'weightedMajorityVote';
  return (nearest, measures) => {
    const votes = new Map<ValueKey, { value: TypedValue; votes: number }>();
    for (const i of nearest) {
      const value = column[i];
      if (value === MISSING) continue;
      const vote = isWeighted ? 1 / (measures[i] + model.threshold) : 1;
      const entry = votes.get(valueKey(value));
      if (entry === undefined) votes.set(valueKey(value), { value, votes: vote });
      else entry.votes += vote;
    }
    let winners: { value: TypedValue; votes: number }[] = [];
    for (const entry of votes.values()) {
      if (winners.length === 0 || entry.votes > winners[0].votes) winners = [entry];
      else if (entry.votes === winners[0].votes) winners.push(entry);
    }
    if (winners.length > 1) {
      const most = Math.max(...winners.map((w) => frequency.get(valueKey(w.value)) ?? 0));
      winners = winners.filter((w) => (frequency.get(valueKey(w.value)) ?? 0) === most);
      winners.sort((a, b) => compareValues(a.value, b.value));
    }
    return winners[0]?.value ?? MISSING;
  };
}

/**
 * k-Nearest Neighbors (PMML 4.4 "KNN"): every training instance is measured against the record, the
 * `numberOfNeighbors` nearest ones score each target, and all instances ranked form the entity ranking
 * (`entityId`/`affinity` outputs with `rank`). Instances at the same measure keep document order (jpmml).
 */
export function compileNearestNeighborModel(model: NearestNeighborModel, mc: ModelCompileContext): (ctx: EvaluationContext) => Prediction {
  const { env, scope } = mc;
  const instances = model.TrainingInstances;
  const columnOf = new Map(instances.InstanceFields.map((f) => [f.field, f.column]));
  const rows = instances.InlineTable.rows;
  const k = model.numberOfNeighbors;
  if (!Number.isInteger(k) || k < 1 || k > rows.length) {
    env.unsupportedFeature(
      'NearestNeighborModel',
      model.line,
      `numberOfNeighbors ${k} is not between 1 and the ${rows.length} training instances (line ${model.line}).`,
      'numberOfNeighbors',
      String(k),
    );
  }
  const readColumn = (field: string, dataType: DataType, element: string, line: number): Value[] => {
    const column = columnOf.get(field);
    if (column === undefined) {
      env.unsupportedFeature(
        element,
        line,
        `Field '${field}' has no InstanceField column; computing training instances' derived values is not supported (line ${line}).`,
      );
      return rows.map(() => MISSING);
    }
    return rows.map((row) => {
      const text = row.get(column);
      return text === undefined ? MISSING : (parseValue(text, dataType) ?? MISSING);
    });
  };

  const inputs = model.KNNInputs.map((input) => {
    const binding = env.resolve(scope, input.field, 'KNNInput', input.line);
    // jpmml: a KNNInput without its own column is computed from the instance's other fields (isTransformed="false").
    const column = columnOf.has(input.field) ? readColumn(input.field, binding.dataType, 'KNNInput', input.line) : undefined;
    return { get: binding.get, column };
  });
  const instanceRecords = rows.map((row) => {
    const record: Record<string, string | null> = {};
    for (const f of instances.InstanceFields) record[f.field] = row.get(f.column) ?? null;
    return record;
  });
  let cachedReferences: Value[][] | undefined;
  // Computed on first use, once every slot of the document is allocated.
  const references = (): Value[][] =>
    (cachedReferences ??= instanceRecords.map((record, r) => {
      const instance = new EvaluationContext(record, env.slots.slotCount, env.slots.predictionCount);
      return inputs.map((input) => (input.column === undefined ? input.get(instance) : input.column[r]));
    }));
  const comparison = compileComparison(model.ComparisonMeasure, model.KNNInputs, env);
  const idColumn = model.instanceIdVariable === undefined ? undefined : columnOf.get(model.instanceIdVariable);
  // jpmml: an instance's id is its instanceIdVariable cell, else its 1-based row number.
  const ids = rows.map((row, r) => (idColumn === undefined ? String(r + 1) : (row.get(idColumn) ?? String(r + 1))));
  if (model.functionName === 'clustering' && idColumn === undefined) {
    env.unsupportedFeature('NearestNeighborModel', model.line, `A clustering <NearestNeighborModel> needs an instanceIdVariable with an InstanceField column (line ${model.line}).`);
  }

  const targets = model.MiningSchema.MiningField.filter((f) => f.usageType === 'target' || f.usageType === 'predicted').map((f) => {
    const dataField = env.dataFields.get(f.name);
    const dataType = dataField?.dataType ?? 'double';
    const optype = f.optype ?? dataField?.optype ?? 'continuous';
    const column = readColumn(f.name, dataType, 'MiningField', f.line);
    const isContinuous = optype === 'continuous';
    return { name: f.name, isContinuous, score: isContinuous ? continuousScorer(model, column, dataType) : categoricalScorer(model, column) };
  });

  const isSimilarity = comparison.kind === 'similarity';
  const weighted = targets.filter((t) => (t.isContinuous ? model.continuousScoringMethod === 'weightedAverage' : model.categoricalScoringMethod === 'weightedMajorityVote'));
  if (isSimilarity && weighted.length > 0) {
    // The weights are "1 / (distance + threshold)": they need a distance measure (jpmml requires one too).
    env.unsupportedFeature(
      'NearestNeighborModel',
      model.line,
      `Weighted scoring of '${weighted[0].name}' needs a distance measure, but the ComparisonMeasure is a similarity (line ${model.line}).`,
    );
  }
  const order = rows.map((_, r) => r);
  return (ctx) => {
    const values = inputs.map((input) => input.get(ctx));
    if (values.every((v) => v === MISSING)) return MISSING_PREDICTION;
    const adjustment = comparison.adjustment(values);
    const measures = new Float64Array(rows.length);
    const instanceValues = references();
    for (let r = 0; r < rows.length; r++) measures[r] = comparison.measure(values, instanceValues[r], adjustment);
    const ranked = [...order].sort(isSimilarity ? (a, b) => measures[b] - measures[a] || a - b : (a, b) => measures[a] - measures[b] || a - b);
    const nearest = ranked.slice(0, k);
    const ranking: RankedEntity[] = ranked.map((r) => ({ id: ids[r], affinity: measures[r] }));
    const explanation = ctx.trace === undefined ? undefined : { neighbors: nearest.map((r) => ({ id: ids[r], affinity: measures[r], values: instanceRecords[r] })) };
    const common = { entityId: ranking[0]?.id, ranking, explanation };
    if (targets.length === 0) return { value: MISSING, ...common };
    const results = new Map<string, Prediction>();
    for (const target of targets) results.set(target.name, { value: target.score(nearest, measures), ...common });
    const first = results.get(targets[0].name) ?? MISSING_PREDICTION;
    return targets.length === 1 ? first : { ...first, targets: results };
  };
}

export function describeNearestNeighborModel(model: NearestNeighborModel): ModelStructure {
  const measure = model.ComparisonMeasure;
  return {
    kind: 'other',
    element: model.element,
    summary: [
      { label: 'Neighbours', value: String(model.numberOfNeighbors) },
      { label: 'Training instances', value: String(model.TrainingInstances.InlineTable.rows.length) },
      { label: 'Measure', value: `${measure.measure.kind} (${measure.kind}, ${measure.compareFunction})` },
      { label: 'Scoring', value: `${model.continuousScoringMethod} (continuous), ${model.categoricalScoringMethod} (categorical)` },
      { label: 'Inputs', value: model.KNNInputs.map((f) => (f.fieldWeight === 1 ? f.field : `${f.field} ×${f.fieldWeight}`)).join(', ') },
    ],
    neighbors: {
      numberOfNeighbors: model.numberOfNeighbors,
      instanceCount: model.TrainingInstances.InlineTable.rows.length,
      measureKind: measure.kind,
      measure: measure.measure.kind,
      inputs: model.KNNInputs.map((f) => f.field),
      instanceFields: model.TrainingInstances.InstanceFields.map((f) => f.field),
    },
  };
}

export const nearestNeighborModelKind: ModelKind<NearestNeighborModel> = {
  element: 'NearestNeighborModel',
  parse: parseNearestNeighborModel,
  compile: compileNearestNeighborModel,
  describe: describeNearestNeighborModel,
};
