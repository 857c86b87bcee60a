import { InvalidMarkupError, MissingMarkupError } from '../../../errors.js';
import type { GaussianProcessKernel, GaussianProcessModel } from '../schema/gaussian-process-model.js';
import type { ModelElement } from '../schema/model.js';
import type { XmlElement } from '../xml-reader.js';
import { splitArrayContent } from './predicates.js';
import { childNamed, numberAttr, optionalAttr, requiredChild, type ParseContext } from './reader.js';
import { parseTrainingInstances } from './training-instances.js';

const KERNELS = ['RadialBasisKernel', 'ARDSquaredExponentialKernel', 'AbsoluteExponentialKernel', 'GeneralizedExponentialKernel'];

function parseLambda(kernel: XmlElement): number[] {
  const array = childNamed(requiredChild(kernel, 'Lambda'), 'Array');
  const values = splitArrayContent(array?.text ?? '').map(Number);
  if (values.length === 0 || values.some((v) => !Number.isFinite(v) || v <= 0)) {
    throw new InvalidMarkupError(`<Lambda> of <${kernel.name}> must hold an <Array> of positive numbers (line ${kernel.line}).`, 'Lambda', kernel.line);
  }
  return values;
}

function parseKernel(model: XmlElement): GaussianProcessKernel {
  const element = model.children.find((c) => KERNELS.includes(c.name));
  if (element === undefined) {
    throw new MissingMarkupError(
      `<GaussianProcessModel> has no kernel (one of ${KERNELS.map((k) => `<${k}>`).join(', ')}) (line ${model.line}).`,
      model.name,
      model.line,
    );
  }
  // PMML 4.4 GaussianProcessModel: gamma, noiseVariance, lambda and degree all default to 1.
  const common = { gamma: numberAttr(element, 'gamma') ?? 1, noiseVariance: numberAttr(element, 'noiseVariance') ?? 1, line: element.line };
  switch (element.name) {
    case 'RadialBasisKernel':
      return { kind: 'RadialBasisKernel', ...common, lambda: numberAttr(element, 'lambda') ?? 1 };
    case 'ARDSquaredExponentialKernel':
      return { kind: 'ARDSquaredExponentialKernel', ...common, Lambda: parseLambda(element) };
    case 'AbsoluteExponentialKernel':
      return { kind: 'AbsoluteExponentialKernel', ...common, Lambda: parseLambda(element) };
    default:
      return { kind: 'GeneralizedExponentialKernel', ...common, degree: numberAttr(element, 'degree') ?? 1, Lambda: parseLambda(element) };
  }
}

export function parseGaussianProcessModel(element: XmlElement, common: ModelElement, ctx: ParseContext): GaussianProcessModel {
  return {
    ...common,
    element: 'GaussianProcessModel',
    optimizer: optionalAttr(element, 'optimizer'),
    kernel: parseKernel(element),
    TrainingInstances: parseTrainingInstances(requiredChild(element, 'TrainingInstances'), ctx),
  };
}
