import { InvalidMarkupError } from '../../../errors.js';
import type { MiningModel, Segment } from '../schema/mining-model.js';
import type { ModelElement } from '../schema/model.js';
import type { XmlElement } from '../xml-reader.js';
import { isModelElement } from './model.js';
import { embeddedModelSegmentation } from './model-composition.js';
import { parseChildPredicate } from './predicates.js';
import { childNamed, childrenNamed, enumAttr, numberAttr, optionalAttr, type ParseContext } from './reader.js';

const METHODS = [
  'majorityVote',
  'weightedMajorityVote',
  'average',
  'weightedAverage',
  'median',
  'weightedMedian',
  'max',
  'sum',
  'weightedSum',
  'selectFirst',
  'selectAll',
  'modelChain',
  'x-multiModelChain',
] as const;

export function parseMiningModel(element: XmlElement, common: ModelElement, ctx: ParseContext): MiningModel {
  // A MiningModel without Segmentation may compose embedded models (PMML 3.x Model Composition).
  const segmentation = childNamed(element, 'Segmentation') ?? embeddedModelSegmentation(element, ctx);
  if (segmentation === undefined) return { ...common, element: 'MiningModel' };
  const segments: Segment[] = [];
  childrenNamed(segmentation, 'Segment').forEach((segment, index) => {
    const modelElement = segment.children.find(isModelElement);
    if (modelElement === undefined) {
      throw new InvalidMarkupError(`<Segment> has no model element (line ${segment.line}).`, 'Segment', segment.line);
    }
    const model = ctx.parseModel(modelElement);
    if (model === undefined) return;
    segments.push({
      id: optionalAttr(segment, 'id') ?? String(index + 1),
      weight: numberAttr(segment, 'weight') ?? 1,
      predicate: parseChildPredicate(segment, ctx),
      model,
      line: segment.line,
    });
  });
  return {
    ...common,
    element: 'MiningModel',
    Segmentation: {
      multipleModelMethod: enumAttr(segmentation, 'multipleModelMethod', METHODS, 'modelChain'),
      // PMML 4.3 documents written for jpmml carry the 4.4 attributes with an `x-` prefix.
      missingPredictionTreatment: enumAttr(
        segmentation,
        segmentation.attributes.missingPredictionTreatment === undefined ? 'x-missingPredictionTreatment' : 'missingPredictionTreatment',
        ['returnMissing', 'skipSegment', 'continue'] as const,
        'continue',
      ),
      missingThreshold: numberAttr(segmentation, 'missingThreshold') ?? numberAttr(segmentation, 'x-missingThreshold') ?? 1,
      Segment: segments,
      line: segmentation.line,
    },
  };
}
