import type { ModelElement } from './model.js';

/** PMML 4.4 AnomalyDetectionModel@algorithmType. */
export type AnomalyAlgorithmType = 'iforest' | 'ocsvm' | 'clusterMeanDist' | 'other';

export interface AnomalyDetectionModel extends ModelElement {
  readonly element: 'AnomalyDetectionModel';
  readonly algorithmType: AnomalyAlgorithmType;
  /** Required for `iforest`: the training sample size n that normalises the path length. */
  readonly sampleDataSize?: number;
  /**
   * The embedded model that does the scoring (MiningModel, SupportVectorMachineModel, ClusteringModel, …);
   * `undefined` when that model is not supported (already reported while parsing).
   */
  readonly model?: ModelElement;
  /** Required for `clusterMeanDist`: the mean distance of each cluster's members to its center, in cluster order. */
  readonly MeanClusterDistances?: readonly number[];
}
