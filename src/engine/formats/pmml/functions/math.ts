/**
 * PMML 4.4, Built-in Functions, "log10, ln, sqrt, abs, exp, pow, threshold, floor, ceil, round",
 * "expm1, hypot, ln1p, rint" and "sin, asin, sinh, cos, acos, cosh, tan, atan, tanh" (plus `atan2`).
 *
 * Result types as jpmml: floating-point functions give a double (a float for a float input), `abs` and
 * `rint` keep the input's type, `floor`/`ceil`/`round` give an integer, `pow`/`threshold` the wider type.
 * A NaN result from a non-NaN input is a value the function is not defined for (sqrt(-1), asin(2)).
 */
import { UndefinedResultError } from '../../../errors.js';
import type { Value } from '../values.js';
import { strict, type BuiltinFunction } from './builtin.js';
import { asNumber, definedResult, double, integer, numeric, numericTypeOf, present, widestNumericType } from './coerce.js';

/** A floating-point function of one argument: float in, float out; anything else gives a double. */
function floatingPoint(name: string, f: (x: number) => number): BuiltinFunction {
  return strict(name, 1, (args: readonly Value[]) => {
    const value = present(args, 0, name);
    const x = asNumber(value, name);
    return numeric(definedResult(f(x), name, [x]), numericTypeOf(value.dataType) === 'float' ? 'float' : 'double');
  });
}

/** A function of one argument whose result keeps the argument's numeric type. */
function typePreserving(name: string, f: (x: number) => number): BuiltinFunction {
  return strict(name, 1, (args) => {
    const value = present(args, 0, name);
    const x = asNumber(value, name);
    return numeric(definedResult(f(x), name, [x]), numericTypeOf(value.dataType));
  });
}

/** floor, ceil and round map to whole numbers, so their result is an integer (jpmml `RoundingFunction`). */
function rounding(name: string, f: (x: number) => number): BuiltinFunction {
  return strict(name, 1, (args) => {
    const x = asNumber(present(args, 0, name), name);
    const result = f(x);
    if (!Number.isFinite(result)) throw new UndefinedResultError(`Function '${name}' has no integer result for ${x}.`);
    return integer(result);
  });
}

/** A function of two numbers whose result is always a double. */
function binaryDouble(name: string, f: (x: number, y: number) => number): BuiltinFunction {
  return strict(name, 2, (args) => {
    const x = asNumber(present(args, 0, name), name);
    const y = asNumber(present(args, 1, name), name);
    return double(definedResult(f(x, y), name, [x, y]));
  });
}

/** Java `Math.rint`: the nearest whole number, ties to the even one. */
function rint(x: number): number {
  if (!Number.isFinite(x)) return x;
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff < 0.5) return floor;
  if (diff > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

const pow = strict('pow', 2, (args) => {
  const a = present(args, 0, 'pow');
  const b = present(args, 1, 'pow');
  const x = asNumber(a, 'pow');
  const y = asNumber(b, 'pow');
  const result = definedResult(x ** y, 'pow', [x, y]);
  const type = widestNumericType([a, b]);
  // A negative integer exponent leaves the integers (2^-1 = 0.5).
  return numeric(result, type === 'integer' && !Number.isInteger(result) ? 'double' : type);
});

/** PMML 4.4 threshold: 1 when x > y and 0 otherwise, in the wider type of its arguments. */
const threshold = strict('threshold', 2, (args) => {
  const a = present(args, 0, 'threshold');
  const b = present(args, 1, 'threshold');
  return numeric(asNumber(a, 'threshold') > asNumber(b, 'threshold') ? 1 : 0, widestNumericType([a, b]));
});

export const mathFunctions: readonly BuiltinFunction[] = [
  floatingPoint('log10', Math.log10),
  floatingPoint('ln', Math.log),
  floatingPoint('sqrt', Math.sqrt),
  floatingPoint('exp', Math.exp),
  floatingPoint('expm1', Math.expm1),
  floatingPoint('ln1p', Math.log1p),
  typePreserving('abs', Math.abs),
  typePreserving('rint', rint),
  pow,
  threshold,
  rounding('floor', Math.floor),
  rounding('ceil', Math.ceil),
  // Java Math.round and JavaScript Math.round agree: halves go towards positive infinity.
  rounding('round', Math.round),
  binaryDouble('hypot', Math.hypot),
  binaryDouble('atan2', Math.atan2),
  ...(
    [
      ['sin', Math.sin], ['cos', Math.cos], ['tan', Math.tan],
      ['asin', Math.asin], ['acos', Math.acos], ['atan', Math.atan],
      ['sinh', Math.sinh], ['cosh', Math.cosh], ['tanh', Math.tanh],
    ] as const
  ).map(([name, f]) => strict(name, 1, (args) => {
    const x = asNumber(present(args, 0, name), name);
    return double(definedResult(f(x), name, [x]));
  })),
];
