/**
 * Java `String.format` for one numeric argument — what jpmml's `formatNumber` calls
 * (https://docs.oracle.com/javase/8/docs/api/java/util/Formatter.html): `%[1$][flags][width][.precision]conversion`
 * with the conversions d o x X e E f g G s S b B c % n, the flags - # + space 0 , ( and the US locale.
 *
 * Java rounds the shortest decimal form of a double half-up (`sun.misc.FormattedFloatingDecimal`), so
 * `%.2f` of 0.125 is "0.13" and of 1.005 is "1.01", where C's printf gives "0.12" and "1.00".
 * Java rejects an integer conversion of a double and a float conversion of an integer; here a double
 * with no fractional part may use %d and an integer may use %f, and only what cannot be formatted
 * at all is refused with a {@link FormatError}.
 */
import { formatDouble } from '../convert.js';
import { javaFloatString } from './coerce.js';

/** The argument: its value and whether Java would see an Integer/Long (vs a Float/Double). */
export interface FormatArgument {
  readonly value: number;
  readonly kind: 'integer' | 'float' | 'double';
}

/** A pattern that Java's Formatter would reject for this argument. */
export class FormatError extends Error {}

const SPECIFIER = /%(\d+\$|<)?([-#+ 0,(]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g;

interface Specifier {
  readonly flags: string;
  readonly width?: number;
  readonly precision?: number;
  readonly conversion: string;
}

export function formatJavaNumber(pattern: string, argument: FormatArgument): string {
  let result = '';
  let last = 0;
  let ordinaryIndex = 0;
  for (const match of pattern.matchAll(SPECIFIER)) {
    const [text, index, flags, width, precision, conversion] = match;
    result += literalText(pattern.slice(last, match.index));
    last = (match.index as number) + text.length;
    const spec: Specifier = {
      flags,
      width: width === undefined ? undefined : Number(width),
      precision: precision === undefined ? undefined : Number(precision),
      conversion,
    };
    if (conversion === '%' || conversion === 'n') {
      result += conversion === 'n' ? '\n' : justify('%', spec);
      continue;
    }
    const argumentNumber = index === undefined ? ++ordinaryIndex : index === '<' ? Math.max(ordinaryIndex, 1) : parseInt(index, 10);
    if (argumentNumber !== 1) throw new FormatError(`the specifier '${text}' asks for argument ${argumentNumber}, but there is one`);
    result += formatOne(spec, argument, text);
  }
  return result + literalText(pattern.slice(last));
}

function literalText(text: string): string {
  if (text.includes('%')) throw new FormatError(`'${text.slice(text.indexOf('%'))}' is not a format specifier`);
  return text;
}

function formatOne(spec: Specifier, argument: FormatArgument, text: string): string {
  const { conversion, flags } = spec;
  const lower = conversion.toLowerCase();
  const upper = conversion !== lower;
  if ((flags.includes('-') || flags.includes('0')) && spec.width === undefined) {
    throw new FormatError(`the specifier '${text}' has the flag '-' or '0' but no width`);
  }
  switch (lower) {
    case 'd':
    case 'o':
    case 'x':
    case 'c':
      if (spec.precision !== undefined) throw new FormatError(`the specifier '${text}' cannot have a precision`);
      if (!Number.isInteger(argument.value)) throw new FormatError(`the specifier '${text}' needs a whole number, not ${argument.value}`);
      if (lower === 'c') return justify(caseOf(String.fromCodePoint(argument.value), upper), spec);
      if (lower === 'd') return signed(groupDigits(String(Math.abs(argument.value)), flags), argument.value < 0, spec);
      return caseOf(radix(argument.value, lower === 'o' ? 8 : 16, spec), upper);
    case 'e':
    case 'f':
    case 'g':
      return caseOf(floating(argument.value, lower, spec), upper);
    case 's':
    case 'b': {
      const raw = lower === 'b' ? 'true' : argument.kind === 'integer' ? String(argument.value) : argument.kind === 'float' ? javaFloatString(argument.value) : formatDouble(argument.value);
      const cut = spec.precision === undefined ? raw : raw.slice(0, spec.precision);
      return justify(caseOf(cut, upper), spec);
    }
    default:
      throw new FormatError(`the conversion '${conversion}' of '${text}' is not supported for numbers`);
  }
}

function caseOf(text: string, upper: boolean): string {
  return upper ? text.toUpperCase() : text;
}

function justify(text: string, spec: Specifier): string {
  if (spec.width === undefined || text.length >= spec.width) return text;
  return spec.flags.includes('-') ? text.padEnd(spec.width) : text.padStart(spec.width);
}

/** Java's octal/hex of an int (32-bit two's complement when negative) or long (64-bit), padded to the width. */
function radix(value: number, base: 8 | 16, spec: Specifier): string {
  let digits: string;
  if (value >= 0) digits = value.toString(base);
  else if (value >= -(2 ** 31)) digits = (value >>> 0).toString(base);
  else digits = BigInt.asUintN(64, BigInt(value)).toString(base);
  const prefix = spec.flags.includes('#') ? (base === 8 ? '0' : '0x') : '';
  if (spec.flags.includes('0') && spec.width !== undefined) return prefix + digits.padStart(spec.width - prefix.length, '0');
  return justify(prefix + digits, spec);
}

function groupDigits(integerDigits: string, flags: string): string {
  return flags.includes(',') ? integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : integerDigits;
}

/** Applies sign flags (+, space, parentheses) and width with space or zero padding to an unsigned magnitude. */
function signed(magnitude: string, negative: boolean, spec: Specifier): string {
  const { flags } = spec;
  const prefix = negative ? (flags.includes('(') ? '(' : '-') : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
  const suffix = negative && flags.includes('(') ? ')' : '';
  const width = spec.width ?? 0;
  if (flags.includes('0') && /^[0-9]/.test(magnitude)) {
    return prefix + magnitude.padStart(width - prefix.length - suffix.length, '0') + suffix;
  }
  return justify(prefix + magnitude + suffix, spec);
}

/** The shortest decimal digits of a positive finite number: value = 0.d₁d₂… × 10^(exponent+1). */
function shortestDigits(value: number): { digits: string; exponent: number } {
  const [mantissa, exponent] = value.toExponential().split('e');
  return { digits: mantissa.replace('.', ''), exponent: Number(exponent) };
}

/** Rounds digits (d₁.d₂… × 10^exponent) half-up to `keep` significant digits; keep may be ≤ 0. */
function roundHalfUp(digits: string, exponent: number, keep: number): { digits: string; exponent: number } {
  if (keep >= digits.length) return { digits: digits.padEnd(keep, '0'), exponent };
  if (keep < 0) return { digits: '', exponent };
  const roundUp = digits.charCodeAt(keep) >= 53;
  let kept = digits.slice(0, keep);
  if (!roundUp) return { digits: kept, exponent };
  let i = kept.length - 1;
  while (i >= 0 && kept[i] === '9') i--;
  if (i < 0) return { digits: `1${'0'.repeat(kept.length)}`.slice(0, Math.max(kept.length, 1)), exponent: exponent + 1 };
  kept = kept.slice(0, i) + String(Number(kept[i]) + 1) + '0'.repeat(kept.length - i - 1);
  return { digits: kept, exponent };
}

/** Fixed notation with `precision` fraction digits, of a non-negative value. */
function fixed(value: number, precision: number, flags: string): string {
  let integerPart = '0';
  let fraction = '0'.repeat(precision);
  if (value !== 0) {
    const shortest = shortestDigits(value);
    const rounded = roundHalfUp(shortest.digits, shortest.exponent, shortest.exponent + 1 + precision);
    const { digits, exponent } = rounded;
    if (digits !== '' && /[1-9]/.test(digits)) {
      if (exponent >= 0) {
        const all = digits.padEnd(exponent + 1 + precision, '0');
        integerPart = all.slice(0, exponent + 1);
        fraction = all.slice(exponent + 1, exponent + 1 + precision);
      } else {
        fraction = ('0'.repeat(-exponent - 1) + digits).padEnd(precision, '0').slice(0, precision);
      }
    }
  }
  const dot = precision > 0 || flags.includes('#') ? '.' : '';
  return `${groupDigits(integerPart, flags)}${dot}${fraction}`;
}

/** Scientific notation d.ddd e±xx with `precision` fraction digits, of a non-negative value. */
function scientific(value: number, precision: number, flags: string): string {
  let digits = '0'.repeat(precision + 1);
  let exponent = 0;
  if (value !== 0) {
    const shortest = shortestDigits(value);
    ({ digits, exponent } = roundHalfUp(shortest.digits, shortest.exponent, precision + 1));
  }
  const dot = precision > 0 || flags.includes('#') ? '.' : '';
  const sign = exponent < 0 ? '-' : '+';
  return `${digits[0]}${dot}${digits.slice(1)}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

/** %e, %f and %g of a number, sign flags and width applied. */
function floating(value: number, conversion: string, spec: Specifier): string {
  const { flags } = spec;
  if (conversion !== 'f' && flags.includes(',')) throw new FormatError(`the flag ',' does not apply to %${conversion}`);
  const negative = value < 0 || Object.is(value, -0);
  if (!Number.isFinite(value)) {
    const word = Number.isNaN(value) ? 'NaN' : 'Infinity';
    return signed(word, negative && !Number.isNaN(value), { ...spec, flags: flags.replace('0', '') });
  }
  const magnitude = Math.abs(value);
  const precision = spec.precision ?? 6;
  if (conversion === 'f') return signed(fixed(magnitude, precision, flags), negative, spec);
  if (conversion === 'e') return signed(scientific(magnitude, precision, flags), negative, spec);
  // Java %g: precision is the number of significant digits; decimal form when 10^-4 <= rounded value < 10^precision.
  const significant = precision === 0 ? 1 : precision;
  if (magnitude === 0) return signed(fixed(0, significant - 1, flags), negative, spec);
  const shortest = shortestDigits(magnitude);
  const { exponent } = roundHalfUp(shortest.digits, shortest.exponent, significant);
  const text = exponent >= -4 && exponent < significant
    ? fixed(magnitude, significant - 1 - exponent, flags)
    : scientific(magnitude, significant - 1, flags);
  return signed(text, negative, spec);
}
