import type { Located } from './data-dictionary.js';
import type { ModelElement } from './model.js';
import type { TrainingInstances } from './nearest-neighbor-model.js';

/**
 * PMML 4.4 GP kernels. Every one carries `gamma` (the signal variance, default 1) and `noiseVariance` (the
 * Gaussian noise added on the diagonal of the training kernel matrix, default 1); `Lambda` holds one length
 * scale per input field.
 */
export type GaussianProcessKernel =
  | { readonly kind: 'RadialBasisKernel'; readonly gamma: number; readonly noiseVariance: number; readonly lambda: number } & Located
  | { readonly kind: 'ARDSquaredExponentialKernel'; readonly gamma: number; readonly noiseVariance: number; readonly Lambda: readonly number[] } & Located
  | { readonly kind: 'AbsoluteExponentialKernel'; readonly gamma: number; readonly noiseVariance: number; readonly Lambda: readonly number[] } & Located
  | {
      readonly kind: 'GeneralizedExponentialKernel';
      readonly gamma: number;
      readonly noiseVariance: number;
      readonly degree: number;
      readonly Lambda: readonly number[];
    } & Located;

export interface GaussianProcessModel extends ModelElement {
  readonly element: 'GaussianProcessModel';
  readonly optimizer?: string;
  readonly kernel: GaussianProcessKernel;
  readonly TrainingInstances: TrainingInstances;
}
