import type { ModelElement } from '../schema/model.js';
import type { BayesInput, ContinuousDistribution, NaiveBayesModel, TargetValueCount } from '../schema/naive-bayes-model.js';
import type { XmlElement } from '../xml-reader.js';
import { childNamed, childrenNamed, dataTypeAttr, numberAttr, requiredAttr, requiredChild, requiredNumberAttr, type ParseContext } from './reader.js';
import { parseChildExpression } from './transformations.js';

const DISTRIBUTIONS = ['GaussianDistribution', 'PoissonDistribution', 'UniformDistribution', 'AnyDistribution'];

function parseTargetValueCounts(parent: XmlElement): TargetValueCount[] {
  return childrenNamed(requiredChild(parent, 'TargetValueCounts'), 'TargetValueCount').map((c) => ({
    value: requiredAttr(c, 'value'),
    count: requiredNumberAttr(c, 'count'),
    line: c.line,
  }));
}

function parseDistribution(stat: XmlElement): ContinuousDistribution {
  const element = stat.children.find((c) => DISTRIBUTIONS.includes(c.name)) ?? requiredChild(stat, 'GaussianDistribution');
  const line = element.line;
  switch (element.name) {
    case 'PoissonDistribution':
      return { kind: 'PoissonDistribution', mean: requiredNumberAttr(element, 'mean'), line };
    case 'UniformDistribution':
      return { kind: 'UniformDistribution', lower: requiredNumberAttr(element, 'lower'), upper: requiredNumberAttr(element, 'upper'), line };
    case 'AnyDistribution':
      return { kind: 'AnyDistribution', mean: requiredNumberAttr(element, 'mean'), variance: requiredNumberAttr(element, 'variance'), line };
    default:
      return { kind: 'GaussianDistribution', mean: requiredNumberAttr(element, 'mean'), variance: requiredNumberAttr(element, 'variance'), line };
  }
}

function parseBayesInput(element: XmlElement, ctx: ParseContext): BayesInput {
  const derived = childNamed(element, 'DerivedField');
  const stats = childNamed(element, 'TargetValueStats');
  return {
    // PMML 4.4 names the attribute `fieldName`; jpmml also reads `field`.
    fieldName: element.attributes.fieldName ?? requiredAttr(element, 'field'),
    DerivedField:
      derived === undefined ? undefined : { dataType: dataTypeAttr(derived), expression: parseChildExpression(derived, ctx), line: derived.line },
    PairCounts: childrenNamed(element, 'PairCounts').map((p) => ({ value: requiredAttr(p, 'value'), TargetValueCounts: parseTargetValueCounts(p), line: p.line })),
    TargetValueStats:
      stats === undefined
        ? undefined
        : childrenNamed(stats, 'TargetValueStat').map((s) => ({ value: requiredAttr(s, 'value'), distribution: parseDistribution(s), line: s.line })),
    line: element.line,
  };
}

/**
 * The BayesInput elements of <BayesInputs>, including those wrapped in an <Extension>. TargetValueStats (continuous
 * inputs) arrived in PMML 4.2; older documents, notably from R's legacy `pmml` package, carry such a BayesInput
 * inside an Extension of BayesInputs, and jpmml (ExtractBayesInputsTransformer) reads it as a regular input.
 */
function bayesInputElements(inputs: XmlElement): XmlElement[] {
  return inputs.children.flatMap((c) => (c.name === 'BayesInput' ? [c] : c.name === 'Extension' ? childrenNamed(c, 'BayesInput') : []));
}

export function parseNaiveBayesModel(element: XmlElement, common: ModelElement, ctx: ParseContext): NaiveBayesModel {
  const output = requiredChild(element, 'BayesOutput');
  return {
    ...common,
    element: 'NaiveBayesModel',
    // PMML 4.4 NaiveBayesModel: threshold is required; PMML 3.x documents may omit it, so 0 stands in for it there.
    threshold: numberAttr(element, 'threshold') ?? 0,
    BayesInputs: bayesInputElements(requiredChild(element, 'BayesInputs')).map((b) => parseBayesInput(b, ctx)),
    BayesOutput: {
      fieldName: output.attributes.fieldName ?? output.attributes.field ?? '',
      TargetValueCounts: parseTargetValueCounts(output),
      line: output.line,
    },
  };
}
