/**
 * Java `java.util.regex.Pattern` character classes written as JavaScript (`u` mode) class contents.
 * Java's predefined and POSIX classes are ASCII-only unless UNICODE_CHARACTER_CLASS is set
 * (https://docs.oracle.com/javase/8/docs/api/java/util/regex/Pattern.html, "POSIX character classes (US-ASCII only)").
 */

/** Contents (without brackets) of Java's POSIX classes `\p{Lower}` … `\p{Space}`. */
const POSIX: Readonly<Record<string, string>> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: ' \\t\\n\\x0B\\f\\r',
};

/** `java.lang.Character` classes `\p{javaLowerCase}` … as Unicode properties. */
const JAVA_CHARACTER: Readonly<Record<string, string>> = {
  javaLowerCase: '\\p{Lowercase}',
  javaUpperCase: '\\p{Uppercase}',
  javaTitleCase: '\\p{Lt}',
  javaAlphabetic: '\\p{Alphabetic}',
  javaLetter: '\\p{L}',
  javaDigit: '\\p{Nd}',
  javaLetterOrDigit: '\\p{L}\\p{Nd}',
  javaWhitespace: '\\t-\\r\\x1C-\\x1F\\p{Zs}\\u2028\\u2029',
  javaSpaceChar: '\\p{Z}',
  javaMirrored: '\\p{Bidi_Mirrored}',
  javaIdeographic: '\\p{Ideographic}',
};

/** Java `\s`, `\h`, `\v` as class contents. */
export const SPACE = ' \\t\\n\\x0B\\f\\r';
export const HORIZONTAL_SPACE = ' \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000';
export const VERTICAL_SPACE = '\\n\\x0B\\f\\r\\x85\\u2028\\u2029';
/** Java's line terminators outside UNIX_LINES mode (what `.` does not match). */
export const LINE_TERMINATORS = '\\n\\r\\x85\\u2028\\u2029';

function isJsProperty(body: string): boolean {
  try {
    new RegExp(`\\p{${body}}`, 'u');
    return true;
  } catch {
    return false;
  }
}

/**
 * The class contents for the property name inside Java's `\p{…}`, or `undefined` when JavaScript has no
 * equivalent (Unicode blocks such as `InGreek`, which JavaScript regular expressions cannot name).
 */
export function propertyClass(name: string): string | undefined {
  if (Object.hasOwn(POSIX, name)) return POSIX[name];
  if (Object.hasOwn(JAVA_CHARACTER, name)) return JAVA_CHARACTER[name];
  const keyed = /^(sc|script|gc|general_category)=(.+)$/i.exec(name);
  if (keyed !== null) {
    const key = keyed[1].toLowerCase().startsWith('s') ? 'Script' : 'General_Category';
    return isJsProperty(`${key}=${keyed[2]}`) ? `\\p{${key}=${keyed[2]}}` : undefined;
  }
  const bare = name.startsWith('Is') ? name.slice(2) : name;
  const aliases: Readonly<Record<string, string>> = { WhiteSpace: 'White_Space', HexDigit: 'Hex_Digit', Letter: 'L', Digit: 'Nd', Punctuation: 'P', Control: 'Cc', Titlecase: 'Lt', JoinControl: 'Join_Control' };
  const candidate = Object.hasOwn(aliases, bare) ? aliases[bare] : bare;
  if (isJsProperty(candidate)) return `\\p{${candidate}}`;
  if (name.startsWith('Is') && isJsProperty(`Script=${bare}`)) return `\\p{Script=${bare}}`;
  return undefined;
}

/**
 * A code point written so that it is literal in a JavaScript `u`-mode pattern, outside a class or, with
 * `inClass`, inside one (where `-` needs escaping too; `u` mode allows no other identity escapes).
 */
export function literalCodePoint(codePoint: number, inClass = false): string {
  const char = String.fromCodePoint(codePoint);
  if (/[A-Za-z0-9_ ]/.test(char)) return char;
  if ('^$\\.*+?()[]{}|/'.includes(char) || (inClass && char === '-')) return `\\${char}`;
  if (codePoint >= 0x21 && codePoint < 0x7f) return char;
  return `\\u{${codePoint.toString(16)}}`;
}

/** Both cases of an ASCII letter, for case-insensitive parts of a pattern; other code points alone. */
export function caseVariants(codePoint: number): number[] {
  const char = String.fromCodePoint(codePoint);
  if (!/[A-Za-z]/.test(char)) return [codePoint];
  const lower = char.toLowerCase().codePointAt(0) as number;
  const upper = char.toUpperCase().codePointAt(0) as number;
  return [lower, upper];
}
