/**
 * PMML 4.4, Built-in Functions, "uppercase", "lowercase", "stringLength", "substring", "trimBlanks" and "concat".
 * Non-string arguments are read in their text form (jpmml `asString`: `2` for an integer, `2.0` for a double).
 */
import { InvalidValueError } from '../../../errors.js';
import { MISSING, type Value } from '../values.js';
import { strict, tolerant, type BuiltinFunction } from './builtin.js';
import { asInteger, asString, integer, present, string } from './coerce.js';

function unary(name: string, f: (text: string) => string): BuiltinFunction {
  return strict(name, 1, (args: readonly Value[]) => string(f(asString(present(args, 0, name)))));
}

/** Java `String.trim`: strips every code unit up to U+0020 (spaces, tabs, line breaks, controls). */
function trimBlanks(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) <= 0x20) end--;
  return text.slice(start, end);
}

/**
 * substring(input, startPos, length). PMML 4.4: "The first character of a string is located at position 1
 * (not position 0)"; a start or length past the end yields what is there (jpmml `SUBSTRING`).
 */
const substring = strict('substring', 3, (args) => {
  const text = asString(present(args, 0, 'substring'));
  const start = asInteger(present(args, 1, 'substring'), 'substring');
  const length = asInteger(present(args, 2, 'substring'), 'substring');
  if (start < 1) throw new InvalidValueError(`Function 'substring' needs a start position of at least 1, not ${start}.`);
  if (length < 0) throw new InvalidValueError(`Function 'substring' needs a length of at least 0, not ${length}.`);
  const from = Math.min(start - 1, text.length);
  return string(text.slice(from, from + Math.min(length, text.length - from)));
});

/** concat(v1, v2, …): the text forms joined; missing arguments are skipped (jpmml `CONCAT`). */
const concat = tolerant('concat', [1, Infinity], (args) => {
  let result = '';
  for (const arg of args) if (arg !== MISSING) result += asString(arg);
  return string(result);
});

export const stringFunctions: readonly BuiltinFunction[] = [
  unary('uppercase', (text) => text.toUpperCase()),
  unary('lowercase', (text) => text.toLowerCase()),
  strict('stringLength', 1, (args) => integer(asString(present(args, 0, 'stringLength')).length)),
  substring,
  unary('trimBlanks', trimBlanks),
  concat,
];
