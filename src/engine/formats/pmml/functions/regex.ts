/**
 * PMML 4.4, Built-in Functions, "replace" and "matches", with Java regular expressions and Java's
 * replacement syntax (`$1`, `${name}`, `\$` for a literal dollar; `java.util.regex.Matcher.appendReplacement`).
 */
import { InvalidValueError } from '../../../errors.js';
import type { Value } from '../values.js';
import { strict, type BuiltinFunction } from './builtin.js';
import { asString, boolean, present, string } from './coerce.js';
import { compileJavaRegex, type JavaRegex } from './java-regex.js';

/** A parsed replacement: literal text and references to Java groups (by number or name). */
type ReplacementPart = string | { readonly group: number } | { readonly name: string };

const MAX_REPLACEMENTS_PER_PATTERN = 64;
const replacements = new WeakMap<JavaRegex, Map<string, ReplacementPart[]>>();

/** Parses a Java replacement string against the groups of `regex` (Java's own rules for `$` and `\`). */
export function parseReplacement(regex: JavaRegex, replacement: string): ReplacementPart[] {
  const javaGroups = regex.groups.length - 1;
  const parts: ReplacementPart[] = [];
  let text = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i];
    if (c === '\\') {
      i++;
      if (i >= replacement.length) throw new InvalidValueError(`The replacement '${replacement}' ends with a backslash that escapes nothing.`);
      text += replacement[i];
    } else if (c === '$') {
      if (i + 1 >= replacement.length) throw new InvalidValueError(`The replacement '${replacement}' ends with a '$' that names no group.`);
      if (text !== '') parts.push(text);
      text = '';
      if (replacement[i + 1] === '{') {
        const close = replacement.indexOf('}', i + 2);
        const name = close < 0 ? '' : replacement.slice(i + 2, close);
        if (!regex.names.has(name)) throw new InvalidValueError(`The replacement '${replacement}' names a group '${name}' that the pattern '${regex.pattern}' does not have.`);
        parts.push({ name });
        i = close;
        continue;
      }
      let group = Number(replacement[i + 1]);
      if (!/[0-9]/.test(replacement[i + 1])) throw new InvalidValueError(`The replacement '${replacement}' has a '$' that is not followed by a group number.`);
      if (group > javaGroups) throw new InvalidValueError(`The replacement '${replacement}' refers to group ${group}, but the pattern '${regex.pattern}' has ${javaGroups}.`);
      i++;
      // Java: "The first number after the $ is always treated as part of the group reference. Subsequent numbers are incorporated into g if they would form a legal group reference."
      while (i + 1 < replacement.length && /[0-9]/.test(replacement[i + 1]) && group * 10 + Number(replacement[i + 1]) <= javaGroups) {
        group = group * 10 + Number(replacement[i + 1]);
        i++;
      }
      parts.push({ group });
    } else {
      text += c;
    }
  }
  if (text !== '') parts.push(text);
  return parts;
}

function cachedReplacement(regex: JavaRegex, replacement: string): ReplacementPart[] {
  let forRegex = replacements.get(regex);
  if (forRegex === undefined) replacements.set(regex, (forRegex = new Map()));
  let parts = forRegex.get(replacement);
  if (parts === undefined) {
    // Replacements normally come from the model; a bound keeps data-driven ones from piling up.
    if (forRegex.size >= MAX_REPLACEMENTS_PER_PATTERN) forRegex.clear();
    forRegex.set(replacement, (parts = parseReplacement(regex, replacement)));
  }
  return parts;
}

/** Java `Matcher.replaceAll`: every match replaced; groups that did not take part insert nothing. */
export function javaReplaceAll(regex: JavaRegex, input: string, replacement: string): string {
  const parts = cachedReplacement(regex, replacement);
  return input.replace(regex.regex, (...match: unknown[]) => {
    const named = match[match.length - 1];
    let result = '';
    for (const part of parts) {
      if (typeof part === 'string') result += part;
      else if ('group' in part) result += (match[regex.groups[part.group]] as string | undefined) ?? '';
      else result += ((named as Record<string, string | undefined>)[part.name]) ?? '';
    }
    return result;
  });
}

/** PMML 4.4 matches: "The string is considered to match the pattern if any substring matches the pattern". */
export function javaFind(regex: JavaRegex, input: string): boolean {
  return input.search(regex.regex) >= 0;
}

export const regexFunctions: readonly BuiltinFunction[] = [
  strict(
    'replace',
    3,
    (args: readonly Value[]) => {
      const input = asString(present(args, 0, 'replace'));
      const regex = compileJavaRegex(asString(present(args, 1, 'replace')));
      return string(javaReplaceAll(regex, input, asString(present(args, 2, 'replace'))));
    },
    ([, pattern, replacement]) => {
      if (pattern === undefined) return;
      const regex = compileJavaRegex(asString(pattern));
      if (replacement !== undefined) cachedReplacement(regex, asString(replacement));
    },
  ),
  strict(
    'matches',
    2,
    (args) => {
      const input = asString(present(args, 0, 'matches'));
      return boolean(javaFind(compileJavaRegex(asString(present(args, 1, 'matches'))), input));
    },
    ([, pattern]) => {
      if (pattern !== undefined) compileJavaRegex(asString(pattern));
    },
  ),
];
