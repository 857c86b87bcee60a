import type { AssociationModel } from '../schema/association-model.js';
import type { ModelElement } from '../schema/model.js';
import type { XmlElement } from '../xml-reader.js';
import { childrenNamed, numberAttr, optionalAttr, requiredAttr, requiredNumberAttr } from './reader.js';

export function parseAssociationModel(element: XmlElement, common: ModelElement): AssociationModel {
  return {
    ...common,
    element: 'AssociationModel',
    numberOfTransactions: numberAttr(element, 'numberOfTransactions'),
    minimumSupport: numberAttr(element, 'minimumSupport'),
    minimumConfidence: numberAttr(element, 'minimumConfidence'),
    Item: childrenNamed(element, 'Item').map((item) => ({
      id: requiredAttr(item, 'id'),
      value: requiredAttr(item, 'value'),
      field: optionalAttr(item, 'field'),
      category: optionalAttr(item, 'category'),
      mappedValue: optionalAttr(item, 'mappedValue'),
      line: item.line,
    })),
    Itemset: childrenNamed(element, 'Itemset').map((set) => ({
      id: requiredAttr(set, 'id'),
      support: numberAttr(set, 'support'),
      itemRefs: childrenNamed(set, 'ItemRef').map((ref) => requiredAttr(ref, 'itemRef')),
      line: set.line,
    })),
    AssociationRule: childrenNamed(element, 'AssociationRule').map((rule) => ({
      id: optionalAttr(rule, 'id'),
      antecedent: requiredAttr(rule, 'antecedent'),
      consequent: requiredAttr(rule, 'consequent'),
      support: requiredNumberAttr(rule, 'support'),
      confidence: requiredNumberAttr(rule, 'confidence'),
      lift: numberAttr(rule, 'lift'),
      leverage: numberAttr(rule, 'leverage'),
      affinity: numberAttr(rule, 'affinity'),
      line: rule.line,
    })),
  };
}
