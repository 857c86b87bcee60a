import type { ModelElement } from '../schema/model.js';
import type { Node, TreeModel } from '../schema/tree-model.js';
import type { XmlElement } from '../xml-reader.js';
import { parseChildPredicate } from './predicates.js';
import { childrenNamed, enumAttr, numberAttr, optionalAttr, requiredChild, type ParseContext } from './reader.js';
import { isModelElement } from './model.js';

export function parseTreeModel(element: XmlElement, common: ModelElement, ctx: ParseContext): TreeModel {
  let counter = 0;
  // Nodes without an id get their 1-based position in depth-first order, as jpmml's implicit entity ids do.
  const parseNode = (node: XmlElement): Node => {
    const position = ++counter;
    for (const child of node.children) {
      if (isModelElement(child) || child.name === 'Regression' || child.name === 'DecisionTree') {
        ctx.unsupportedElement(child, `Embedded model <${child.name}> inside <Node> is not supported (line ${child.line}).`);
      }
    }
    const id = optionalAttr(node, 'id');
    return {
      id: id ?? String(position),
      hasDocumentId: id !== undefined,
      score: optionalAttr(node, 'score'),
      recordCount: numberAttr(node, 'recordCount'),
      defaultChild: optionalAttr(node, 'defaultChild'),
      predicate: parseChildPredicate(node, ctx),
      ScoreDistribution: childrenNamed(node, 'ScoreDistribution').map((d) => ({
        value: optionalAttr(d, 'value') ?? '',
        recordCount: numberAttr(d, 'recordCount'),
        confidence: numberAttr(d, 'confidence'),
        probability: numberAttr(d, 'probability'),
        line: d.line,
      })),
      Node: childrenNamed(node, 'Node').map(parseNode),
      line: node.line,
    };
  };
  return {
    ...common,
    element: 'TreeModel',
    missingValueStrategy: enumAttr(
      element,
      'missingValueStrategy',
      ['lastPrediction', 'nullPrediction', 'defaultChild', 'weightedConfidence', 'aggregateNodes', 'none'] as const,
      'none',
    ),
    missingValuePenalty: numberAttr(element, 'missingValuePenalty') ?? 1,
    noTrueChildStrategy: enumAttr(element, 'noTrueChildStrategy', ['returnNullPrediction', 'returnLastPrediction'] as const, 'returnNullPrediction'),
    splitCharacteristic: enumAttr(element, 'splitCharacteristic', ['binarySplit', 'multiSplit'] as const, 'multiSplit'),
    Node: parseNode(requiredChild(element, 'Node')),
  };
}
