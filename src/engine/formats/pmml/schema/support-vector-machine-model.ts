import type { Located } from './data-dictionary.js';
import type { ModelElement } from './model.js';

/** PMML 4.4 SVM kernel elements (`LinearKernelType`, `PolynomialKernelType`, …) with their spec defaults. */
export type KernelType =
  | { readonly kind: 'linear' }
  | { readonly kind: 'polynomial'; readonly gamma: number; readonly coef0: number; readonly degree: number }
  | { readonly kind: 'radialBasis'; readonly gamma: number }
  | { readonly kind: 'sigmoid'; readonly gamma: number; readonly coef0: number };

/** One entry of VectorFields: a numeric field, or a 0/1 indicator of one category of a field (PMML 4.3+). */
export type VectorField =
  | { readonly kind: 'FieldRef'; readonly field: string; readonly line: number }
  | { readonly kind: 'CategoricalPredictor'; readonly name: string; readonly value: string; readonly coefficient: number; readonly line: number };

export interface VectorInstance extends Located {
  readonly id: string;
  /** Dense coordinates, one per VectorField (REAL-SparseArray expanded with zeros). */
  readonly values: readonly number[];
}

export interface VectorDictionary extends Located {
  readonly VectorFields: readonly VectorField[];
  readonly VectorInstance: readonly VectorInstance[];
}

export interface SupportVectorMachine extends Located {
  readonly targetCategory?: string;
  readonly alternateTargetCategory?: string;
  readonly threshold?: number;
  /** `vectorId`s of SupportVectors, in document order (matched to Coefficient by position). */
  readonly SupportVectors: readonly string[];
  readonly Coefficients: { readonly absoluteValue: number; readonly Coefficient: readonly number[] };
}

export interface SupportVectorMachineModel extends ModelElement {
  readonly element: 'SupportVectorMachineModel';
  readonly threshold: number;
  readonly svmRepresentation: 'SupportVectors' | 'Coefficients';
  /** `undefined` when the document omits it: older producers do, and the method is then inferred (jpmml). */
  readonly classificationMethod?: 'OneAgainstAll' | 'OneAgainstOne';
  readonly maxWins: boolean;
  readonly alternateBinaryTargetCategory?: string;
  readonly kernel: KernelType;
  readonly VectorDictionary: VectorDictionary;
  readonly SupportVectorMachine: readonly SupportVectorMachine[];
}
