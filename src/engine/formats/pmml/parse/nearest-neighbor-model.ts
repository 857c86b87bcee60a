import type { ModelElement } from '../schema/model.js';
import type { NearestNeighborModel } from '../schema/nearest-neighbor-model.js';
import type { XmlElement } from '../xml-reader.js';
import { parseComparisonField, parseComparisonMeasure } from './comparison-measure.js';
import {
  booleanAttr,
  childNamed,
  childrenNamed,
  enumAttr,
  numberAttr,
  optionalAttr,
  requiredAttr,
  requiredChild,
  requiredNumberAttr,
  type ParseContext,
} from './reader.js';
import { columnName, parseInlineTable } from './transformations.js';

export function parseNearestNeighborModel(element: XmlElement, common: ModelElement, ctx: ParseContext): NearestNeighborModel {
  const instances = requiredChild(element, 'TrainingInstances');
  const locator = childNamed(instances, 'TableLocator');
  if (locator !== undefined) ctx.unsupportedElement(locator, `<TableLocator> (training instances in external data) is not supported (line ${locator.line}).`);
  const table = childNamed(instances, 'InlineTable');
  return {
    ...common,
    element: 'NearestNeighborModel',
    numberOfNeighbors: requiredNumberAttr(element, 'numberOfNeighbors'),
    continuousScoringMethod: enumAttr(element, 'continuousScoringMethod', ['median', 'average', 'weightedAverage'], 'average'),
    categoricalScoringMethod: enumAttr(element, 'categoricalScoringMethod', ['majorityVote', 'weightedMajorityVote'], 'majorityVote'),
    instanceIdVariable: optionalAttr(element, 'instanceIdVariable'),
    threshold: numberAttr(element, 'threshold') ?? 0.001,
    TrainingInstances: {
      isTransformed: booleanAttr(instances, 'isTransformed', false),
      InstanceFields: childrenNamed(requiredChild(instances, 'InstanceFields'), 'InstanceField').map((f) => {
        const field = requiredAttr(f, 'field');
        return { field, column: columnName(optionalAttr(f, 'column') ?? field), line: f.line };
      }),
      InlineTable: table === undefined ? { rows: [], line: instances.line } : parseInlineTable(table),
      line: instances.line,
    },
    ComparisonMeasure: parseComparisonMeasure(requiredChild(element, 'ComparisonMeasure')),
    KNNInputs: childrenNamed(requiredChild(element, 'KNNInputs'), 'KNNInput').map((k) => parseComparisonField(k, ctx)),
  };
}
