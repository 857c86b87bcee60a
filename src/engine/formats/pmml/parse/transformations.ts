import { MissingMarkupError } from '../../../errors.js';
import type {
  DefineFunction,
  DerivedField,
  DiscretizeBin,
  Expression,
  InlineTable,
  LocalTransformations,
  TextIndexNormalization,
  TransformationDictionary,
} from '../schema/transformations.js';
import type { XmlElement } from '../xml-reader.js';
import {
  booleanAttr,
  childNamed,
  childrenNamed,
  dataTypeAttr,
  enumAttr,
  numberAttr,
  optionalAttr,
  requiredAttr,
  requiredChild,
  requiredNumberAttr,
  type ParseContext,
} from './reader.js';

const OPTYPES = ['continuous', 'categorical', 'ordinal'] as const;
const CLOSURES = ['openClosed', 'openOpen', 'closedOpen', 'closedClosed'] as const;
const INVALID_TREATMENTS = ['returnInvalid', 'asIs', 'asMissing', 'asValue'] as const;
const EXPRESSION_ELEMENTS = new Set([
  'Constant',
  'FieldRef',
  'NormContinuous',
  'NormDiscrete',
  'Discretize',
  'MapValues',
  'TextIndex',
  'Apply',
  'Aggregate',
  'Lag',
]);

export function isExpressionElement(element: XmlElement): boolean {
  return EXPRESSION_ELEMENTS.has(element.name);
}

export function parseTransformationDictionary(element: XmlElement, ctx: ParseContext): TransformationDictionary {
  return {
    DefineFunction: childrenNamed(element, 'DefineFunction').map((e) => parseDefineFunction(e, ctx)),
    DerivedField: childrenNamed(element, 'DerivedField').map((e) => parseDerivedField(e, ctx)),
    line: element.line,
  };
}

export function parseLocalTransformations(element: XmlElement, ctx: ParseContext): LocalTransformations {
  return { DerivedField: childrenNamed(element, 'DerivedField').map((e) => parseDerivedField(e, ctx)), line: element.line };
}

export function parseDerivedField(element: XmlElement, ctx: ParseContext): DerivedField {
  return {
    name: requiredAttr(element, 'name'),
    displayName: optionalAttr(element, 'displayName'),
    optype: element.attributes.optype === undefined ? undefined : enumAttr(element, 'optype', OPTYPES, 'continuous'),
    dataType: dataTypeAttr(element),
    expression: parseChildExpression(element, ctx),
    line: element.line,
  };
}

function parseDefineFunction(element: XmlElement, ctx: ParseContext): DefineFunction {
  return {
    name: requiredAttr(element, 'name'),
    optype: element.attributes.optype === undefined ? undefined : enumAttr(element, 'optype', OPTYPES, 'continuous'),
    dataType: dataTypeAttr(element),
    ParameterField: childrenNamed(element, 'ParameterField').map((p) => ({
      name: requiredAttr(p, 'name'),
      optype: p.attributes.optype === undefined ? undefined : enumAttr(p, 'optype', OPTYPES, 'continuous'),
      dataType: dataTypeAttr(p),
      line: p.line,
    })),
    DerivedField: childrenNamed(element, 'DerivedField').map((e) => parseDerivedField(e, ctx)),
    expression: parseChildExpression(element, ctx),
    line: element.line,
  };
}

/** The single expression child that DerivedField, DefineFunction and OutputField hold. */
export function parseChildExpression(parent: XmlElement, ctx: ParseContext): Expression {
  const element = parent.children.find(isExpressionElement);
  if (element === undefined) {
    throw new MissingMarkupError(`Element <${parent.name}> has no expression (line ${parent.line}).`, parent.name, parent.line);
  }
  return parseExpression(element, ctx);
}

export function parseExpression(element: XmlElement, ctx: ParseContext): Expression {
  const line = element.line;
  switch (element.name) {
    case 'Constant':
      return {
        kind: 'Constant',
        dataType: dataTypeAttr(element),
        value: element.text.trim(),
        missing: booleanAttr(element, 'missing', false),
        line,
      };
    case 'FieldRef':
      return { kind: 'FieldRef', field: requiredAttr(element, 'field'), mapMissingTo: optionalAttr(element, 'mapMissingTo'), line };
    case 'NormContinuous':
      return {
        kind: 'NormContinuous',
        field: requiredAttr(element, 'field'),
        mapMissingTo: numberAttr(element, 'mapMissingTo'),
        outliers: enumAttr(element, 'outliers', ['asIs', 'asMissingValues', 'asExtremeValues'] as const, 'asIs'),
        LinearNorm: childrenNamed(element, 'LinearNorm').map((n) => ({
          orig: requiredNumberAttr(n, 'orig'),
          norm: requiredNumberAttr(n, 'norm'),
          line: n.line,
        })),
        line,
      };
    case 'NormDiscrete':
      if (element.attributes.method !== undefined && element.attributes.method !== 'indicator') {
        ctx.unsupportedAttribute(element, 'method', element.attributes.method);
      }
      return {
        kind: 'NormDiscrete',
        field: requiredAttr(element, 'field'),
        value: requiredAttr(element, 'value'),
        mapMissingTo: numberAttr(element, 'mapMissingTo'),
        line,
      };
    case 'Discretize':
      return {
        kind: 'Discretize',
        field: requiredAttr(element, 'field'),
        mapMissingTo: optionalAttr(element, 'mapMissingTo'),
        defaultValue: optionalAttr(element, 'defaultValue'),
        dataType: dataTypeAttr(element),
        DiscretizeBin: childrenNamed(element, 'DiscretizeBin').map(parseDiscretizeBin),
        line,
      };
    case 'MapValues':
      return {
        kind: 'MapValues',
        mapMissingTo: optionalAttr(element, 'mapMissingTo'),
        defaultValue: optionalAttr(element, 'defaultValue'),
        outputColumn: columnName(requiredAttr(element, 'outputColumn')),
        dataType: dataTypeAttr(element),
        FieldColumnPair: childrenNamed(element, 'FieldColumnPair').map((p) => ({
          field: requiredAttr(p, 'field'),
          column: columnName(requiredAttr(p, 'column')),
          line: p.line,
        })),
        InlineTable: parseTableOf(element, ctx),
        line,
      };
    case 'TextIndex':
      return {
        kind: 'TextIndex',
        textField: requiredAttr(element, 'textField'),
        localTermWeights: enumAttr(
          element,
          'localTermWeights',
          ['termFrequency', 'binary', 'logarithmic', 'augmentedNormalizedTermFrequency'] as const,
          'termFrequency',
        ),
        isCaseSensitive: booleanAttr(element, 'isCaseSensitive', false),
        maxLevenshteinDistance: numberAttr(element, 'maxLevenshteinDistance') ?? 0,
        countHits: enumAttr(element, 'countHits', ['allHits', 'bestHits'] as const, 'allHits'),
        wordSeparatorCharacterRE: optionalAttr(element, 'wordSeparatorCharacterRE') ?? '\\s',
        tokenize: booleanAttr(element, 'tokenize', true),
        wordRE: optionalAttr(element, 'x-wordRE'),
        TextIndexNormalization: childrenNamed(element, 'TextIndexNormalization').map((n) => parseTextIndexNormalization(n, ctx)),
        term: parseChildExpression(element, ctx),
        line,
      };
    case 'Apply':
      return {
        kind: 'Apply',
        function: requiredAttr(element, 'function'),
        mapMissingTo: optionalAttr(element, 'mapMissingTo'),
        defaultValue: optionalAttr(element, 'defaultValue'),
        invalidValueTreatment: enumAttr(element, 'invalidValueTreatment', INVALID_TREATMENTS, 'returnInvalid'),
        arguments: element.children.filter(isExpressionElement).map((c) => parseExpression(c, ctx)),
        line,
      };
    case 'Lag':
      if (childNamed(element, 'BlockIndicator') !== undefined) ctx.unsupportedElement(requiredChild(element, 'BlockIndicator'));
      return {
        kind: 'Lag',
        field: requiredAttr(element, 'field'),
        n: numberAttr(element, 'n') ?? 1,
        aggregate: enumAttr(element, 'aggregate', ['none', 'avg', 'max', 'median', 'min', 'product', 'sum', 'stddev'] as const, 'none'),
        line,
      };
    default:
      ctx.unsupportedElement(element, `Expression <${element.name}> is not supported (line ${line}).`);
      return { kind: 'Constant', value: '', missing: true, line };
  }
}

function parseDiscretizeBin(element: XmlElement): DiscretizeBin {
  const interval = requiredChild(element, 'Interval');
  return {
    binValue: requiredAttr(element, 'binValue'),
    Interval: {
      closure: enumAttr(interval, 'closure', CLOSURES, 'closedClosed'),
      leftMargin: numberAttr(interval, 'leftMargin'),
      rightMargin: numberAttr(interval, 'rightMargin'),
    },
    line: element.line,
  };
}

function parseTextIndexNormalization(element: XmlElement, ctx: ParseContext): TextIndexNormalization {
  return {
    inField: columnName(optionalAttr(element, 'inField') ?? 'string'),
    outField: columnName(optionalAttr(element, 'outField') ?? 'stem'),
    regexField: columnName(optionalAttr(element, 'regexField') ?? 'regex'),
    recursive: booleanAttr(element, 'recursive', false),
    isCaseSensitive: element.attributes.isCaseSensitive === undefined ? undefined : booleanAttr(element, 'isCaseSensitive', false),
    maxLevenshteinDistance: numberAttr(element, 'maxLevenshteinDistance'),
    wordSeparatorCharacterRE: optionalAttr(element, 'wordSeparatorCharacterRE'),
    tokenize: element.attributes.tokenize === undefined ? undefined : booleanAttr(element, 'tokenize', true),
    InlineTable: parseTableOf(element, ctx),
    line: element.line,
  };
}

/** The InlineTable of MapValues/TextIndexNormalization; a TableLocator (external data) is reported as unsupported. */
function parseTableOf(parent: XmlElement, ctx: ParseContext): InlineTable {
  const locator = childNamed(parent, 'TableLocator');
  if (locator !== undefined) {
    ctx.unsupportedElement(locator, `<TableLocator> (external table data) is not supported (line ${locator.line}).`);
    return { rows: [], line: locator.line };
  }
  const table = childNamed(parent, 'InlineTable');
  return table === undefined ? { rows: [], line: parent.line } : parseInlineTable(table);
}

/** Table cells are read by local element name, so a column named `data:input` is the cell `<data:input>`. */
export function columnName(column: string): string {
  const colon = column.indexOf(':');
  return colon < 0 ? column : column.slice(colon + 1);
}

/** PMML 4.4 InlineTable: each row element contains one element per column, named after the column. */
export function parseInlineTable(element: XmlElement): InlineTable {
  return {
    rows: childrenNamed(element, 'row').map((row) => {
      const cells = new Map<string, string>();
      for (const cell of row.children) cells.set(cell.name, cell.text);
      // JPMML-model also accepts cells as attributes of <row>.
      for (const [name, value] of Object.entries(row.attributes)) if (!cells.has(name)) cells.set(name, value);
      return cells;
    }),
    line: element.line,
  };
}
