import type { ModelElement } from '../schema/model.js';
import type { NearestNeighborModel } from '../schema/nearest-neighbor-model.js';
import type { XmlElement } from '../xml-reader.js';
import { parseComparisonField, parseComparisonMeasure } from './comparison-measure.js';
import { childrenNamed, enumAttr, numberAttr, optionalAttr, requiredChild, requiredNumberAttr, type ParseContext } from './reader.js';
import { parseTrainingInstances } from './training-instances.js';

export function parseNearestNeighborModel(element: XmlElement, common: ModelElement, ctx: ParseContext): NearestNeighborModel {
  return {
    ...common,
    element: 'NearestNeighborModel',
    numberOfNeighbors: requiredNumberAttr(element, 'numberOfNeighbors'),
    continuousScoringMethod: enumAttr(element, 'continuousScoringMethod', ['median', 'average', 'weightedAverage'], 'average'),
    categoricalScoringMethod: enumAttr(element, 'categoricalScoringMethod', ['majorityVote', 'weightedMajorityVote'], 'majorityVote'),
    instanceIdVariable: optionalAttr(element, 'instanceIdVariable'),
    threshold: numberAttr(element, 'threshold') ?? 0.001,
    TrainingInstances: parseTrainingInstances(requiredChild(element, 'TrainingInstances'), ctx),
    ComparisonMeasure: parseComparisonMeasure(requiredChild(element, 'ComparisonMeasure')),
    KNNInputs: childrenNamed(requiredChild(element, 'KNNInputs'), 'KNNInput').map((k) => parseComparisonField(k, ctx)),
  };
}
