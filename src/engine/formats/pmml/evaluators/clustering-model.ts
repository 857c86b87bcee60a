import type { ModelStructure } from '../../../model/description.js';
import type { EvaluationContext } from '../context.js';
import { parseValue } from '../convert.js';
import { looseValue } from '../expressions.js';
import type { ModelCompileContext, ModelKind } from '../model-kind.js';
import { parseClusteringModel } from '../parse/clustering-model.js';
import { MISSING_PREDICTION, type Prediction, type RankedEntity } from '../prediction.js';
import type { ClusteringModel } from '../schema/clustering-model.js';
import { MISSING, type Value } from '../values.js';
import { compileComparison } from './comparison-measure.js';

/** jpmml EntityUtil: a Cluster's id is its `id` attribute, else its 1-based position among the Clusters. */
export function clusterId(cluster: { readonly id?: string }, index: number): string {
  return cluster.id ?? String(index + 1);
}

/**
 * Center-based clustering (PMML 4.4 "Clustering Models"): the record is compared with every cluster center,
 * and the nearest (distance) or most similar (similarity) cluster wins; the first one in document order wins a tie.
 */
export function compileClusteringModel(model: ClusteringModel, mc: ModelCompileContext): (ctx: EvaluationContext) => Prediction {
  const { env, scope } = mc;
  if (model.modelClass === 'distributionBased') {
    env.unsupportedFeature('ClusteringModel', model.line, `A distribution-based <ClusteringModel> is not supported (line ${model.line}).`, 'modelClass', 'distributionBased');
    return () => MISSING_PREDICTION;
  }
  const centerFields = model.ClusteringField.filter((f) => f.isCenterField);
  const weights = model.MissingValueWeights?.filter((_, i) => model.ClusteringField[i]?.isCenterField ?? true);
  const comparison = compileComparison(model.ComparisonMeasure, centerFields, env, weights);
  const bindings = centerFields.map((f) => env.resolve(scope, f.field, 'ClusteringField', f.line));
  const getters = bindings.map((b) => b.get);
  const clusters = model.Cluster.map((cluster, index) => {
    const center = cluster.centerValues ?? [];
    if (center.length !== centerFields.length) {
      env.unsupportedFeature(
        'Cluster',
        cluster.line,
        `<Cluster> ${clusterId(cluster, index)} has ${center.length} center coordinates for ${centerFields.length} clustering fields (line ${cluster.line}).`,
      );
    }
    return {
      id: clusterId(cluster, index),
      name: cluster.name,
      index: index + 1,
      // Each coordinate is a value of its field: a number for a continuous field, a category for a categorical one.
      reference: center.map((text, i): Value => parseValue(text, bindings[i]?.dataType ?? 'double') ?? looseValue(text)),
    };
  });
  const isSimilarity = comparison.kind === 'similarity';
  return (ctx) => {
    const values = getters.map((get) => get(ctx));
    if (values.every((v) => v === MISSING)) return MISSING_PREDICTION;
    const adjustment = comparison.adjustment(values);
    const scored = clusters.map((c) => ({ cluster: c, affinity: comparison.measure(values, c.reference, adjustment) }));
    // Array.prototype.sort is stable: clusters at the same affinity keep document order.
    scored.sort((a, b) => (isSimilarity ? b.affinity - a.affinity : a.affinity - b.affinity));
    const best = scored[0];
    if (best === undefined) return MISSING_PREDICTION;
    const ranking: RankedEntity[] = scored.map((s) => ({ id: s.cluster.id, affinity: s.affinity }));
    return {
      value: { dataType: 'string', value: best.cluster.id },
      displayValue: best.cluster.name ?? best.cluster.id,
      entityId: best.cluster.id,
      clusterIndex: best.cluster.index,
      ranking,
    };
  };
}

export function describeClusteringModel(model: ClusteringModel): ModelStructure {
  const measure = model.ComparisonMeasure;
  return {
    kind: 'other',
    element: model.element,
    summary: [
      { label: 'Model class', value: model.modelClass },
      { label: 'Measure', value: `${measure.measure.kind} (${measure.kind}, ${measure.compareFunction})` },
      { label: 'Fields', value: model.ClusteringField.map((f) => (f.fieldWeight === 1 ? f.field : `${f.field} ×${f.fieldWeight}`)).join(', ') },
      {
        label: 'Clusters',
        value: model.Cluster.map((c, i) => `${clusterId(c, i)}${c.name !== undefined && c.name !== clusterId(c, i) ? ` "${c.name}"` : ''}${c.size === undefined ? '' : ` (${c.size})`}`).join(', '),
      },
    ],
    clustering: {
      fields: model.ClusteringField.filter((f) => f.isCenterField).map((f) => f.field),
      measureKind: measure.kind,
      measure: measure.measure.kind,
      clusters: model.Cluster.map((c, i) => ({ id: clusterId(c, i), name: c.name, size: c.size, center: c.center ?? [] })),
    },
  };
}

export const clusteringModelKind: ModelKind<ClusteringModel> = {
  element: 'ClusteringModel',
  parse: parseClusteringModel,
  compile: compileClusteringModel,
  describe: describeClusteringModel,
};
