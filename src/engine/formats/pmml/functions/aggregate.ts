/**
 * PMML 4.4, Built-in Functions, "min, max, sum, avg, median, product".
 *
 * PMML 4.4: "Missing values in the input to an aggregate function are simply ignored." So these
 * functions are missing-tolerant; with every input missing the result is missing (jpmml `AggregateFunction`).
 */
import { temporalKind } from '../temporal.js';
import { MISSING, type TypedValue, type Value } from '../values.js';
import { tolerant, type BuiltinFunction } from './builtin.js';
import { asNumber, numeric, widestNumericType, type NumericType } from './coerce.js';

type Statistic = (values: number[]) => number;

function aggregate(
  name: string,
  statistic: Statistic,
  resultType: (widest: NumericType) => NumericType,
  keepsType = false,
): BuiltinFunction {
  return tolerant(name, [1, Infinity], (args: readonly Value[]) => {
    const present = args.filter((arg): arg is TypedValue => arg !== MISSING);
    if (present.length === 0) return MISSING;
    const numbers = present.map((value) => asNumber(value, name));
    const result = statistic(numbers);
    // min and max of values of one temporal type (two dates, say) are values of that type.
    const dataType = present[0].dataType;
    if (keepsType && temporalKind(dataType) !== undefined && present.every((value) => value.dataType === dataType)) {
      return { dataType, value: result };
    }
    return numeric(result, resultType(widestNumericType(present)));
  });
}

const same = (type: NumericType): NumericType => type;
const fractional = (type: NumericType): NumericType => (type === 'integer' ? 'double' : type);

function sum(values: number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function product(values: number[]): number {
  let result = 1;
  for (const value of values) result *= value;
  return result;
}

export const aggregateFunctions: readonly BuiltinFunction[] = [
  aggregate('min', (values) => Math.min(...values), same, true),
  aggregate('max', (values) => Math.max(...values), same, true),
  aggregate('sum', sum, same),
  aggregate('avg', (values) => sum(values) / values.length, fractional),
  aggregate('median', median, fractional),
  aggregate('product', product, same),
];
