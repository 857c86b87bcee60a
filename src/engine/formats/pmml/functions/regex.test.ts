import { describe, expect, it } from 'vitest';
import { InvalidValueError, UnsupportedMarkupError } from '../../../errors.js';
import { compileJavaRegex } from './java-regex.js';
import { bool, call, result, str } from './test-helpers.js';

/** replace(input, pattern, replacement); expected values were produced by Java 17 `Matcher.replaceAll`. */
const replace = (input: string, pattern: string, replacement: string): string =>
  result('replace', str(input), str(pattern), str(replacement)).value as string;
const matches = (input: string, pattern: string): boolean => result('matches', str(input), str(pattern)).value as boolean;

describe('replace', () => {
  it('replaces every match (XQuery examples quoted by PMML)', () => {
    expect(replace('abracadabra', 'bra', '*')).toBe('a*cada*');
    expect(replace('abracadabra', 'a.*a', '*')).toBe('*');
    expect(replace('abracadabra', 'a.*?a', '*')).toBe('*c*bra');
    expect(replace('abracadabra', 'a', '')).toBe('brcdbr');
    expect(replace('BBBB', 'B+', 'c')).toBe('c');
    expect(replace('BBBB', 'B+?', 'c')).toBe('cccc');
  });

  it('substitutes numbered and named groups', () => {
    expect(replace('abracadabra', 'a(.)', 'a$1$1')).toBe('abbraccaddabbra');
    expect(replace('2019-03-15', '(\\d+)-(\\d+)-(\\d+)', '$3/$2/$1')).toBe('15/03/2019');
    expect(replace('foo123', '(?<name>[a-z]+)(\\d+)', '${name}:$2')).toBe('foo:123');
  });

  it('reads $11 as group 1 and a literal 1 when there is no group 11', () => {
    expect(replace('abc', '(a)(b)(c)', '$11')).toBe('a1');
  });

  it('inserts nothing for a group that did not take part', () => {
    expect(replace('a1', '(a)|(1)', '[$1|$2]')).toBe('[a|][|1]');
  });

  it('takes the character after a backslash literally', () => {
    expect(replace('a.b.c', '\\.', '\\$')).toBe('a$b$c');
    expect(replace('foo.bar', '\\.', '\\\\')).toBe('foo\\bar');
  });

  it('rejects replacements Java rejects', () => {
    expect(() => call('replace', str('abc'), str('b'), str('$'))).toThrow(InvalidValueError);
    expect(() => call('replace', str('abc'), str('b'), str('\\'))).toThrow(InvalidValueError);
    expect(() => call('replace', str('abc'), str('(b)'), str('$2'))).toThrow(InvalidValueError);
    expect(() => call('replace', str('abc'), str('b'), str('${x}'))).toThrow(InvalidValueError);
  });

  it('replaces empty matches between every character', () => {
    expect(replace('abc', '', '-')).toBe('-a-b-c-');
    expect(replace('', 'x*', '-')).toBe('-');
  });
});

describe('matches', () => {
  it('is true when any substring matches (PMML months example)', () => {
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August'];
    expect(months.filter((month) => matches(month, 'ar?y'))).toEqual(['January', 'February', 'May']);
  });

  it('anchors ^ and $ at the input ends', () => {
    expect(matches('abracadabra', '^a.*a$')).toBe(true);
    expect(matches('abracadabra', '^bra')).toBe(false);
    expect(matches('line1\nline2', '^line2')).toBe(false);
  });

  it('returns a boolean', () => {
    expect(result('matches', str('x'), str('x'))).toEqual(bool(true));
  });
});

describe('Java pattern translation', () => {
  it('applies leading inline flags to the whole pattern', () => {
    expect(replace('Hello World', '(?i)hello', 'bye')).toBe('bye World');
    expect(matches('line1\nline2', '(?m)^line2$')).toBe(true);
    expect(matches('a\nb', '(?s)a.b')).toBe(true);
    expect(matches('ab', '(?x) a b # comment')).toBe(true);
  });

  it('folds only ASCII letters under (?i), as Java does without (?u)', () => {
    expect(matches('É', '(?i)é')).toBe(false);
    expect(matches('ſ', '(?i)s')).toBe(false);
    expect(matches('B', '(?i)[a-c]')).toBe(true);
    expect(matches('X', '(?i)[^a-z]')).toBe(false);
    expect(matches('A', '(?i)\\p{Lower}')).toBe(true);
  });

  it("matches MULTILINE ^ and $ at Java's line terminators, \\r\\n counting as one", () => {
    const input = 'a\r\nb\nc\rd\u2028e\n';
    expect(replace(input, '(?m)^', '|')).toBe('|a\r\n|b\n|c\r|d\u2028|e\n');
    expect(replace(input, '(?m)$', '|')).toBe('a|\r\nb|\nc|\rd|\u2028e|\n|');
    expect(replace(input, 'x|(?m)^b', '|')).toBe('a\r\n|\nc\rd\u2028e\n');
    expect(replace('ab\ncd', 'a(?m)b$\\n^c', '|')).toBe('|d');
    expect(replace('', '(?m)^', '|')).toBe('');
  });

  it('turns a leading (?i) off again with (?-i)', () => {
    expect(matches('Ab', '(?i)a(?-i)b')).toBe(true);
    expect(matches('AB', '(?i)a(?-i)b')).toBe(false);
  });

  it('compares backreferences case-insensitively under a leading (?i)', () => {
    expect(matches('aA', '(?i)(a)\\1')).toBe(true);
  });

  it('makes later (?i) and (?i:…) case-insensitive for what they cover only', () => {
    expect(replace('ab', '(?i:A)b', 'z')).toBe('z');
    expect(replace('AB', 'a(?i)b', 'z')).toBe('AB');
    expect(replace('aB', 'a(?i)b', 'z')).toBe('z');
    expect(replace('AbCd', '(?i:[a-c])', '_')).toBe('___d');
  });

  it("keeps Java's meaning of . and $ around line terminators", () => {
    expect(matches('a\u0085b', 'a.b')).toBe(false);
    expect(replace('line\n', '$', 'END')).toBe('lineEND\nEND');
    expect(matches('x\n', 'x\\Z')).toBe(true);
    expect(matches('x\n', 'x\\z')).toBe(false);
  });

  it('translates POSIX and java.lang.Character classes (ASCII-only like Java)', () => {
    expect(replace('Hello World', '\\p{Upper}', '_')).toBe('_ello _orld');
    expect(replace('Ab1!', '\\p{Punct}', 'p')).toBe('Ab1p');
    expect(replace('Ab1!', '\\P{Alnum}', 'n')).toBe('Ab1n');
    expect(replace('Ab1!', '[\\p{Upper}\\d]', 'u')).toBe('ubu!');
    expect(matches('é', '\\p{Lower}')).toBe(false);
    expect(matches('é', '\\p{L}')).toBe(true);
    expect(replace('αβγ abc', '\\p{IsGreek}', 'g')).toBe('ggg abc');
    expect(replace('Ab', '\\p{javaLowerCase}', 'l')).toBe('Al');
  });

  it('keeps \\s and \\w ASCII-only and knows \\h and \\R', () => {
    expect(replace('x  y', '\\s+', ' ')).toBe('x y');
    expect(replace('café', '\\w+', 'w')).toBe('wé');
    expect(replace('a\u00a0b', '\\h', '_')).toBe('a_b');
    expect(replace('x\r\ny', '\\R', '|')).toBe('x|y');
  });

  it('quotes \\Q…\\E and escapes metacharacters that are literal in Java', () => {
    expect(replace('a.c abc', '\\Qa.c\\E', '!')).toBe('! abc');
    expect(replace('a-b_c', '[-_]', '+')).toBe('a+b+c');
    expect(replace('x{y}', '\\{y\\}', 'Z')).toBe('xZ');
    expect(replace('a]b', '[\\]]', '!')).toBe('a!b');
  });

  it('reads octal, hexadecimal and Unicode escapes', () => {
    expect(replace('aAb', '\\x41', '_')).toBe('a_b');
    expect(replace('a\u00e9b', '\\u00e9', 'e')).toBe('aeb');
    expect(replace('a\u00e9b', '\\x{e9}', 'e')).toBe('aeb');
    expect(replace('a\tb', '\\011', '_')).toBe('a_b');
  });

  it('repeats anchors and lookarounds as Java does', () => {
    expect(replace('ab', '\\b+a', '_')).toBe('_b');
    expect(replace('ab', '(?=b){2}', '_')).toBe('a_b');
    expect(replace('ab\n', '$+', '_')).toBe('ab_\n_');
  });

  it('emulates possessive quantifiers and atomic groups', () => {
    expect(replace('aaa', 'a*+a', 'X')).toBe('aaa');
    expect(replace('aaab', 'a*+b', 'X')).toBe('X');
    expect(replace('aab', 'a?+ab', 'X')).toBe('X');
    expect(replace('xaXAx', '(?>a|A)+', '-')).toBe('x-X-x');
  });

  it('keeps Java group numbers after the groups added for atomic emulation', () => {
    expect(replace('aab1', '(?>a+)(b)(\\d)', '$2$1')).toBe('1b');
    expect(replace('hello', '(?>h)(e)(l)\\2', '[$1]')).toBe('[e]o');
  });

  it('flattens nested class unions', () => {
    expect(replace('abcd', '[ab[c]]', 'z')).toBe('zzzd');
  });

  it('reads class intersections, nested negations and complements as Java 9+ does', () => {
    const input = 'abcdefXYZ019 _-';
    const classes: Array<[pattern: string, expected: string]> = [
      ['[a-z&&[def]]', 'abc___XYZ019 _-'],
      ['[a-z&&[^bc]]', '_bc___XYZ019 _-'],
      ['[^a-c&&b-e]', '_bc____________'],
      ['[a[^b-z]]', '_bcdef_________'],
      ['[^a[d-z]]', 'a__def_________'],
      ['[\\S&&[a-c]]', '___defXYZ019 _-'],
      ['[\\Sa]', '____________ __'],
      ['[^\\S]', 'abcdefXYZ019__-'],
      ['[\\P{Alpha}]', 'abcdefXYZ______'],
      ['[\\w&&[^\\d]]', '_________019 _-'],
      ['[a-c[x-z]&&[b-y]]', 'a__defXYZ019 _-'],
      ['[&&a]', '_bcdefXYZ019 _-'],
      ['[a-]', '_bcdefXYZ019 __'],
      ['[a\\-c]', '_b_defXYZ019 __'],
    ];
    for (const [pattern, expected] of classes) expect(replace(input, pattern, '_'), pattern).toBe(expected);
  });

  it('supports backreferences by number and name', () => {
    expect(replace('hello', '(l)\\1', 'LL')).toBe('heLLo');
    expect(replace('abab!', '(?<x>ab)\\k<x>', 'X')).toBe('X!');
  });

  it('reports constructs JavaScript cannot express as unsupported markup', () => {
    expect(() => compileJavaRegex('\\p{InGreek}')).toThrow(UnsupportedMarkupError);
    expect(() => compileJavaRegex('a\\Gb')).toThrow(UnsupportedMarkupError);
    expect(() => compileJavaRegex('\\p{toString}')).toThrow(UnsupportedMarkupError);
    expect(() => compileJavaRegex('(?i)(a)(?-i)\\1')).toThrow(UnsupportedMarkupError);
  });

  it('names the pattern and construct in the unsupported-markup message', () => {
    expect(() => compileJavaRegex('\\p{InGreek}')).toThrow("The regular expression '\\p{InGreek}' uses the character property '\\p{InGreek}', which has no JavaScript equivalent.");
  });

  it('reports invalid Java syntax as an invalid value', () => {
    expect(() => compileJavaRegex('a{2')).toThrow(InvalidValueError);
    expect(() => compileJavaRegex('(ab')).toThrow(InvalidValueError);
    expect(() => compileJavaRegex('ab)')).toThrow(InvalidValueError);
    expect(() => compileJavaRegex('*a')).toThrow(InvalidValueError);
    expect(() => compileJavaRegex('\\y')).toThrow(InvalidValueError);
    expect(() => compileJavaRegex('a(?#c)b')).toThrow(InvalidValueError);
  });

  it('compiles each distinct pattern once', () => {
    expect(compileJavaRegex('x+y')).toBe(compileJavaRegex('x+y'));
  });
});
