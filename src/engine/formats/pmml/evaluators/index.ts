import type { ModelKind } from '../model-kind.js';
import { anomalyDetectionModelKind } from './anomaly-detection-model.js';
import { associationModelKind } from './association-model.js';
import { baselineModelKind } from './baseline-model.js';
import { bayesianNetworkModelKind } from './bayesian-network-model.js';
import { clusteringModelKind } from './clustering-model.js';
import { gaussianProcessModelKind } from './gaussian-process-model.js';
import { generalRegressionModelKind } from './general-regression-model.js';
import { miningModelKind } from './mining-model.js';
import { naiveBayesModelKind } from './naive-bayes-model.js';
import { nearestNeighborModelKind } from './nearest-neighbor-model.js';
import { neuralNetworkKind } from './neural-network.js';
import { regressionModelKind } from './regression-model.js';
import { ruleSetModelKind } from './rule-set-model.js';
import { scorecardKind } from './scorecard.js';
import { supportVectorMachineModelKind } from './support-vector-machine-model.js';
import { timeSeriesModelKind } from './time-series-model.js';
import { treeModelKind } from './tree-model.js';

/**
 * The model evaluators by PMML element name (jpmml's ModelEvaluatorFactory). A new model type is one module
 * exporting a {@link ModelKind} and one line here.
 */
export const MODEL_KINDS: ReadonlyMap<string, ModelKind> = new Map<string, ModelKind>(
  [
    anomalyDetectionModelKind as ModelKind,
    associationModelKind as ModelKind,
    baselineModelKind as ModelKind,
    bayesianNetworkModelKind as ModelKind,
    clusteringModelKind as ModelKind,
    gaussianProcessModelKind as ModelKind,
    generalRegressionModelKind as ModelKind,
    miningModelKind as ModelKind,
    naiveBayesModelKind as ModelKind,
    nearestNeighborModelKind as ModelKind,
    neuralNetworkKind as ModelKind,
    regressionModelKind as ModelKind,
    ruleSetModelKind as ModelKind,
    scorecardKind as ModelKind,
    supportVectorMachineModelKind as ModelKind,
    timeSeriesModelKind as ModelKind,
    treeModelKind as ModelKind,
  ].map((kind) => [kind.element, kind]),
);
