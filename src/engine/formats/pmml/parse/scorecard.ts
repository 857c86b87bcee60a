import type { ModelElement } from '../schema/model.js';
import type { Scorecard } from '../schema/scorecard.js';
import type { XmlElement } from '../xml-reader.js';
import { parseChildPredicate } from './predicates.js';
import { booleanAttr, childNamed, childrenNamed, enumAttr, numberAttr, optionalAttr, requiredChild, type ParseContext } from './reader.js';
import { parseChildExpression } from './transformations.js';

export function parseScorecard(element: XmlElement, common: ModelElement, ctx: ParseContext): Scorecard {
  return {
    ...common,
    element: 'Scorecard',
    initialScore: numberAttr(element, 'initialScore') ?? 0,
    // PMML 4.4 Scorecard: useReasonCodes defaults to true, reasonCodeAlgorithm to pointsBelow.
    useReasonCodes: booleanAttr(element, 'useReasonCodes', true),
    reasonCodeAlgorithm: enumAttr(element, 'reasonCodeAlgorithm', ['pointsAbove', 'pointsBelow'], 'pointsBelow'),
    baselineScore: numberAttr(element, 'baselineScore'),
    baselineMethod: enumAttr(element, 'baselineMethod', ['max', 'min', 'mean', 'neutral', 'other'], 'other'),
    Characteristics: childrenNamed(requiredChild(element, 'Characteristics'), 'Characteristic').map((c) => ({
      name: optionalAttr(c, 'name'),
      reasonCode: optionalAttr(c, 'reasonCode'),
      baselineScore: numberAttr(c, 'baselineScore'),
      Attribute: childrenNamed(c, 'Attribute').map((a) => {
        const complex = childNamed(a, 'ComplexPartialScore');
        return {
          predicate: parseChildPredicate(a, ctx),
          partialScore: numberAttr(a, 'partialScore'),
          reasonCode: optionalAttr(a, 'reasonCode'),
          ComplexPartialScore: complex === undefined ? undefined : parseChildExpression(complex, ctx),
          line: a.line,
        };
      }),
      line: c.line,
    })),
  };
}
