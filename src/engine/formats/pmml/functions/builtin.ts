import type { TypedValue, Value } from '../values.js';

/** One built-in function. */
export interface BuiltinFunction {
  readonly name: string;
  /** exact count, or [min, max] (max = Infinity for variadic) */
  readonly arity: number | readonly [number, number];
  /** true when the function itself handles MISSING arguments (isMissing, isNotMissing, if, coalesce...);
   *  false: the caller (Apply) returns MISSING as soon as any argument is MISSING — PMML 4.4 rule. */
  readonly isMissingTolerant: boolean;
  /** Throws UndefinedResultError / InvalidValueError on domain errors. */
  apply(args: readonly Value[]): Value;
  /**
   * Optional load-time check of the arguments that are constants in the document (`undefined` where an
   * argument is computed): throws what `apply` would throw for them whatever the other arguments, such as
   * an invalid or untranslatable regular expression or format pattern.
   */
  readonly checkConstants?: (args: readonly (TypedValue | undefined)[]) => void;
}

/** A function that the caller only calls with present arguments. */
export function strict(
  name: string,
  arity: BuiltinFunction['arity'],
  apply: (args: readonly Value[]) => Value,
  checkConstants?: BuiltinFunction['checkConstants'],
): BuiltinFunction {
  return checkConstants === undefined ? { name, arity, isMissingTolerant: false, apply } : { name, arity, isMissingTolerant: false, apply, checkConstants };
}

/** A function that receives MISSING arguments and decides itself what they mean. */
export function tolerant(
  name: string,
  arity: BuiltinFunction['arity'],
  apply: (args: readonly Value[]) => Value,
): BuiltinFunction {
  return { name, arity, isMissingTolerant: true, apply };
}
