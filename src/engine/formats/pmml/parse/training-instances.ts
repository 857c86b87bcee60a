import type { TrainingInstances } from '../schema/nearest-neighbor-model.js';
import type { XmlElement } from '../xml-reader.js';
import { booleanAttr, childNamed, childrenNamed, optionalAttr, requiredAttr, requiredChild, type ParseContext } from './reader.js';
import { columnName, parseInlineTable } from './transformations.js';

/**
 * PMML 4.4 TrainingInstances, the stored training data of NearestNeighborModel and GaussianProcessModel: the
 * InstanceFields map table columns to fields, and the rows come from an InlineTable. A TableLocator names external
 * data, which a browser cannot reach, so it is reported as unsupported.
 */
export function parseTrainingInstances(element: XmlElement, ctx: ParseContext): TrainingInstances {
  const locator = childNamed(element, 'TableLocator');
  if (locator !== undefined) ctx.unsupportedElement(locator, `<TableLocator> (training instances in external data) is not supported (line ${locator.line}).`);
  const table = childNamed(element, 'InlineTable');
  return {
    isTransformed: booleanAttr(element, 'isTransformed', false),
    InstanceFields: childrenNamed(requiredChild(element, 'InstanceFields'), 'InstanceField').map((f) => {
      const field = requiredAttr(f, 'field');
      return { field, column: columnName(optionalAttr(f, 'column') ?? field), line: f.line };
    }),
    InlineTable: table === undefined ? { rows: [], line: element.line } : parseInlineTable(table),
    line: element.line,
  };
}
