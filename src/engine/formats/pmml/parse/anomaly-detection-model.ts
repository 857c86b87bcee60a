import { InvalidMarkupError, MissingMarkupError } from '../../../errors.js';
import type { AnomalyDetectionModel } from '../schema/anomaly-detection-model.js';
import type { ModelElement } from '../schema/model.js';
import type { XmlElement } from '../xml-reader.js';
import { isModelElement } from './model.js';
import { splitArrayContent } from './predicates.js';
import { childNamed, enumAttr, numberAttr, type ParseContext } from './reader.js';

const ALGORITHM_TYPES = ['iforest', 'ocsvm', 'clusterMeanDist', 'other'] as const;

function parseMeanClusterDistances(element: XmlElement): number[] {
  const array = childNamed(element, 'Array');
  const values = splitArrayContent(array?.text ?? '').map(Number);
  if (values.length === 0 || values.some((v) => Number.isNaN(v) || v < 0)) {
    throw new InvalidMarkupError(
      `<MeanClusterDistances> must hold an <Array> of non-negative numbers (line ${element.line}).`,
      element.name,
      element.line,
    );
  }
  return values;
}

export function parseAnomalyDetectionModel(element: XmlElement, common: ModelElement, ctx: ParseContext): AnomalyDetectionModel {
  const algorithmType = enumAttr(element, 'algorithmType', ALGORITHM_TYPES, 'other');
  if (element.attributes.algorithmType === undefined) {
    throw new MissingMarkupError(`Element <AnomalyDetectionModel> has no required attribute 'algorithmType' (line ${element.line}).`, element.name, element.line);
  }
  const sampleDataSize = numberAttr(element, 'sampleDataSize');
  // PMML 4.4 AnomalyDetectionModel: "sampleDataSize: A required parameter for isolation forest models."
  if (algorithmType === 'iforest' && sampleDataSize === undefined) {
    throw new MissingMarkupError(
      `<AnomalyDetectionModel> of algorithmType 'iforest' has no 'sampleDataSize' attribute (line ${element.line}).`,
      element.name,
      element.line,
    );
  }
  const distancesElement = childNamed(element, 'MeanClusterDistances');
  if (algorithmType === 'clusterMeanDist' && distancesElement === undefined) {
    throw new MissingMarkupError(
      `<AnomalyDetectionModel> of algorithmType 'clusterMeanDist' has no <MeanClusterDistances> (line ${element.line}).`,
      element.name,
      element.line,
    );
  }
  const nestedElement = element.children.find(isModelElement);
  if (nestedElement === undefined) {
    throw new MissingMarkupError(`<AnomalyDetectionModel> embeds no model element (line ${element.line}).`, element.name, element.line);
  }
  return {
    ...common,
    element: 'AnomalyDetectionModel',
    algorithmType,
    sampleDataSize,
    // An unsupported embedded model is reported by parseModel and leaves `model` undefined.
    model: ctx.parseModel(nestedElement),
    MeanClusterDistances: distancesElement === undefined ? undefined : parseMeanClusterDistances(distancesElement),
  };
}
