import type { Located } from './data-dictionary.js';
import type { ModelElement } from './model.js';
import type { DerivedField } from './transformations.js';

/** PMML 4.4 ACTIVATION-FUNCTION tokens. */
export type ActivationFunction =
  | 'threshold'
  | 'logistic'
  | 'tanh'
  | 'identity'
  | 'exponential'
  | 'reciprocal'
  | 'square'
  | 'Gauss'
  | 'sine'
  | 'cosine'
  | 'Elliott'
  | 'arctan'
  | 'rectifier'
  | 'radialBasis';

/** PMML 4.4 NN-NORMALIZATION-METHOD tokens. */
export type NeuralNormalizationMethod = 'none' | 'simplemax' | 'softmax';

/** The DerivedField inside NeuralInput/NeuralOutput: producers often leave it unnamed, since nothing refers to it. */
export type NeuralDerivedField = Omit<DerivedField, 'name'> & { readonly name?: string };

export interface NeuralInput extends Located {
  readonly id: string;
  readonly DerivedField: NeuralDerivedField;
}

export interface Connection extends Located {
  readonly from: string;
  readonly weight: number;
}

export interface Neuron extends Located {
  readonly id: string;
  readonly bias?: number;
  readonly width?: number;
  readonly altitude?: number;
  readonly Con: readonly Connection[];
}

/** A layer; unset attributes fall back to the NeuralNetwork's. */
export interface NeuralLayer extends Located {
  readonly activationFunction?: ActivationFunction;
  readonly threshold?: number;
  readonly width?: number;
  readonly altitude?: number;
  readonly normalizationMethod?: NeuralNormalizationMethod;
  readonly Neuron: readonly Neuron[];
}

export interface NeuralOutput extends Located {
  readonly outputNeuron: string;
  readonly DerivedField: NeuralDerivedField;
}

export interface NeuralNetwork extends ModelElement {
  readonly element: 'NeuralNetwork';
  readonly activationFunction: ActivationFunction;
  readonly normalizationMethod: NeuralNormalizationMethod;
  readonly threshold: number;
  readonly width?: number;
  readonly altitude: number;
  readonly NeuralInputs: readonly NeuralInput[];
  readonly NeuralLayer: readonly NeuralLayer[];
  readonly NeuralOutputs: readonly NeuralOutput[];
}
