/**
 * PMML 4.4, Built-in Functions, "+, -, * and /" and "modulo".
 *
 * Result types follow jpmml `TypeUtil.getResultDataType`: integer op integer stays integer, a float
 * operand makes a float, a double operand makes a double. Division is the exception: jpmml divides two
 * integers as Java ints (7 / 2 = 3), but PMML states no such rule and the languages the models come from
 * (Python, R) divide exactly, so `/` of two integers gives a double here.
 */
import { UndefinedResultError } from '../../../errors.js';
import type { TypedValue, Value } from '../values.js';
import { strict, type BuiltinFunction } from './builtin.js';
import { asNumber, double, numeric, present, widestNumericType } from './coerce.js';

type Operator = (x: number, y: number) => number;

function binary(name: string, operator: Operator): BuiltinFunction {
  return strict(name, 2, (args: readonly Value[]) => {
    const a = present(args, 0, name);
    const b = present(args, 1, name);
    return numeric(operator(asNumber(a, name), asNumber(b, name)), widestNumericType([a, b]));
  });
}

function nonZeroDivisor(name: string, x: number, y: number): void {
  // PMML 4.4, Apply@invalidValueTreatment: a division by zero is an input the function is not defined for.
  if (y === 0) throw new UndefinedResultError(`Function '${name}' divides ${x} by zero.`);
}

const divide = strict('/', 2, (args) => {
  const a = present(args, 0, '/');
  const b = present(args, 1, '/');
  const x = asNumber(a, '/');
  const y = asNumber(b, '/');
  nonZeroDivisor('/', x, y);
  const type = widestNumericType([a, b]);
  return type === 'float' ? numeric(x / y, 'float') : double(x / y);
});

/** PMML 4.4 modulo: x - y * floor(x / y), so the result has the sign of the divisor. */
const modulo = strict('modulo', 2, (args) => {
  const a: TypedValue = present(args, 0, 'modulo');
  const b: TypedValue = present(args, 1, 'modulo');
  const x = asNumber(a, 'modulo');
  const y = asNumber(b, 'modulo');
  nonZeroDivisor('modulo', x, y);
  const type = widestNumericType([a, b]);
  // Whole numbers: floor division without the rounding of x / y (Java Math.floorMod).
  if (type === 'integer') return numeric((((x % y) + y) % y) + 0, type);
  return numeric(x - y * Math.floor(x / y), type);
});

export const arithmeticFunctions: readonly BuiltinFunction[] = [
  binary('+', (x, y) => x + y),
  binary('-', (x, y) => x - y),
  binary('*', (x, y) => x * y),
  divide,
  modulo,
];
