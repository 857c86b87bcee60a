import { MissingMarkupError } from '../../../errors.js';
import type { BaselineDistribution, BaselineModel, TestDistributions } from '../schema/baseline-model.js';
import type { ModelElement } from '../schema/model.js';
import type { XmlElement } from '../xml-reader.js';
import { enumAttr, numberAttr, optionalAttr, requiredAttr, requiredChild, requiredNumberAttr, childNamed } from './reader.js';

const STATISTICS = ['zValue', 'chiSquareIndependence', 'chiSquareDistribution', 'CUSUM', 'scalarProduct'] as const;
const DISCRETE = ['CountTable', 'NormalizedCountTable', 'FieldRef'];

/** The distribution inside <Baseline> or <Alternate>. */
export function parseBaselineDistribution(holder: XmlElement): BaselineDistribution {
  const element = holder.children[0];
  if (element === undefined) {
    throw new MissingMarkupError(`<${holder.name}> holds no distribution (line ${holder.line}).`, holder.name, holder.line);
  }
  const line = element.line;
  switch (element.name) {
    case 'GaussianDistribution':
      return { kind: 'GaussianDistribution', mean: requiredNumberAttr(element, 'mean'), variance: requiredNumberAttr(element, 'variance'), line };
    case 'PoissonDistribution':
      return { kind: 'PoissonDistribution', mean: requiredNumberAttr(element, 'mean'), line };
    case 'UniformDistribution':
      return { kind: 'UniformDistribution', lower: requiredNumberAttr(element, 'lower'), upper: requiredNumberAttr(element, 'upper'), line };
    case 'AnyDistribution':
      return { kind: 'AnyDistribution', mean: requiredNumberAttr(element, 'mean'), variance: requiredNumberAttr(element, 'variance'), line };
    default:
      if (DISCRETE.includes(element.name)) return { kind: 'discrete', element: element.name, line };
      throw new MissingMarkupError(`<${holder.name}> holds <${element.name}>, which is not a distribution (line ${line}).`, holder.name, line);
  }
}

function parseTestDistributions(element: XmlElement): TestDistributions {
  const alternate = childNamed(element, 'Alternate');
  return {
    field: requiredAttr(element, 'field'),
    testStatistic: enumAttr(element, 'testStatistic', STATISTICS, 'zValue'),
    resetValue: numberAttr(element, 'resetValue') ?? 0,
    windowSize: numberAttr(element, 'windowSize') ?? 0,
    weightField: optionalAttr(element, 'weightField'),
    normalizationScheme: optionalAttr(element, 'normalizationScheme'),
    Baseline: parseBaselineDistribution(requiredChild(element, 'Baseline')),
    Alternate: alternate === undefined ? undefined : parseBaselineDistribution(alternate),
    line: element.line,
  };
}

export function parseBaselineModel(element: XmlElement, common: ModelElement): BaselineModel {
  const tests = requiredChild(element, 'TestDistributions');
  requiredAttr(tests, 'testStatistic');
  return { ...common, element: 'BaselineModel', TestDistributions: parseTestDistributions(tests) };
}
