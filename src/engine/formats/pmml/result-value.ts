/**
 * The values a scored record's result fields hold. Most are scalars; a multi-valued OutputField
 * (`isMultiValued="1"`, `rank="0"`) and an association rule's `antecedent`/`consequent` hold a list, as
 * JPMML returns a `java.util.List` for them.
 */

/** A present scalar result: integers and decimals are numbers. */
export type ResultScalar = string | number | boolean;

/** A list-valued result, in rank (or itemset) order. */
export type ValueList = readonly ResultScalar[];

/** One result field's value; null = missing. */
export type ResultValue = ResultScalar | null | ValueList;

/**
 * A result as text, the same in CSV files and on screen: missing is empty, a list is written as JPMML's batch
 * CSV writer prints a Java list (`[1, 3]`, `[]` when empty), other values in JavaScript's shortest form.
 */
export function formatResultValue(value: ResultValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (isValueList(value)) return `[${value.map(String).join(', ')}]`;
  return String(value);
}

/**
 * The cells of a list written by `formatResultValue` (`[1, 3]`; `[]` is empty), or undefined when the text is
 * not in brackets. Items are split at ", ", so an item that itself holds ", " cannot be told apart.
 */
export function parseValueListText(text: string): string[] | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[') || !trimmed.endsWith(']')) return undefined;
  const inner = trimmed.slice(1, -1).trim();
  return inner === '' ? [] : inner.split(', ');
}

export function isValueList(value: ResultValue | undefined): value is ValueList {
  return Array.isArray(value);
}
