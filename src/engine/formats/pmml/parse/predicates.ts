import { InvalidMarkupError, MissingMarkupError } from '../../../errors.js';
import type { PmmlArray, Predicate, SimpleOperator } from '../schema/predicates.js';
import type { XmlElement } from '../xml-reader.js';
import { enumAttr, optionalAttr, requiredAttr, requiredChild, type ParseContext } from './reader.js';

const PREDICATE_ELEMENTS = new Set(['SimplePredicate', 'CompoundPredicate', 'SimpleSetPredicate', 'True', 'False']);
const SIMPLE_OPERATORS: readonly SimpleOperator[] = [
  'equal',
  'notEqual',
  'lessThan',
  'lessOrEqual',
  'greaterThan',
  'greaterOrEqual',
  'isMissing',
  'isNotMissing',
];

export function isPredicateElement(element: XmlElement): boolean {
  return PREDICATE_ELEMENTS.has(element.name);
}

/** The predicate child of `parent` (Node, Segment, CompoundPredicate); every one of them requires one. */
export function parseChildPredicate(parent: XmlElement, ctx: ParseContext): Predicate {
  const element = parent.children.find(isPredicateElement);
  if (element === undefined) {
    throw new MissingMarkupError(`Element <${parent.name}> has no predicate (line ${parent.line}).`, parent.name, parent.line);
  }
  return parsePredicate(element, ctx);
}

export function parsePredicate(element: XmlElement, ctx: ParseContext): Predicate {
  const line = element.line;
  switch (element.name) {
    case 'True':
      return { kind: 'True', line };
    case 'False':
      return { kind: 'False', line };
    case 'SimplePredicate': {
      const operator = enumAttr(element, 'operator', SIMPLE_OPERATORS, 'equal');
      const value = optionalAttr(element, 'value');
      if (value === undefined && operator !== 'isMissing' && operator !== 'isNotMissing') requiredAttr(element, 'value');
      return { kind: 'SimplePredicate', field: requiredAttr(element, 'field'), operator, value, line };
    }
    case 'CompoundPredicate': {
      const booleanOperator = enumAttr(element, 'booleanOperator', ['or', 'and', 'xor', 'surrogate'] as const, 'and');
      const predicates = element.children.filter(isPredicateElement).map((c) => parsePredicate(c, ctx));
      if (predicates.length < 2) {
        throw new InvalidMarkupError(`<CompoundPredicate> needs at least two predicates (line ${line}).`, element.name, line);
      }
      return { kind: 'CompoundPredicate', booleanOperator, predicates, line };
    }
    case 'SimpleSetPredicate':
      return {
        kind: 'SimpleSetPredicate',
        field: requiredAttr(element, 'field'),
        booleanOperator: enumAttr(element, 'booleanOperator', ['isIn', 'isNotIn'] as const, 'isIn'),
        Array: parseArray(requiredChild(element, 'Array')),
        line,
      };
    default:
      ctx.unsupportedElement(element);
      return { kind: 'False', line };
  }
}

/**
 * PMML 4.4 Array: the content is a sequence of values separated by whitespace; a value that contains
 * whitespace is enclosed in double quotes, and a double quote inside it is escaped with a backslash.
 */
export function splitArrayContent(text: string): string[] {
  const values: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (c === '"') {
      let value = '';
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        value += text[i++];
      }
      i++;
      values.push(value);
    } else {
      const start = i;
      while (i < text.length && !/\s/.test(text[i])) i++;
      values.push(text.slice(start, i));
    }
  }
  return values;
}

export function parseArray(element: XmlElement): PmmlArray {
  const type = enumAttr(element, 'type', ['int', 'real', 'string'] as const, 'string');
  return { type, values: splitArrayContent(element.text), line: element.line };
}
