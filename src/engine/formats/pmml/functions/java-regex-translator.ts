/**
 * The Java → JavaScript pattern translator behind `java-regex.ts`: a single pass over the Java pattern that
 * emits pieces (text, capturing-group openings, backreferences) and numbers the JavaScript groups at the end,
 * once the groups added for atomic emulation are in place.
 */
import { HORIZONTAL_SPACE, LINE_TERMINATORS, SPACE, VERTICAL_SPACE, caseVariants, literalCodePoint } from './java-regex-classes.js';
import { Invalid, PatternReader, Unsupported } from './java-regex-reader.js';

interface GroupOpen {
  readonly kind: 'open';
  /** Java group number; undefined for a group added to emulate an atomic group. */
  readonly java?: number;
  readonly name?: string;
}
interface Backreference {
  readonly kind: 'backref';
  readonly java?: number;
  readonly added?: GroupOpen;
}
type Piece = string | GroupOpen | Backreference;

interface Modes {
  caseless: boolean;
  multiline: boolean;
  dotAll: boolean;
  comments: boolean;
}

export type Translation =
  | { source: string; flags: string; groups: number[]; names: Set<string> }
  | { unsupported: string }
  | { invalid: string };


const END_OF_INPUT = '(?![^])';
const BEFORE_FINAL_TERMINATOR = `(?=(?:\\r\\n|[${LINE_TERMINATORS}])?${END_OF_INPUT})`;
/** MULTILINE `^`: the start or after a line terminator (`\r\n` counting as one), never at the end (so not in ''). */
const LINE_START = `(?:(?<![^])|(?<=[\\n\\x85\\u2028\\u2029]|\\r(?!\\n)))(?=[^])`;
/** MULTILINE `$`: before a line terminator (not inside `\r\n`) or at the end. */
const LINE_END = `(?:(?=[\\r\\x85\\u2028\\u2029])|(?<!\\r)(?=\\n)|${END_OF_INPUT})`;
const QUANTIFIER = /^(?:[*+?]|\{\d+(?:,\d*)?\})/;

export class RegexTranslator extends PatternReader {
  private readonly pieces: Piece[] = [];
  private javaGroups = 0;
  private readonly names = new Set<string>();
  private readonly flags = { caseless: false };
  /** Whether the atom just translated is zero-width (an anchor, boundary or lookaround). */
  private assertion = false;

  translate(): Translation {
    try {
      const modes = this.leadingFlags();
      this.sequence(modes, false);
      if (this.pos < this.pattern.length) throw new Invalid(`unmatched ')' at index ${this.pos}`);
      return this.assemble();
    } catch (error) {
      if (error instanceof Unsupported) return { unsupported: error.message };
      if (error instanceof Invalid) return { invalid: error.message };
      throw error;
    }
  }

  /**
   * `(?imsx)` at the very start applies to the whole pattern. A leading `(?i)` makes ASCII letters match both
   * cases, as Java's CASE_INSENSITIVE does; only a pattern with backreferences, which must then compare
   * case-insensitively too, gets the RegExp `i` flag instead (which also folds non-ASCII letters).
   */
  private leadingFlags(): Modes {
    const modes: Modes = { caseless: false, multiline: false, dotAll: false, comments: false };
    const hasBackreferences = /\\(?:[1-9]|k<)/.test(this.pattern);
    for (;;) {
      const match = /^\(\?([idmsuxU]*)\)/.exec(this.pattern.slice(this.pos));
      if (match === null) return modes;
      for (const flag of match[1]) {
        if (flag === 'i') {
          if (hasBackreferences) this.flags.caseless = true;
          else modes.caseless = true;
        } else if (flag === 'm') modes.multiline = true;
        else if (flag === 's') modes.dotAll = true;
        else if (flag === 'x') modes.comments = true;
      }
      this.pos += match[0].length;
    }
  }

  private assemble(): Translation {
    const groups = [0];
    let next = 1;
    const numbers = new Map<GroupOpen, number>();
    let source = '';
    for (const piece of this.pieces) {
      if (typeof piece !== 'string' && piece.kind === 'open') {
        numbers.set(piece, next);
        if (piece.java !== undefined) groups[piece.java] = next;
        next++;
      }
    }
    for (const piece of this.pieces) {
      if (typeof piece === 'string') source += piece;
      else if (piece.kind === 'open') source += piece.name === undefined ? '(' : `(?<${piece.name}>`;
      else {
        const number = piece.added !== undefined ? numbers.get(piece.added) : groups[piece.java as number];
        // A non-capturing wrapper keeps a following digit from extending the group number.
        source += `(?:\\${number})`;
      }
    }
    const flags = `gu${this.flags.caseless ? 'i' : ''}`;
    return { source, flags, groups, names: this.names };
  }


  private skipComments(modes: Modes): void {
    if (!modes.comments) return;
    for (;;) {
      const c = this.peek();
      if (/\s/.test(c) && c !== '') this.pos++;
      else if (c === '#') {
        while (this.pos < this.pattern.length && this.peek() !== '\n') this.pos++;
      } else return;
    }
  }

  /** Translates up to the `)` closing the current group (not consumed) or the end. */
  private sequence(outer: Modes, inGroup: boolean): void {
    const modes = { ...outer };
    let atomStart = -1;
    for (;;) {
      this.skipComments(modes);
      if (this.pos >= this.pattern.length) {
        if (inGroup) throw new Invalid('a group is not closed');
        return;
      }
      const c = this.peek();
      if (c === ')') {
        if (!inGroup) throw new Invalid(`unmatched ')' at index ${this.pos}`);
        return;
      }
      if (QUANTIFIER.test(this.pattern.slice(this.pos)) || c === '{') {
        this.quantifier(atomStart);
        atomStart = -1;
        continue;
      }
      atomStart = this.pieces.length;
      this.assertion = false;
      if (c === '|') {
        this.pos++;
        this.pieces.push('|');
        atomStart = -1;
      } else if (c === '(') {
        if (!this.group(modes)) atomStart = -1;
      } else if (c === '[') {
        this.pos++;
        this.pieces.push(this.characterClass(modes));
      } else if (c === '\\') {
        this.pos++;
        this.escape(modes);
      } else if (c === '.') {
        this.pos++;
        this.pieces.push(modes.dotAll ? '[^]' : `[^${LINE_TERMINATORS}]`);
      } else if (c === '^') {
        this.pos++;
        this.pieces.push(modes.multiline ? LINE_START : '^');
        this.assertion = true;
      } else if (c === '$') {
        this.pos++;
        this.pieces.push(modes.multiline ? LINE_END : BEFORE_FINAL_TERMINATOR);
        this.assertion = true;
      } else {
        const codePoint = this.pattern.codePointAt(this.pos) as number;
        this.pos += codePoint > 0xffff ? 2 : 1;
        this.literal(codePoint, modes);
      }
    }
  }

  private literal(codePoint: number, modes: Modes): void {
    const variants = modes.caseless && !this.flags.caseless ? caseVariants(codePoint) : [codePoint];
    this.pieces.push(variants.length === 1 ? literalCodePoint(codePoint) : `[${variants.map((v) => literalCodePoint(v, true)).join('')}]`);
  }

  /** A quantifier after the atom starting at piece `atomStart`; `X?+`-style possessive ones are emulated. */
  private quantifier(atomStart: number): void {
    const match = QUANTIFIER.exec(this.pattern.slice(this.pos));
    if (match === null) throw new Invalid(`'{' at index ${this.pos} does not start a quantifier`);
    if (atomStart < 0) throw new Invalid(`the quantifier '${match[0]}' at index ${this.pos} has nothing to repeat`);
    this.pos += match[0].length;
    if (this.assertion) {
      // Java repeats anchors and lookarounds; JavaScript's u mode repeats them only inside a group.
      this.pieces.splice(atomStart, 0, '(?:');
      this.pieces.push(')');
    }
    const mode = this.peek();
    if (mode === '?') {
      this.pos++;
      this.pieces.push(`${match[0]}?`);
    } else if (mode === '+') {
      this.pos++;
      this.pieces.push(match[0]);
      this.atomic(atomStart);
    } else {
      this.pieces.push(match[0]);
    }
  }

  /** Wraps the pieces from `start` on as `(?:(?=(X))\n)`: X matched once, never backtracked into. */
  private atomic(start: number): void {
    const added: GroupOpen = { kind: 'open' };
    this.pieces.splice(start, 0, '(?:(?=', added);
    this.pieces.push('))', { kind: 'backref', added }, ')');
  }

  /** Translates a group; returns whether it can be quantified. */
  private group(modes: Modes): boolean {
    const rest = this.pattern.slice(this.pos);
    const start = this.pieces.length;
    const flagGroup = /^\(\?([idmsuxU]*)(?:-([idmsuxU]*))?([:)])/.exec(rest);
    if (flagGroup !== null) {
      this.pos += flagGroup[0].length;
      const scoped = flagGroup[3] === ':' ? { ...modes } : modes;
      this.applyFlags(scoped, flagGroup[1], flagGroup[2] ?? '');
      if (flagGroup[3] === ')') return false;
      this.pieces.push('(?:');
      this.sequence(scoped, true);
      this.close();
      this.assertion = false;
      return true;
    }
    let opening: Piece;
    let atomic = false;
    let lookaround = false;
    const named = /^\(\?<([a-zA-Z][a-zA-Z0-9]*)>/.exec(rest);
    if (named !== null) {
      this.pos += named[0].length;
      if (this.names.has(named[1])) throw new Invalid(`the group name '${named[1]}' is used twice`);
      this.names.add(named[1]);
      opening = { kind: 'open', java: ++this.javaGroups, name: named[1] };
    } else if (/^\(\?(?::|=|!|<=|<!)/.test(rest)) {
      opening = rest.startsWith('(?<') ? rest.slice(0, 4) : rest.slice(0, 3);
      this.pos += opening.length;
      lookaround = opening !== '(?:';
    } else if (rest.startsWith('(?>')) {
      this.pos += 3;
      opening = '(?:';
      atomic = true;
    } else if (rest.startsWith('(?')) {
      throw new Invalid(`unknown group construct at index ${this.pos}`);
    } else {
      this.pos++;
      opening = { kind: 'open', java: ++this.javaGroups };
    }
    this.pieces.push(opening);
    this.sequence(modes, true);
    this.close();
    if (atomic) this.atomic(start);
    this.assertion = lookaround;
    return true;
  }

  private close(): void {
    this.pos++;
    this.pieces.push(')');
  }

  private applyFlags(modes: Modes, on: string, off: string): void {
    for (const flag of on) {
      if (flag === 'i') modes.caseless = true;
      else if (flag === 's') modes.dotAll = true;
      else if (flag === 'x') modes.comments = true;
      else if (flag === 'm') modes.multiline = true;
    }
    for (const flag of off) {
      if (flag === 'i') {
        if (this.flags.caseless) throw new Unsupported(`'(?-i)' after a leading '(?i)' in a pattern with backreferences`);
        modes.caseless = false;
      } else if (flag === 's') modes.dotAll = false;
      else if (flag === 'x') modes.comments = false;
      else if (flag === 'm') modes.multiline = false;
    }
  }



  /** An escape outside a character class, after the backslash. */
  private escape(modes: Modes): void {
    const c = this.peek();
    if (c === '') throw new Invalid('the pattern ends with a backslash');
    const codePoint = this.escapedCodePoint(c);
    if (codePoint !== undefined) return this.literal(codePoint, modes);
    if (/[1-9]/.test(c)) return this.backreference();
    if (c === 'p' || c === 'P') {
      const { contents, negated } = this.caselessProperty(modes);
      this.pieces.push(`[${negated ? '^' : ''}${contents}]`);
      return;
    }
    this.pos++;
    const translations: Record<string, string> = {
      d: '\\d', D: '\\D', w: '\\w', W: '\\W', b: '\\b', B: '\\B',
      s: `[${SPACE}]`, S: `[^${SPACE}]`, h: `[${HORIZONTAL_SPACE}]`, H: `[^${HORIZONTAL_SPACE}]`,
      v: `[${VERTICAL_SPACE}]`, V: `[^${VERTICAL_SPACE}]`, R: `(?:\\r\\n|[${VERTICAL_SPACE}])`,
      A: '(?<![^])', z: END_OF_INPUT, Z: BEFORE_FINAL_TERMINATOR,
    };
    if (c in translations) {
      this.pieces.push(translations[c]);
      this.assertion = 'bBAzZ'.includes(c);
    } else if (c === 'Q') {
      for (const char of this.quoted()) this.literal(char.codePointAt(0) as number, modes);
    } else if (c === 'E') {
      // A stray \E ends nothing; Java ignores it.
    } else if (c === 'k') {
      const name = /^<([a-zA-Z][a-zA-Z0-9]*)>/.exec(this.pattern.slice(this.pos));
      if (name === null || !this.names.has(name[1])) throw new Invalid(`'\\k' at index ${this.pos - 1} names no earlier group`);
      this.pos += name[0].length;
      this.pieces.push(`\\k<${name[1]}>`);
    } else if (c === 'G' || c === 'X' || c === 'N') {
      throw new Unsupported(`the escape '\\${c}'`);
    } else if (/[a-zA-Z]/.test(c)) {
      throw new Invalid(`illegal escape '\\${c}' at index ${this.pos - 2}`);
    } else {
      this.literal(this.pattern.codePointAt(this.pos - 1) as number, modes);
      if ((this.pattern.codePointAt(this.pos - 1) as number) > 0xffff) this.pos++;
    }
  }

  /** `\n` after the backslash: Java takes further digits while they still name an existing group. */
  private backreference(): void {
    let number = Number(this.peek());
    this.pos++;
    while (/[0-9]/.test(this.peek()) && number * 10 + Number(this.peek()) <= this.javaGroups) {
      number = number * 10 + Number(this.peek());
      this.pos++;
    }
    if (number > this.javaGroups) throw new Invalid(`the backreference '\\${number}' names no earlier group`);
    this.pieces.push({ kind: 'backref', java: number });
  }

  /** `\\p{…}` after the backslash; in case-insensitive parts `\\p{Lower}` and `\\p{Upper}` take both cases, as in Java. */
  private caselessProperty(modes: Modes): { contents: string; negated: boolean } {
    const property = this.property();
    const folds = modes.caseless && !this.flags.caseless && (property.contents === 'a-z' || property.contents === 'A-Z');
    return folds ? { ...property, contents: 'a-zA-Z' } : property;
  }

  /** A character class after its `[`, as JavaScript text matching one code point. */
  private characterClass(modes: Modes): string {
    return classRegex(this.classSet(modes));
  }

  /**
   * A class after its `[`: unions of members and nested classes, intersected at `&&`, and negated as a
   * whole by a leading `^` (as Java 9+ reads `[^a-c&&b-e]`: everything but b and c).
   */
  private classSet(modes: Modes): ClassSet {
    const negated = this.peek() === '^';
    if (negated) this.pos++;
    const operands: ClassSet[] = [];
    let members: ClassSet[] = [];
    let first = true;
    for (;;) {
      if (modes.comments) while (/\s/.test(this.peek()) && this.peek() !== '') this.pos++;
      const c = this.peek();
      if (c === '') throw new Invalid('a character class is not closed');
      if (c === ']' && !first) {
        this.pos++;
        break;
      }
      first = false;
      if (c === '[') {
        this.pos++;
        members.push(this.classSet(modes));
      } else if (c === '&' && this.peek(1) === '&') {
        this.pos += 2;
        // Java ignores an empty operand: [&&a] is [a].
        if (members.length > 0) operands.push(union(members));
        members = [];
      } else {
        members.push(this.classMember(modes));
      }
    }
    if (members.length > 0) operands.push(union(members));
    const set = intersection(operands);
    return negated ? negation(set) : set;
  }

  /** A single member, a range or an escape inside a class. */
  private classMember(modes: Modes): ClassSet {
    const item = this.classItem(modes);
    if (typeof item !== 'number') return item;
    if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== '' && this.peek(1) !== '[') {
      this.pos++;
      const end = this.classItem(modes);
      if (typeof end !== 'number') throw new Invalid(`illegal character range ending in a class at index ${this.pos}`);
      if (end < item) throw new Invalid(`illegal character range at index ${this.pos}`);
      return { contents: this.range(item, end, modes) };
    }
    const variants = modes.caseless && !this.flags.caseless ? caseVariants(item) : [item];
    return { contents: variants.map((v) => literalCodePoint(v, true)).join('') };
  }

  private range(from: number, to: number, modes: Modes): string {
    const text = `${literalCodePoint(from, true)}-${literalCodePoint(to, true)}`;
    if (!modes.caseless || this.flags.caseless) return text;
    const lower = String.fromCodePoint(from, to);
    if (/^[a-z]{2}$/.test(lower) || /^[A-Z]{2}$/.test(lower)) {
      const [a, b] = /[a-z]/.test(lower) ? lower.toUpperCase() : lower.toLowerCase();
      return `${text}${a}-${b}`;
    }
    return text;
  }

  /** One class item: a code point, or the set of `\d`, `\p{…}`, `\Q…\E` and the like. */
  private classItem(modes: Modes): number | ClassSet {
    const c = this.peek();
    if (c !== '\\') {
      const codePoint = this.pattern.codePointAt(this.pos) as number;
      this.pos += codePoint > 0xffff ? 2 : 1;
      return codePoint;
    }
    this.pos++;
    const e = this.peek();
    if (e === '') throw new Invalid('the pattern ends with a backslash');
    const codePoint = this.escapedCodePoint(e);
    if (codePoint !== undefined) return codePoint;
    if (e === 'p' || e === 'P') {
      const { contents, negated } = this.caselessProperty(modes);
      return negated ? negation({ contents }) : { contents };
    }
    this.pos++;
    const members: Record<string, string> = {
      d: '\\d', D: '\\D', w: '\\w', W: '\\W', s: SPACE, h: HORIZONTAL_SPACE, v: VERTICAL_SPACE,
    };
    if (e in members) return { contents: members[e] };
    const complements: Record<string, string> = { S: SPACE, H: HORIZONTAL_SPACE, V: VERTICAL_SPACE };
    if (e in complements) return negation({ contents: complements[e] });
    if (e === 'Q') {
      return { contents: [...this.quoted()].map((char) => literalCodePoint(char.codePointAt(0) as number, true)).join('') };
    }
    if (/[a-zA-Z]/.test(e)) throw new Invalid(`illegal escape '\\${e}' in a character class`);
    return e.codePointAt(0) as number;
  }
}

/**
 * A set of code points: class contents that fit between `[` and `]`, or, once unions with negated sets or
 * intersections are involved, a JavaScript expression that matches exactly one code point of the set.
 */
type ClassSet = { readonly contents: string } | { readonly expression: string };

function classRegex(set: ClassSet): string {
  return 'contents' in set ? `[${set.contents}]` : set.expression;
}

function union(sets: readonly ClassSet[]): ClassSet {
  const contents = sets.filter((set) => 'contents' in set).map((set) => (set as { contents: string }).contents).join('');
  const expressions = sets.filter((set) => 'expression' in set).map(classRegex);
  if (expressions.length === 0) return { contents };
  return { expression: `(?:${[...(contents === '' ? [] : [`[${contents}]`]), ...expressions].join('|')})` };
}

/** A ∩ B ∩ C as (?=A)(?=B)C: every lookahead checks the same single code point. */
function intersection(sets: readonly ClassSet[]): ClassSet {
  if (sets.length === 0) return { contents: '' };
  if (sets.length === 1) return sets[0];
  const last = sets[sets.length - 1];
  return { expression: `(?:${sets.slice(0, -1).map((set) => `(?=${classRegex(set)})`).join('')}${classRegex(last)})` };
}

/** The complement: a negated class, or "any code point where the set does not match". */
function negation(set: ClassSet): ClassSet {
  return 'contents' in set ? { expression: `[^${set.contents}]` } : { expression: `(?:(?!${set.expression})[^])` };
}
