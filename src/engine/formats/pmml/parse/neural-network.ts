import type { ModelElement } from '../schema/model.js';
import type { ActivationFunction, NeuralDerivedField, NeuralLayer, NeuralNetwork, NeuralNormalizationMethod } from '../schema/neural-network.js';
import type { XmlElement } from '../xml-reader.js';
import { childrenNamed, dataTypeAttr, enumAttr, numberAttr, optionalAttr, requiredAttr, requiredChild, requiredNumberAttr, type ParseContext } from './reader.js';
import { parseChildExpression } from './transformations.js';

export const ACTIVATION_FUNCTIONS: readonly ActivationFunction[] = [
  'threshold',
  'logistic',
  'tanh',
  'identity',
  'exponential',
  'reciprocal',
  'square',
  'Gauss',
  'sine',
  'cosine',
  'Elliott',
  'arctan',
  'rectifier',
  'radialBasis',
];
const NORMALIZATIONS: readonly NeuralNormalizationMethod[] = ['none', 'simplemax', 'softmax'];

function optionalEnum<T extends string>(element: XmlElement, name: string, allowed: readonly T[]): T | undefined {
  return element.attributes[name] === undefined ? undefined : enumAttr(element, name, allowed, allowed[0]);
}

function parseNeuralDerivedField(element: XmlElement, ctx: ParseContext): NeuralDerivedField {
  return {
    name: optionalAttr(element, 'name'),
    optype: optionalEnum(element, 'optype', ['continuous', 'categorical', 'ordinal'] as const),
    dataType: dataTypeAttr(element),
    expression: parseChildExpression(element, ctx),
    line: element.line,
  };
}

function parseLayer(element: XmlElement): NeuralLayer {
  return {
    activationFunction: optionalEnum(element, 'activationFunction', ACTIVATION_FUNCTIONS),
    threshold: numberAttr(element, 'threshold'),
    width: numberAttr(element, 'width'),
    altitude: numberAttr(element, 'altitude'),
    normalizationMethod: optionalEnum(element, 'normalizationMethod', NORMALIZATIONS),
    Neuron: childrenNamed(element, 'Neuron').map((n) => ({
      id: requiredAttr(n, 'id'),
      bias: numberAttr(n, 'bias'),
      width: numberAttr(n, 'width'),
      altitude: numberAttr(n, 'altitude'),
      Con: childrenNamed(n, 'Con').map((c) => ({ from: requiredAttr(c, 'from'), weight: requiredNumberAttr(c, 'weight'), line: c.line })),
      line: n.line,
    })),
    line: element.line,
  };
}

export function parseNeuralNetwork(element: XmlElement, common: ModelElement, ctx: ParseContext): NeuralNetwork {
  const inputs = requiredChild(element, 'NeuralInputs');
  const outputs = requiredChild(element, 'NeuralOutputs');
  return {
    ...common,
    element: 'NeuralNetwork',
    // PMML 4.4 NeuralNetwork: activationFunction is required.
    activationFunction: enumAttr(element, 'activationFunction', ACTIVATION_FUNCTIONS, requiredAttr(element, 'activationFunction') as ActivationFunction),
    normalizationMethod: enumAttr(element, 'normalizationMethod', NORMALIZATIONS, 'none'),
    threshold: numberAttr(element, 'threshold') ?? 0,
    width: numberAttr(element, 'width'),
    altitude: numberAttr(element, 'altitude') ?? 1,
    NeuralInputs: childrenNamed(inputs, 'NeuralInput').map((i) => ({
      id: requiredAttr(i, 'id'),
      DerivedField: parseNeuralDerivedField(requiredChild(i, 'DerivedField'), ctx),
      line: i.line,
    })),
    NeuralLayer: childrenNamed(element, 'NeuralLayer').map(parseLayer),
    NeuralOutputs: childrenNamed(outputs, 'NeuralOutput').map((o) => ({
      outputNeuron: requiredAttr(o, 'outputNeuron'),
      DerivedField: parseNeuralDerivedField(requiredChild(o, 'DerivedField'), ctx),
      line: o.line,
    })),
  };
}
