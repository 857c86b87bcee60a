/**
 * Reading a Java pattern: the cursor and the escapes that stand for one code point or one property,
 * shared by the pattern and character-class parts of the translator.
 */
import { propertyClass } from './java-regex-classes.js';

/** Java would reject the pattern (`PatternSyntaxException`); the message says why. */
export class Invalid extends Error {}

/** Valid Java that JavaScript cannot express; the message names the construct. */
export class Unsupported extends Error {}

export class PatternReader {
  protected pos = 0;

  constructor(protected readonly pattern: string) {}

  protected peek(offset = 0): string {
    return this.pattern[this.pos + offset] ?? '';
  }

  /** The code point of `\0…`, `\x…`, `\u…`, `\t` and the like, after the backslash; undefined for other escapes. */
  protected escapedCodePoint(c: string): number | undefined {
    const simple: Record<string, number> = { t: 9, n: 10, r: 13, f: 12, a: 7, e: 27 };
    if (c in simple) {
      this.pos++;
      return simple[c];
    }
    if (c === '0') {
      const octal = /^0([0-3][0-7]{2}|[0-7]{1,2})/.exec(this.pattern.slice(this.pos));
      if (octal === null) throw new Invalid(`illegal octal escape at index ${this.pos}`);
      this.pos += octal[0].length;
      return parseInt(octal[1], 8);
    }
    if (c === 'x') {
      const hex = /^x(?:([0-9a-fA-F]{2})|\{([0-9a-fA-F]+)\})/.exec(this.pattern.slice(this.pos));
      if (hex === null) throw new Invalid(`illegal hexadecimal escape at index ${this.pos}`);
      this.pos += hex[0].length;
      const codePoint = parseInt(hex[1] ?? hex[2], 16);
      if (codePoint > 0x10ffff) throw new Invalid(`hexadecimal code point ${hex[2]} is out of range`);
      return codePoint;
    }
    if (c === 'u') {
      const unit = /^u([0-9a-fA-F]{4})/.exec(this.pattern.slice(this.pos));
      if (unit === null) throw new Invalid(`illegal Unicode escape at index ${this.pos}`);
      this.pos += unit[0].length;
      const high = parseInt(unit[1], 16);
      const low = /^\\u(d[c-f][0-9a-f]{2})/i.exec(this.pattern.slice(this.pos));
      if (high >= 0xd800 && high < 0xdc00 && low !== null) {
        this.pos += low[0].length;
        return 0x10000 + ((high - 0xd800) << 10) + (parseInt(low[1], 16) - 0xdc00);
      }
      return high;
    }
    if (c === 'c') {
      const control = this.peek(1);
      if (control === '') throw new Invalid('illegal control escape at the end of the pattern');
      this.pos += 2;
      return control.charCodeAt(0) ^ 64;
    }
    return undefined;
  }

  /** `\p{…}`/`\P{…}` after the backslash: the class contents and whether the class is negated. */
  protected property(): { contents: string; negated: boolean } {
    const negated = this.peek() === 'P';
    const match = /^[pP](?:\{([^}]*)\}|([A-Za-z]))/.exec(this.pattern.slice(this.pos));
    if (match === null) throw new Invalid(`illegal property escape at index ${this.pos}`);
    this.pos += match[0].length;
    const name = match[1] ?? match[2];
    const contents = propertyClass(name);
    if (contents === undefined) throw new Unsupported(`the character property '\\p{${name}}'`);
    return { contents, negated };
  }

  /** The text after `\Q`, up to `\E` or the end of the pattern, taken literally. */
  protected quoted(): string {
    const end = this.pattern.indexOf('\\E', this.pos);
    const text = this.pattern.slice(this.pos, end < 0 ? undefined : end);
    this.pos = end < 0 ? this.pattern.length : end + 2;
    return text;
  }
}
