import { InvalidMarkupError, MissingMarkupError } from '../../../errors.js';
import type {
  BayesianNetworkModel,
  BayesianNetworkNode,
  ContinuousConditionalProbability,
  ContinuousDistributionType,
  DiscreteConditionalProbability,
  ParentValue,
  ValueProbability,
} from '../schema/bayesian-network-model.js';
import type { ModelElement } from '../schema/model.js';
import type { XmlElement } from '../xml-reader.js';
import { childrenNamed, enumAttr, requiredAttr, requiredChild, requiredNumberAttr, type ParseContext } from './reader.js';
import { parseChildExpression } from './transformations.js';

const DISTRIBUTIONS = ['NormalDistribution', 'LognormalDistribution', 'UniformDistribution', 'TriangularDistribution'];

function parentValues(element: XmlElement): ParentValue[] {
  return childrenNamed(element, 'ParentValue').map((p) => ({ parent: requiredAttr(p, 'parent'), value: requiredAttr(p, 'value') }));
}

function valueProbabilities(element: XmlElement): ValueProbability[] {
  const values = childrenNamed(element, 'ValueProbability').map((v) => ({ value: requiredAttr(v, 'value'), probability: requiredNumberAttr(v, 'probability') }));
  if (values.length === 0) {
    throw new MissingMarkupError(`<${element.name}> has no <ValueProbability> (line ${element.line}).`, element.name, element.line);
  }
  return values;
}

function parseDistribution(holder: XmlElement, ctx: ParseContext): ContinuousDistributionType {
  const element = holder.children.find((c) => DISTRIBUTIONS.includes(c.name));
  if (element === undefined) {
    throw new MissingMarkupError(
      `<${holder.name}> has no distribution (one of ${DISTRIBUTIONS.map((d) => `<${d}>`).join(', ')}) (line ${holder.line}).`,
      holder.name,
      holder.line,
    );
  }
  const parameter = (name: string) => parseChildExpression(requiredChild(element, name), ctx);
  switch (element.name) {
    case 'NormalDistribution':
      return { kind: 'NormalDistribution', Mean: parameter('Mean'), Variance: parameter('Variance') };
    case 'LognormalDistribution':
      return { kind: 'LognormalDistribution', Mean: parameter('Mean'), Variance: parameter('Variance') };
    case 'UniformDistribution':
      return { kind: 'UniformDistribution', Lower: parameter('Lower'), Upper: parameter('Upper') };
    default:
      return { kind: 'TriangularDistribution', Mean: parameter('Mean'), Lower: parameter('Lower'), Upper: parameter('Upper') };
  }
}

function parseNode(element: XmlElement, ctx: ParseContext): BayesianNetworkNode {
  const name = requiredAttr(element, 'name');
  for (const derived of childrenNamed(element, 'DerivedField')) {
    ctx.unsupportedElement(derived, `<DerivedField> inside the Bayesian network node '${name}' is not supported (line ${derived.line}).`);
  }
  if (element.name === 'DiscreteNode') {
    const conditional = childrenNamed(element, 'DiscreteConditionalProbability');
    const rows: DiscreteConditionalProbability[] =
      conditional.length > 0
        ? conditional.map((row) => ({ ParentValue: parentValues(row), ValueProbability: valueProbabilities(row), line: row.line }))
        : [{ ParentValue: [], ValueProbability: valueProbabilities(element), line: element.line }];
    return { kind: 'DiscreteNode', name, rows, line: element.line };
  }
  const conditional = childrenNamed(element, 'ContinuousConditionalProbability');
  const rows: ContinuousConditionalProbability[] =
    conditional.length > 0
      ? conditional.map((row) => ({ ParentValue: parentValues(row), distribution: parseDistribution(requiredChild(row, 'ContinuousDistribution'), ctx), line: row.line }))
      : [{ ParentValue: [], distribution: parseDistribution(requiredChild(element, 'ContinuousDistribution'), ctx), line: element.line }];
  return { kind: 'ContinuousNode', name, rows, line: element.line };
}

export function parseBayesianNetworkModel(element: XmlElement, common: ModelElement, ctx: ParseContext): BayesianNetworkModel {
  const holder = requiredChild(element, 'BayesianNetworkNodes');
  const nodes = holder.children.filter((c) => c.name === 'DiscreteNode' || c.name === 'ContinuousNode').map((n) => parseNode(n, ctx));
  if (nodes.length === 0) {
    throw new InvalidMarkupError(`<BayesianNetworkNodes> holds no nodes (line ${holder.line}).`, holder.name, holder.line);
  }
  return {
    ...common,
    element: 'BayesianNetworkModel',
    modelType: enumAttr(element, 'modelType', ['General', 'TAN'] as const, 'General'),
    inferenceMethod: enumAttr(element, 'inferenceMethod', ['Other', 'MCMC', 'Exact'] as const, 'Other'),
    BayesianNetworkNodes: nodes,
  };
}
