/** Shorthands for the function-family tests. */
import { expect } from 'vitest';
import type { DataType, TypedValue, Value } from '../values.js';
import { lookupBuiltin } from './registry.js';

export const int = (value: number): TypedValue => ({ dataType: 'integer', value });
export const dbl = (value: number): TypedValue => ({ dataType: 'double', value });
export const flt = (value: number): TypedValue => ({ dataType: 'float', value: Math.fround(value) });
export const str = (value: string): TypedValue => ({ dataType: 'string', value });
export const bool = (value: boolean): TypedValue => ({ dataType: 'boolean', value });
export const typed = (dataType: DataType, value: number | string | boolean): TypedValue => ({ dataType, value });

/** Calls a registered function the way `<Apply>` does, including the missing-value short cut. */
export function call(name: string, ...args: Value[]): Value {
  const fn = lookupBuiltin(name);
  if (fn === undefined) throw new Error(`No built-in function '${name}'.`);
  if (!fn.isMissingTolerant && args.some((arg) => arg === null)) return null;
  return fn.apply(args);
}

/** The present result of a call. */
export function result(name: string, ...args: Value[]): TypedValue {
  const value = call(name, ...args);
  expect(value).not.toBeNull();
  return value as TypedValue;
}

/** Relative closeness with an absolute floor near zero. */
export function expectClose(actual: number, expected: number, rel = 1e-12, zero = 1e-300): void {
  if (Math.abs(expected) <= zero) {
    expect(Math.abs(actual)).toBeLessThanOrEqual(zero);
    return;
  }
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThanOrEqual(rel);
}
