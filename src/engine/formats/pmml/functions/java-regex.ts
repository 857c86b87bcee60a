/**
 * PMML's regular expressions are Java's (`java.util.regex.Pattern`; PMML 4.4 `replace` and `matches`
 * point to it). This module translates a Java pattern into an equivalent JavaScript `u`-mode RegExp:
 *
 * - inline flags `(?i)`, `(?m)`, `(?s)`, `(?x)` (also scoped, `(?i:…)`, and switched off, `(?-i)`) are translation
 *   modes: case-insensitive parts make ASCII letters match both cases (Java folds only ASCII without `(?u)`);
 * - `.`, `^`, `$`, `\s`, `\h`, `\v`, `\R`, `\A`, `\z`, `\Z` keep Java's meaning (Java's line terminators, `\r\n`
 *   as one, ASCII `\s`);
 * - POSIX and `java.lang.Character` classes (`\p{Alpha}`, `\p{javaLowerCase}`), `\Q…\E`, octal/hex escapes;
 * - possessive quantifiers `X*+` and atomic groups `(?>X)` become `(?=(X))\n`, which matches the same strings
 *   because a lookahead never backtracks into its group; group numbers are remapped around the added groups;
 * - class unions, intersections `[a-z&&[^bc]]` and complements `[\S]` become lookaheads over one code point.
 *
 * What JavaScript cannot express (Unicode blocks `\p{InGreek}`, `\G`, `\X`) raises an
 * {@link UnsupportedMarkupError} naming the construct; invalid syntax raises an {@link InvalidValueError}.
 * Translations are cached per pattern string.
 *
 * `java-regex.test.ts` replays Java 17's results for random patterns (anchors, classes, lookarounds, greedy,
 * lazy and possessive quantifiers, inline flags; `scripts/java-regex-differential`). The engines still differ
 * on a loop whose body can match the empty string: Java leaves the loop on an empty iteration, JavaScript
 * rejects that iteration and tries other alternatives.
 */
import { InvalidValueError, UnsupportedMarkupError } from '../../../errors.js';
import { RegexTranslator } from './java-regex-translator.js';

/** A compiled Java pattern. */
export interface JavaRegex {
  /** The Java pattern text. */
  readonly pattern: string;
  /** The translation, with the `g` and `u` flags. */
  readonly regex: RegExp;
  /** JavaScript group number for each Java group number (index 0 is the whole match). */
  readonly groups: readonly number[];
  /** Named groups of the pattern. */
  readonly names: ReadonlySet<string>;
}

const MAX_CACHED = 512;
const cache = new Map<string, JavaRegex>();

/** Compiles (once per distinct pattern) a Java regular expression. */
export function compileJavaRegex(pattern: string): JavaRegex {
  const cached = cache.get(pattern);
  if (cached !== undefined) return cached;
  const compiled = translate(pattern);
  // Patterns normally come from the model and are few; a bound keeps data-driven patterns from growing the cache.
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}

function translate(pattern: string): JavaRegex {
  const translator = new RegexTranslator(pattern);
  const result = translator.translate();
  if ('unsupported' in result) {
    throw new UnsupportedMarkupError([
      {
        element: 'Apply',
        value: pattern,
        message: `The regular expression '${pattern}' uses ${result.unsupported}, which has no JavaScript equivalent.`,
      },
    ]);
  }
  if ('invalid' in result) {
    throw new InvalidValueError(`The regular expression '${pattern}' is not valid: ${result.invalid}.`);
  }
  let regex: RegExp;
  try {
    regex = new RegExp(result.source, result.flags);
  } catch (error) {
    throw new InvalidValueError(`The regular expression '${pattern}' is not valid: ${(error as Error).message}.`, undefined, { cause: error });
  }
  return { pattern, regex, groups: result.groups, names: result.names };
}
