import type { CompareFunction, ComparisonField, ComparisonMeasure, Measure } from '../schema/comparison-measure.js';
import type { XmlElement } from '../xml-reader.js';
import { InvalidMarkupError } from '../../../errors.js';
import { enumAttr, numberAttr, requiredAttr, requiredNumberAttr, type ParseContext } from './reader.js';

export const COMPARE_FUNCTIONS: readonly CompareFunction[] = ['absDiff', 'gaussSim', 'delta', 'equal', 'table'];

const MEASURES = ['euclidean', 'squaredEuclidean', 'chebychev', 'cityBlock', 'minkowski', 'simpleMatching', 'jaccard', 'tanimoto', 'binarySimilarity'];

function parseMeasure(parent: XmlElement): Measure {
  const element = parent.children.find((c) => MEASURES.includes(c.name));
  if (element === undefined) {
    throw new InvalidMarkupError(
      `<ComparisonMeasure> has no measure element (one of ${MEASURES.map((m) => `<${m}>`).join(', ')}) (line ${parent.line}).`,
      parent.name,
      parent.line,
    );
  }
  switch (element.name) {
    case 'minkowski':
      return { kind: 'minkowski', p: requiredNumberAttr(element, 'p-parameter') };
    case 'binarySimilarity': {
      const c = (name: string): number => requiredNumberAttr(element, name);
      return {
        kind: 'binarySimilarity',
        c00: c('c00-parameter'),
        c01: c('c01-parameter'),
        c10: c('c10-parameter'),
        c11: c('c11-parameter'),
        d00: c('d00-parameter'),
        d01: c('d01-parameter'),
        d10: c('d10-parameter'),
        d11: c('d11-parameter'),
      };
    }
    default:
      return { kind: element.name as Exclude<Measure['kind'], 'minkowski' | 'binarySimilarity'> };
  }
}

export function parseComparisonMeasure(element: XmlElement): ComparisonMeasure {
  return {
    kind: enumAttr(element, 'kind', ['distance', 'similarity'], 'distance'),
    // PMML 4.4 ComparisonMeasure: compareFunction defaults to absDiff.
    compareFunction: enumAttr(element, 'compareFunction', COMPARE_FUNCTIONS, 'absDiff'),
    minimum: numberAttr(element, 'minimum'),
    maximum: numberAttr(element, 'maximum'),
    measure: parseMeasure(element),
    line: element.line,
  };
}

/** The attributes ClusteringField and KNNInput share. */
export function parseComparisonField(element: XmlElement, ctx: ParseContext): ComparisonField {
  const compareFunction = element.attributes.compareFunction === undefined ? undefined : enumAttr(element, 'compareFunction', COMPARE_FUNCTIONS, 'absDiff');
  if (compareFunction === 'table') {
    ctx.unsupportedAttribute(element, 'compareFunction', 'table');
  }
  return {
    field: requiredAttr(element, 'field'),
    fieldWeight: numberAttr(element, 'fieldWeight') ?? 1,
    compareFunction,
    similarityScale: numberAttr(element, 'similarityScale'),
    line: element.line,
  };
}
