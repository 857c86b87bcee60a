import { InvalidMarkupError, UndefinedResultError } from '../../../errors.js';
import type { ModelStructure } from '../../../model/description.js';
import type { EvaluationContext } from '../context.js';
import { formatDouble, toNumber } from '../convert.js';
import type { ModelCompileContext, ModelKind } from '../model-kind.js';
import { parseAnomalyDetectionModel } from '../parse/anomaly-detection-model.js';
import { MISSING_PREDICTION, type Prediction } from '../prediction.js';
import type { AnomalyDetectionModel } from '../schema/anomaly-detection-model.js';
import type { ModelElement } from '../schema/model.js';
import { MISSING } from '../values.js';

/** Euler–Mascheroni constant, for the harmonic-number estimate H(i) ≈ ln(i) + γ (Liu, Ting and Zhou 2008). */
const EULER_GAMMA = 0.5772156649;

/**
 * The average path length of an unsuccessful binary-search-tree search among n points, which normalises
 * isolation-tree path lengths (PMML 4.4 Anomaly Detection Models, after Liu, Ting and Zhou 2008):
 * c(n) = 2·H(n − 1) − 2(n − 1)/n with the harmonic number H(i) ≈ ln(i) + γ; the paper sets c(2) = 1 and
 * c(n) = 0 below that.
 */
export function averagePathLength(n: number): number {
  if (n > 2) return 2 * (Math.log(n - 1) + EULER_GAMMA) - (2 * (n - 1)) / n;
  return n === 2 ? 1 : 0;
}

/**
 * The isolation forest anomaly score of PMML 4.4 Anomaly Detection Models, s(x, n) = 2^(−E(h(x))/c(n)), E(h(x))
 * being the average path length the embedded MiningModel predicts (the mean of its trees' leaf scores).
 */
export function isolationForestScore(meanPathLength: number, sampleDataSize: number): number {
  return Math.pow(2, -meanPathLength / averagePathLength(sampleDataSize));
}

function requireNested(model: AnomalyDetectionModel): ModelElement {
  if (model.model === undefined) {
    throw new InvalidMarkupError(`<AnomalyDetectionModel> has no supported embedded model (line ${model.line}).`, model.element, model.line);
  }
  return model.model;
}

export function compileAnomalyDetectionModel(model: AnomalyDetectionModel, mc: ModelCompileContext): (ctx: EvaluationContext) => Prediction {
  const nestedModel = requireNested(model);
  const nested = mc.compileNested(nestedModel, mc.scope);
  const score = (value: number): Prediction => ({ value: { dataType: 'double', value: mc.math.round(value) } });
  switch (model.algorithmType) {
    case 'iforest': {
      if (nestedModel.element !== 'MiningModel') {
        throw new InvalidMarkupError(
          `<AnomalyDetectionModel> of algorithmType 'iforest' must embed a <MiningModel>, not <${nestedModel.element}> (line ${model.line}).`,
          model.element,
          model.line,
        );
      }
      const n = model.sampleDataSize ?? 0;
      return (ctx) => {
        const p = nested.evaluate(ctx);
        return p.value === MISSING ? MISSING_PREDICTION : score(isolationForestScore(toNumber(p.value), n));
      };
    }
    case 'clusterMeanDist': {
      const distances = model.MeanClusterDistances ?? [];
      // PMML 4.4: the anomaly score is the record's distance to its nearest cluster center divided by that
      // cluster's mean distance (MeanClusterDistances holds one value per cluster, in the order of the clusters).
      return (ctx) => {
        const p = nested.evaluate(ctx);
        const index = p.clusterIndex;
        const distance = p.ranking?.[0]?.affinity;
        if (p.value === MISSING || index === undefined || distance === undefined) return MISSING_PREDICTION;
        const mean = distances[index - 1];
        if (mean === undefined) {
          throw new UndefinedResultError(
            `<MeanClusterDistances> has ${distances.length} values, but the record falls into cluster ${index} (line ${model.line}).`,
          );
        }
        return score(distance / mean);
      };
    }
    // PMML 4.4: a one-class SVM's decision value is the anomaly score as it is; models of algorithmType
    // 'other' are scored by their own PMML rules.
    case 'ocsvm':
    case 'other':
      return (ctx) => {
        const p = nested.evaluate(ctx);
        return p.value === MISSING ? MISSING_PREDICTION : score(toNumber(p.value));
      };
  }
}

/** The embedded model drawn as the single member of the anomaly detector, with the algorithm as its method. */
export function describeAnomalyDetectionModel(model: AnomalyDetectionModel, describeNested: (model: ModelElement) => ModelStructure): ModelStructure {
  const nested = model.model;
  const method = `anomaly detection: ${model.algorithmType}${model.sampleDataSize === undefined ? '' : ` (sample size ${formatDouble(model.sampleDataSize)})`}`;
  if (nested === undefined) return { kind: 'other', element: model.element, summary: [{ label: 'Algorithm', value: model.algorithmType }] };
  return {
    kind: 'ensemble',
    method,
    segments: [{ id: nested.modelName ?? nested.element, weight: 1, predicate: 'true', modelElement: nested.element, structure: describeNested(nested) }],
  };
}

export const anomalyDetectionModelKind: ModelKind<AnomalyDetectionModel> = {
  element: 'AnomalyDetectionModel',
  parse: parseAnomalyDetectionModel,
  compile: compileAnomalyDetectionModel,
  describe: describeAnomalyDetectionModel,
};
