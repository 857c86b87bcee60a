/**
 * The frozen table of PMML 4.4 built-in functions, assembled from one module per family
 * (jpmml `Functions` + `FunctionRegistry`). Arity and missing-value tolerance are data on each entry,
 * so the interpreter can check an `<Apply>` when the model loads.
 */
import { InvalidMarkupError, isEngineError, type EngineError } from '../../../errors.js';
import type { TypedValue } from '../values.js';
import { aggregateFunctions } from './aggregate.js';
import { arithmeticFunctions } from './arithmetic.js';
import type { BuiltinFunction } from './builtin.js';
import { booleanFunctions } from './boolean.js';
import { comparisonFunctions } from './comparison.js';
import { dateFunctions } from './date.js';
import { distributionFunctions } from './distribution.js';
import { formatFunctions } from './format.js';
import { mathFunctions } from './math.js';
import { regexFunctions } from './regex.js';
import { stringFunctions } from './string.js';

export type { BuiltinFunction } from './builtin.js';

/**
 * Names that JPMML-Evaluator 1.4 gave the functions PMML 4.4 later standardised, still found in
 * documents converted back then (https://github.com/jpmml/jpmml-evaluator, `Functions.java`:
 * `x-ln1p`, `x-expm1`, `x-rint`, `x-hypot`, `x-sin` … `x-tanh`, `x-atan2`).
 */
const X_PREFIXED = ['expm1', 'ln1p', 'rint', 'hypot', 'atan2', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh'];

function buildTable(): ReadonlyMap<string, BuiltinFunction> {
  const table = new Map<string, BuiltinFunction>();
  const families = [
    arithmeticFunctions, aggregateFunctions, mathFunctions, distributionFunctions, comparisonFunctions,
    booleanFunctions, stringFunctions, regexFunctions, formatFunctions, dateFunctions,
  ];
  for (const family of families) {
    for (const fn of family) {
      if (table.has(fn.name)) throw new Error(`Built-in function '${fn.name}' is registered twice.`);
      table.set(fn.name, Object.freeze(fn));
    }
  }
  for (const name of X_PREFIXED) {
    const fn = table.get(name);
    if (fn !== undefined) table.set(`x-${name}`, fn);
  }
  return table;
}

const BUILTINS = buildTable();

/** The built-in function with this name (standard or `x-` alias), or `undefined`. */
export function lookupBuiltin(name: string): BuiltinFunction | undefined {
  return BUILTINS.get(name);
}

/** Every registered name, aliases included. */
export function builtinNames(): readonly string[] {
  return [...BUILTINS.keys()];
}

/**
 * A sentence saying why `count` arguments do not fit the function, or `undefined` when they do.
 * The interpreter calls this when it loads an `<Apply>`, so arity errors surface before predicting.
 */
export function arityProblem(fn: BuiltinFunction, count: number): string | undefined {
  const [min, max] = typeof fn.arity === 'number' ? [fn.arity, fn.arity] : fn.arity;
  if (count >= min && count <= max) return undefined;
  const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `between ${min} and ${max}`;
  return `Function '${fn.name}' takes ${expected} argument${max === 1 ? '' : 's'} but is given ${count}.`;
}

/** Checks the argument count, for callers that did not validate at load time. */
export function checkArity(fn: BuiltinFunction, count: number): void {
  const problem = arityProblem(fn, count);
  if (problem !== undefined) throw new InvalidMarkupError(problem, 'Apply');
}

/**
 * What is wrong with the constant arguments of an `<Apply>` (`undefined` for computed ones), found when the
 * model loads: an invalid or untranslatable regular expression, an unusable format pattern. The error is the
 * one evaluation would throw (`UnsupportedMarkupError` or `InvalidValueError`); `undefined` when all is well.
 */
export function constantArgumentProblem(fn: BuiltinFunction, args: readonly (TypedValue | undefined)[]): EngineError | undefined {
  try {
    fn.checkConstants?.(args);
    return undefined;
  } catch (error) {
    if (isEngineError(error)) return error;
    throw error;
  }
}
