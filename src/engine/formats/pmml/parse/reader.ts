import { InvalidMarkupError, MissingMarkupError, type UnsupportedFeature } from '../../../errors.js';
import type { ModelElement } from '../schema/model.js';
import type { DataType } from '../values.js';
import type { XmlElement } from '../xml-reader.js';

const DATA_TYPES: ReadonlySet<string> = new Set<DataType>([
  'string',
  'integer',
  'float',
  'double',
  'boolean',
  'date',
  'time',
  'dateTime',
  'dateDaysSince[0]',
  'dateDaysSince[1960]',
  'dateDaysSince[1970]',
  'dateDaysSince[1980]',
  'timeSeconds',
  'dateTimeSecondsSince[0]',
  'dateTimeSecondsSince[1960]',
  'dateTimeSecondsSince[1970]',
  'dateTimeSecondsSince[1980]',
]);

/**
 * State of one document parse: collects every unsupported feature so that loading reports them all at once
 * (jpmml's UnsupportedMarkupInspector) instead of failing on the first.
 */
export class ParseContext {
  readonly unsupported: UnsupportedFeature[] = [];

  /** Parses a (nested) model element through the model table; `undefined` when the element is unsupported. */
  parseModel: (element: XmlElement) => ModelElement | undefined = () => undefined;

  unsupportedElement(element: XmlElement, message?: string): void {
    this.unsupported.push({
      element: element.name,
      line: element.line,
      message: message ?? `Element <${element.name}> is not supported (line ${element.line}).`,
    });
  }

  unsupportedAttribute(element: XmlElement, attribute: string, value: string): void {
    this.unsupported.push({
      element: element.name,
      attribute,
      value,
      line: element.line,
      message: `Attribute '${attribute}' value '${value}' of <${element.name}> is not supported (line ${element.line}).`,
    });
  }
}

export function optionalAttr(element: XmlElement, name: string): string | undefined {
  return element.attributes[name];
}

export function requiredAttr(element: XmlElement, name: string): string {
  const value = element.attributes[name];
  if (value === undefined) {
    throw new MissingMarkupError(
      `Element <${element.name}> has no required attribute '${name}' (line ${element.line}).`,
      element.name,
      element.line,
    );
  }
  return value;
}

function toNumber(element: XmlElement, name: string, text: string): number {
  const trimmed = text.trim();
  const value = trimmed === 'INF' || trimmed === 'Infinity' ? Infinity : trimmed === '-INF' || trimmed === '-Infinity' ? -Infinity : Number(trimmed);
  if (trimmed === '' || (Number.isNaN(value) && trimmed !== 'NaN')) {
    throw new InvalidMarkupError(
      `Attribute '${name}' of <${element.name}> is not a number: '${text}' (line ${element.line}).`,
      element.name,
      element.line,
    );
  }
  return value;
}

export function numberAttr(element: XmlElement, name: string): number | undefined {
  const text = element.attributes[name];
  return text === undefined ? undefined : toNumber(element, name, text);
}

export function requiredNumberAttr(element: XmlElement, name: string): number {
  return toNumber(element, name, requiredAttr(element, name));
}

export function booleanAttr(element: XmlElement, name: string, fallback: boolean): boolean {
  const text = element.attributes[name];
  if (text === undefined) return fallback;
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  throw new InvalidMarkupError(
    `Attribute '${name}' of <${element.name}> is not a boolean: '${text}' (line ${element.line}).`,
    element.name,
    element.line,
  );
}

/** Reads an enumerated attribute; a token outside `allowed` is invalid markup. */
export function enumAttr<T extends string>(element: XmlElement, name: string, allowed: readonly T[], fallback: T): T {
  const text = element.attributes[name];
  if (text === undefined) return fallback;
  if ((allowed as readonly string[]).includes(text)) return text as T;
  throw new InvalidMarkupError(
    `Attribute '${name}' of <${element.name}> has unknown value '${text}' (line ${element.line}); expected one of ${allowed.map((a) => `'${a}'`).join(', ')}.`,
    element.name,
    element.line,
  );
}

export function dataTypeAttr(element: XmlElement, name = 'dataType'): DataType | undefined {
  const text = element.attributes[name];
  if (text === undefined) return undefined;
  if (!DATA_TYPES.has(text)) {
    throw new InvalidMarkupError(`Attribute '${name}' of <${element.name}> has unknown data type '${text}' (line ${element.line}).`, element.name, element.line);
  }
  return text as DataType;
}

export function childNamed(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

export function requiredChild(element: XmlElement, name: string): XmlElement {
  const found = childNamed(element, name);
  if (found === undefined) {
    throw new MissingMarkupError(`Element <${element.name}> has no required <${name}> child (line ${element.line}).`, element.name, element.line);
  }
  return found;
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}
