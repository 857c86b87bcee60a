import type { ClusteringModel } from '../schema/clustering-model.js';
import type { ModelElement } from '../schema/model.js';
import type { XmlElement } from '../xml-reader.js';
import { parseComparisonField, parseComparisonMeasure } from './comparison-measure.js';
import { parseArray } from './predicates.js';
import { booleanAttr, childNamed, childrenNamed, enumAttr, numberAttr, optionalAttr, requiredChild, type ParseContext } from './reader.js';

function numbers(element: XmlElement): number[] {
  return parseArray(element).values.map(Number);
}

export function parseClusteringModel(element: XmlElement, common: ModelElement, ctx: ParseContext): ClusteringModel {
  const weights = childNamed(element, 'MissingValueWeights');
  const weightArray = weights === undefined ? undefined : childNamed(weights, 'Array');
  return {
    ...common,
    element: 'ClusteringModel',
    modelClass: enumAttr(element, 'modelClass', ['centerBased', 'distributionBased'], 'centerBased'),
    numberOfClusters: numberAttr(element, 'numberOfClusters'),
    ComparisonMeasure: parseComparisonMeasure(requiredChild(element, 'ComparisonMeasure')),
    ClusteringField: childrenNamed(element, 'ClusteringField').map((f) => ({
      ...parseComparisonField(f, ctx),
      isCenterField: booleanAttr(f, 'isCenterField', true),
    })),
    MissingValueWeights: weightArray === undefined ? undefined : numbers(weightArray),
    Cluster: childrenNamed(element, 'Cluster').map((c) => {
      const array = childNamed(c, 'Array');
      return {
        id: optionalAttr(c, 'id'),
        name: optionalAttr(c, 'name'),
        size: numberAttr(c, 'size'),
        center: array === undefined ? undefined : numbers(array),
        centerValues: array === undefined ? undefined : parseArray(array).values,
        line: c.line,
      };
    }),
  };
}
