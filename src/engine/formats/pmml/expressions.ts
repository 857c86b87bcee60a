import { InvalidMarkupError, InvalidValueError, UndefinedResultError, UnsupportedMarkupError } from '../../errors.js';
import type { CompileEnv } from './compile-env.js';
import type { Expr, Scope } from './context.js';
import { castOrMissing, parseValue, toNumber, valueKey, valuesEqual, type ValueKey } from './convert.js';
import { arityProblem, constantArgumentProblem, lookupBuiltin, type BuiltinFunction } from './functions/index.js';
import { intervalContains } from './intervals.js';
import { compileLag } from './lag.js';
import type { OpType } from './schema/data-dictionary.js';
import type { Apply, Discretize, Expression, MapValues, NormContinuous } from './schema/transformations.js';
import { compileTextIndex } from './text-index.js';
import { MISSING, type DataType, type TypedValue, type Value } from './values.js';

/** A compiled expression with the dataType its values have, when known at compile time. */
export interface CompiledExpression {
  readonly get: Expr;
  readonly dataType?: DataType;
  readonly optype?: OpType;
}

/** Parses an attribute value whose type is only known from where it ends up: numbers stay numbers. */
export function looseValue(text: string, dataType?: DataType): TypedValue {
  if (dataType !== undefined) {
    const parsed = parseValue(text, dataType);
    if (parsed !== undefined) return parsed;
  }
  const number = text.trim() === '' ? NaN : Number(text);
  return Number.isNaN(number) ? { dataType: 'string', value: text } : { dataType: 'double', value: number };
}

export function compileExpression(expression: Expression, scope: Scope, env: CompileEnv): CompiledExpression {
  switch (expression.kind) {
    case 'Constant': {
      if (expression.missing) return { get: () => MISSING, dataType: expression.dataType };
      const value = looseValue(expression.value, expression.dataType);
      return { get: () => value, dataType: value.dataType };
    }
    case 'FieldRef': {
      const binding = env.resolve(scope, expression.field, 'FieldRef', expression.line);
      const get = binding.get;
      if (expression.mapMissingTo === undefined) return { get, dataType: binding.dataType, optype: binding.optype };
      const replacement = looseValue(expression.mapMissingTo, binding.dataType);
      return { get: (ctx) => get(ctx) ?? replacement, dataType: binding.dataType, optype: binding.optype };
    }
    case 'NormContinuous':
      return { get: compileNormContinuous(expression, scope, env), dataType: 'double', optype: 'continuous' };
    case 'NormDiscrete': {
      const binding = env.resolve(scope, expression.field, 'NormDiscrete', expression.line);
      const get = binding.get;
      const target = looseValue(expression.value, binding.dataType);
      const one: TypedValue = { dataType: 'double', value: 1 };
      const zero: TypedValue = { dataType: 'double', value: 0 };
      const missing: Value = expression.mapMissingTo === undefined ? MISSING : { dataType: 'double', value: expression.mapMissingTo };
      // PMML 4.4 NormDiscrete: y = 1 if X = val, 0 otherwise.
      return {
        get: (ctx) => {
          const value = get(ctx);
          return value === MISSING ? missing : valuesEqual(value, target) ? one : zero;
        },
        dataType: 'double',
        optype: 'continuous',
      };
    }
    case 'Discretize':
      return { get: compileDiscretize(expression, scope, env), dataType: expression.dataType ?? 'string', optype: 'categorical' };
    case 'MapValues':
      return { get: compileMapValues(expression, scope, env), dataType: expression.dataType ?? 'string' };
    case 'TextIndex':
      return { get: compileTextIndex(expression, scope, env, compileExpression), dataType: 'double', optype: 'continuous' };
    case 'Apply':
      return compileApply(expression, scope, env);
    case 'Lag':
      return { get: compileLag(expression, scope, env), dataType: 'double', optype: 'continuous' };
  }
}

function compileNormContinuous(expression: NormContinuous, scope: Scope, env: CompileEnv): Expr {
  const get = env.resolve(scope, expression.field, 'NormContinuous', expression.line).get;
  const points = [...expression.LinearNorm].sort((a, b) => a.orig - b.orig);
  if (points.length < 2) {
    throw new InvalidMarkupError(`<NormContinuous> needs at least two <LinearNorm> points (line ${expression.line}).`, 'NormContinuous', expression.line);
  }
  const orig = points.map((p) => p.orig);
  const norm = points.map((p) => p.norm);
  const last = points.length - 1;
  const missing: Value = expression.mapMissingTo === undefined ? MISSING : { dataType: 'double', value: expression.mapMissingTo };
  const outliers = expression.outliers;
  const interpolate = (x: number, i: number): number => norm[i] + ((x - orig[i]) / (orig[i + 1] - orig[i])) * (norm[i + 1] - norm[i]);
  return (ctx) => {
    const value = get(ctx);
    if (value === MISSING) return missing;
    const x = toNumber(value);
    // PMML 4.4 NormContinuous: outliers ... asIs: extrapolate from the first or last two LinearNorm points.
    if (x < orig[0] || x > orig[last]) {
      if (outliers === 'asMissingValues') return MISSING;
      if (outliers === 'asExtremeValues') return { dataType: 'double', value: x < orig[0] ? norm[0] : norm[last] };
      return { dataType: 'double', value: interpolate(x, x < orig[0] ? 0 : last - 1) };
    }
    let i = 0;
    while (i < last - 1 && x > orig[i + 1]) i++;
    return { dataType: 'double', value: interpolate(x, i) };
  };
}

function compileDiscretize(expression: Discretize, scope: Scope, env: CompileEnv): Expr {
  const get = env.resolve(scope, expression.field, 'Discretize', expression.line).get;
  const dataType = expression.dataType ?? 'string';
  const bins = expression.DiscretizeBin.map((bin) => ({ interval: bin.Interval, value: looseValue(bin.binValue, dataType) }));
  const missing: Value = expression.mapMissingTo === undefined ? MISSING : looseValue(expression.mapMissingTo, dataType);
  const fallback: Value = expression.defaultValue === undefined ? MISSING : looseValue(expression.defaultValue, dataType);
  return (ctx) => {
    const value = get(ctx);
    if (value === MISSING) return missing;
    const x = toNumber(value);
    for (const bin of bins) if (intervalContains(bin.interval, x)) return bin.value;
    return fallback;
  };
}

function compileMapValues(expression: MapValues, scope: Scope, env: CompileEnv): Expr {
  const dataType = expression.dataType ?? 'string';
  const inputs = expression.FieldColumnPair.map((pair) => ({
    column: pair.column,
    binding: env.resolve(scope, pair.field, 'MapValues', pair.line),
  }));
  const missing: Value = expression.mapMissingTo === undefined ? MISSING : looseValue(expression.mapMissingTo, dataType);
  const fallback: Value = expression.defaultValue === undefined ? MISSING : looseValue(expression.defaultValue, dataType);
  const keyOf = (cell: string, fieldType: DataType): ValueKey | undefined => {
    const parsed = parseValue(cell, fieldType);
    return parsed === undefined ? undefined : valueKey(parsed);
  };
  const table = new Map<ValueKey, Value>();
  for (const row of expression.InlineTable.rows) {
    const output = row.get(expression.outputColumn);
    if (output === undefined) continue;
    const keys: ValueKey[] = [];
    for (const input of inputs) {
      const cell = row.get(input.column);
      const key = cell === undefined ? undefined : keyOf(cell, input.binding.dataType);
      if (key === undefined) break;
      keys.push(key);
    }
    if (keys.length !== inputs.length) continue;
    const key = keys.length === 1 ? keys[0] : keys.map(String).join('\u0000');
    // PMML 4.4 MapValues: the first matching row wins.
    if (!table.has(key)) table.set(key, looseValue(output, dataType));
  }
  const getters = inputs.map((i) => i.binding.get);
  if (getters.length === 1) {
    const get = getters[0];
    return (ctx) => {
      const value = get(ctx);
      if (value === MISSING) return missing;
      return table.get(valueKey(value)) ?? fallback;
    };
  }
  return (ctx) => {
    const parts: string[] = [];
    for (const get of getters) {
      const value = get(ctx);
      if (value === MISSING) return missing;
      parts.push(String(valueKey(value)));
    }
    return table.get(parts.join('\u0000')) ?? fallback;
  };
}

function compileApply(expression: Apply, scope: Scope, env: CompileEnv): CompiledExpression {
  const args = expression.arguments.map((a) => compileExpression(a, scope, env).get);
  const name = expression.function;
  const mapMissingTo = expression.mapMissingTo === undefined ? undefined : looseValue(expression.mapMissingTo);
  const defaultValue = expression.defaultValue === undefined ? undefined : looseValue(expression.defaultValue);
  const treatment = expression.invalidValueTreatment;
  const line = expression.line;

  let call: (ctx: Parameters<Expr>[0], values: Value[]) => Value;
  let dataType: DataType | undefined;
  const user = env.functions.get(name);
  const builtin = user === undefined ? lookupBuiltin(name) : undefined;
  if (name === 'if') return { get: compileIf(args, mapMissingTo, defaultValue) };
  if (user !== undefined) {
    if (user.arity !== args.length) {
      env.unsupportedFeature('Apply', line, `Function '${name}' takes ${user.arity} arguments but <Apply> passes ${args.length} (line ${line}).`);
    }
    call = (ctx, values) => user.call(ctx, values);
    dataType = user.dataType;
  } else if (builtin !== undefined) {
    checkBuiltinCall(builtin, expression, env);
    const tolerant = builtin.isMissingTolerant;
    call = (_ctx, values) => {
      // PMML 4.4 Built-in Functions: "If one of the input fields of a simple arithmetic function is a missing value, then the result evaluates to missing value"
      if (!tolerant) for (const v of values) if (v === MISSING) return MISSING;
      return builtin.apply(values);
    };
  } else {
    env.unsupportedFeature('Apply', line, `Function '${name}' is not supported (line ${line}).`, 'function', name);
    return { get: () => MISSING };
  }

  return {
    dataType,
    get: (ctx) => {
      const values = new Array<Value>(args.length);
      let hasMissing = false;
      for (let i = 0; i < args.length; i++) {
        const v = args[i](ctx);
        if (v === MISSING) hasMissing = true;
        values[i] = v;
      }
      // PMML 4.4 Apply: mapMissingTo: if any of the input values of the function is missing, the function is not evaluated and this value is returned instead.
      if (hasMissing && mapMissingTo !== undefined) return mapMissingTo;
      let result: Value;
      try {
        result = call(ctx, values);
      } catch (error) {
        // PMML 4.4 Apply@invalidValueTreatment: returnInvalid propagates the failure, the other treatments yield a missing value.
        if (!(error instanceof UndefinedResultError || error instanceof InvalidValueError) || treatment === 'returnInvalid') throw error;
        result = MISSING;
      }
      // PMML 4.4 Apply: defaultValue: the value to return if the function evaluates to a missing value.
      if (result === MISSING && defaultValue !== undefined) return defaultValue;
      return result;
    },
  };
}

/**
 * Checks a built-in call when the model loads: the argument count, and constant arguments the function can
 * validate up front (regular expressions, format patterns).
 */
function checkBuiltinCall(builtin: BuiltinFunction, expression: Apply, env: CompileEnv): void {
  const { line } = expression;
  const arity = arityProblem(builtin, expression.arguments.length);
  if (arity !== undefined) throw new InvalidMarkupError(`${arity.replace(/\.$/, '')} in <Apply> (line ${line}).`, 'Apply', line);
  const constants = expression.arguments.map((a) => (a.kind === 'Constant' && !a.missing ? looseValue(a.value, a.dataType) : undefined));
  const problem = constantArgumentProblem(builtin, constants);
  if (problem === undefined) return;
  if (problem instanceof UnsupportedMarkupError) {
    for (const feature of problem.features) env.unsupportedFeature('Apply', line, `${feature.message.replace(/\.$/, '')} (line ${line}).`);
    return;
  }
  throw new InvalidMarkupError(`${problem.message.replace(/\.$/, '')} in <Apply> (line ${line}).`, 'Apply', line, { cause: problem });
}

/** `if` evaluates only the branch it takes, so an error in the other branch never surfaces. */
function compileIf(args: Expr[], mapMissingTo: Value | undefined, defaultValue: Value | undefined): Expr {
  const [condition, whenTrue, whenFalse] = args;
  return (ctx) => {
    const test = condition(ctx);
    let result: Value;
    if (test === MISSING) {
      if (mapMissingTo !== undefined) return mapMissingTo;
      result = MISSING;
    } else if (test.value === true || (typeof test.value === 'number' && test.value !== 0)) {
      result = whenTrue === undefined ? MISSING : whenTrue(ctx);
    } else {
      result = whenFalse === undefined ? MISSING : whenFalse(ctx);
    }
    return result === MISSING && defaultValue !== undefined ? defaultValue : result;
  };
}

/** A DerivedField's value: its expression, cast to the declared dataType. */
export function compileDerivedValue(expression: Expression, dataType: DataType | undefined, scope: Scope, env: CompileEnv): Expr {
  const get = compileExpression(expression, scope, env).get;
  if (dataType === undefined) return get;
  return (ctx) => castOrMissing(get(ctx), dataType);
}
