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

/** Distinct terms whose words one TextIndex remembers; models hold hundreds to a few thousand. */
const TERM_CACHE_LIMIT = 10_000;

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

/** The TextIndexNormalization tables in document order, each applied until stable when it is `recursive`. */
interface NormalizationStep {
  readonly replacements: readonly Replacement[];
  readonly recursive: boolean;
}

function normalize(input: string, steps: readonly NormalizationStep[]): string {
  let result = input;
  for (const step of steps) {
    let before: string;
    do {
      before = result;
      for (const r of step.replacements) result = result.replace(r.pattern, r.replacement);
    } while (step.recursive && result !== before);
  }
  return result;
}

/** A document split into words, with each word's positions built on first exact lookup. */
interface DocumentIndex {
  readonly tokens: readonly string[];
  positions?: Map<string, number[]>;
}

/** Indexes the current record's document once for every TextIndex that shares its normalization and tokenizer. */
interface SharedIndexer {
  index(document: string): DocumentIndex;
}

const indexers = new WeakMap<CompileEnv, Map<string, SharedIndexer>>();

/**
 * A model such as a bag-of-words regression holds one TextIndex per term over the same text field; sharing the
 * indexer (keyed by every setting that shapes the tokens) makes a record's text normalized and split once, not once
 * per term. The last document is kept, so the cache holds one record's text at a time.
 */
function sharedIndexer(env: CompileEnv, settings: string, tokenize: (document: string) => string[]): SharedIndexer {
  let byEnv = indexers.get(env);
  if (byEnv === undefined) {
    byEnv = new Map();
    indexers.set(env, byEnv);
  }
  const existing = byEnv.get(settings);
  if (existing !== undefined) return existing;
  let lastText: string | undefined;
  let last: DocumentIndex = { tokens: [] };
  const indexer: SharedIndexer = {
    index(document) {
      if (document !== lastText) {
        lastText = document;
        last = { tokens: tokenize(document) };
      }
      return last;
    },
  };
  byEnv.set(settings, indexer);
  return indexer;
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
  const steps: NormalizationStep[] = expression.TextIndexNormalization.map((n) => {
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
  const settings = JSON.stringify([
    steps.map((step) => [step.recursive, step.replacements.map((r) => [r.pattern.source, r.pattern.flags, r.replacement])]),
    expression.isCaseSensitive,
    expression.wordRE ?? null,
    expression.wordSeparatorCharacterRE,
    expression.tokenize,
  ]);
  const indexer = sharedIndexer(env, settings, (document) => tokenize(normalize(document, steps)));

  // Terms are the model's constants (often passed to one DefineFunction, a different term per call): split each
  // once. The cap keeps the cache bounded should the terms come from the data instead.
  const termTokens = new Map<string, string[]>();
  const maxDistance = expression.maxLevenshteinDistance;
  const bestHitsOnly = expression.countHits === 'bestHits';
  const weights = expression.localTermWeights;

  return (ctx) => {
    const textValue = text(ctx);
    const termValue = term(ctx);
    if (textValue === MISSING || termValue === MISSING) return MISSING;
    const document = indexer.index(typeof textValue.value === 'string' ? textValue.value : formatValue(textValue));
    const termText = typeof termValue.value === 'string' ? termValue.value : formatValue(termValue);
    let words = termTokens.get(termText);
    if (words === undefined) {
      if (termTokens.size >= TERM_CACHE_LIMIT) termTokens.clear();
      words = tokenize(termText);
      termTokens.set(termText, words);
    }
    const count = maxDistance === 0 ? countExactHits(document, words) : countHits(document.tokens, words, maxDistance, bestHitsOnly);
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

/**
 * Hits with maxLevenshteinDistance 0: only identical word sequences match, so every hit has distance 0 and
 * `bestHits` counts the same as `allHits`. Starts are looked up by the term's first word instead of scanning the
 * document for every term.
 */
function countExactHits(document: DocumentIndex, term: readonly string[]): number {
  if (term.length === 0) return 0;
  if (document.positions === undefined) {
    const positions = new Map<string, number[]>();
    document.tokens.forEach((token, i) => {
      const list = positions.get(token);
      if (list === undefined) positions.set(token, [i]);
      else list.push(i);
    });
    document.positions = positions;
  }
  const starts = document.positions.get(term[0]);
  if (starts === undefined) return 0;
  if (term.length === 1) return starts.length;
  let hits = 0;
  for (const start of starts) {
    if (start + term.length > document.tokens.length) break;
    let j = 1;
    while (j < term.length && document.tokens[start + j] === term[j]) j++;
    if (j === term.length) hits++;
  }
  return hits;
}
