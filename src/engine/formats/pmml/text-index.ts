import type { CompileEnv } from './compile-env.js';
import type { Expr, Scope } from './context.js';
import { formatValue } from './convert.js';
import type { CompiledExpression } from './expressions.js';
import { compileJavaRegex } from './functions/index.js';
import type { Expression, TextIndex } from './schema/transformations.js';
import { MISSING } from './values.js';

type ExpressionCompiler = (expression: Expression, scope: Scope, env: CompileEnv) => CompiledExpression;

/** One normalization step: a regex or literal replacement, from a TextIndexNormalization table row. */
interface Replacement {
  readonly pattern: RegExp;
  readonly replacement: string;
}

const PUNCTUATION_EDGES = /^[!-/:-@[-`{-~]+|[!-/:-@[-`{-~]+$/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** PMML's patterns are Java's (`java.util.regex.Pattern`), translated once at load. */
function javaPattern(pattern: string, isCaseSensitive: boolean): RegExp {
  const { regex } = compileJavaRegex(pattern);
  return isCaseSensitive || regex.flags.includes('i') ? regex : new RegExp(regex.source, `${regex.flags}i`);
}

function levenshtein(a: string, b: string, limit: number): number {
  if (a === b) return 0;
  if (limit === 0) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * PMML 4.4 TextIndex: the frequency of a term in a text field, after the TextIndexNormalization tables have
 * rewritten the text and both have been split into words.
 */
export function compileTextIndex(expression: TextIndex, scope: Scope, env: CompileEnv, compile: ExpressionCompiler): Expr {
  const text = env.resolve(scope, expression.textField, 'TextIndex', expression.line).get;
  const term = compile(expression.term, scope, env).get;
  if (expression.localTermWeights === 'augmentedNormalizedTermFrequency') {
    env.unsupportedFeature(
      'TextIndex',
      expression.line,
      `Attribute 'localTermWeights' value 'augmentedNormalizedTermFrequency' of <TextIndex> is not supported (line ${expression.line}).`,
      'localTermWeights',
      expression.localTermWeights,
    );
  }
  const steps = expression.TextIndexNormalization.map((n) => {
    const isCaseSensitive = n.isCaseSensitive ?? expression.isCaseSensitive;
    const replacements: Replacement[] = n.InlineTable.rows.flatMap((row) => {
      const from = row.get(n.inField);
      if (from === undefined) return [];
      const isRegex = row.get(n.regexField)?.trim() === 'true';
      const pattern = isRegex ? javaPattern(from, isCaseSensitive) : new RegExp(escapeRegExp(from), isCaseSensitive ? 'g' : 'gi');
      return [{ pattern, replacement: row.get(n.outField) ?? '' }];
    });
    return { replacements, recursive: n.recursive };
  });
  const normalize = (input: string): string => {
    let result = input;
    for (const step of steps) {
      let before: string;
      do {
        before = result;
        for (const r of step.replacements) result = result.replace(r.pattern, r.replacement);
      } while (step.recursive && result !== before);
    }
    return result;
  };
  const wordPattern = expression.wordRE === undefined ? undefined : javaPattern(expression.wordRE, true);
  const separator = javaPattern(expression.wordSeparatorCharacterRE, true);
  const tokenize = (input: string): string[] => {
    const folded = expression.isCaseSensitive ? input : input.toLowerCase();
    if (wordPattern !== undefined) return folded.match(wordPattern) ?? [];
    if (!expression.tokenize) return [folded];
    return folded
      .split(separator)
      .map((t) => t.replace(PUNCTUATION_EDGES, ''))
      .filter((t) => t.length > 0);
  };

  // The same document is indexed once per term; remember the last one so a record normalizes its text once.
  let lastText: string | undefined;
  let lastTokens: string[] = [];
  const maxDistance = expression.maxLevenshteinDistance;
  const bestHitsOnly = expression.countHits === 'bestHits';
  const weights = expression.localTermWeights;

  return (ctx) => {
    const textValue = text(ctx);
    const termValue = term(ctx);
    if (textValue === MISSING || termValue === MISSING) return MISSING;
    const document = typeof textValue.value === 'string' ? textValue.value : formatValue(textValue);
    if (document !== lastText) {
      lastText = document;
      lastTokens = tokenize(normalize(document));
    }
    const termTokens = tokenize(typeof termValue.value === 'string' ? termValue.value : formatValue(termValue));
    const count = countHits(lastTokens, termTokens, maxDistance, bestHitsOnly);
    let weight: number;
    switch (weights) {
      case 'binary':
        weight = count > 0 ? 1 : 0;
        break;
      case 'logarithmic':
        weight = Math.log10(1 + count);
        break;
      default:
        weight = count;
    }
    return { dataType: 'double', value: weight };
  };
}

function countHits(tokens: readonly string[], term: readonly string[], maxDistance: number, bestHitsOnly: boolean): number {
  if (term.length === 0) return 0;
  let hits = 0;
  let best = Infinity;
  for (let i = 0; i + term.length <= tokens.length; i++) {
    let distance = 0;
    for (let j = 0; j < term.length && distance <= maxDistance; j++) distance += levenshtein(tokens[i + j], term[j], maxDistance - distance);
    if (distance > maxDistance) continue;
    if (!bestHitsOnly) hits++;
    else if (distance < best) {
      best = distance;
      hits = 1;
    } else if (distance === best) hits++;
  }
  return hits;
}
