import { InvalidMarkupError, UndefinedResultError, UnsupportedMarkupError, type UnsupportedFeature } from '../../errors.js';
import { CompileEnv } from './compile-env.js';
import { cached, Scope, type EvaluationContext, type Expr } from './context.js';
import { castOrMissing } from './convert.js';
import { compileDerivedValue, compileExpression } from './expressions.js';
import { compileRecordInput } from './inputs.js';
import type { CompiledModel, ModelKind } from './model-kind.js';
import { compileModel, defineDerivedFields } from './pipeline.js';
import type { DataField } from './schema/data-dictionary.js';
import type { ModelElement } from './schema/model.js';
import type { PMML } from './schema/pmml.js';
import type { DefineFunction, DerivedField } from './schema/transformations.js';

export interface CompiledDocument {
  readonly model: ModelElement;
  readonly compiled: CompiledModel;
  readonly slotCount: number;
  readonly predictionCount: number;
  /** Call after each scored record when the document uses Lag. */
  readonly afterRecord?: (ctx: EvaluationContext) => void;
}

/**
 * How deep DefineFunction calls may nest. The PMML 4.4 Apply lets a DefineFunction call itself (a terminating
 * recursion such as a power series is legal), but one that never stops would exhaust the JavaScript stack with a
 * RangeError that names nothing; past this depth the call fails with an error naming the function instead.
 */
export const MAX_FUNCTION_DEPTH = 500;

function defineFunctions(functions: readonly DefineFunction[], env: CompileEnv): void {
  const pending: { fn: DefineFunction; body: { get: Expr } }[] = [];
  // Calls nest only through evaluation, which is synchronous, so one counter per document is the call depth.
  let depth = 0;
  for (const fn of functions) {
    const body = { get: (() => null) as Expr };
    const dataType = fn.dataType;
    env.functions.set(fn.name, {
      name: fn.name,
      arity: fn.ParameterField.length,
      dataType,
      call(ctx, args) {
        if (depth >= MAX_FUNCTION_DEPTH) {
          throw new UndefinedResultError(
            `Function '${fn.name}' (DefineFunction, line ${fn.line}) nests deeper than ${MAX_FUNCTION_DEPTH} calls; its recursion does not stop for these arguments.`,
          );
        }
        const saved = ctx.args;
        ctx.args = args;
        depth++;
        try {
          return castOrMissing(body.get(ctx), dataType);
        } finally {
          depth--;
          ctx.args = saved;
        }
      },
    });
    pending.push({ fn, body });
  }
  // PMML 4.4 DefineFunction: the body can only refer to the ParameterFields, so its scope holds nothing else.
  for (const { fn, body } of pending) {
    const scope = new Scope();
    fn.ParameterField.forEach((parameter, index) => {
      const dataType = parameter.dataType;
      scope.define({
        name: parameter.name,
        dataType: dataType ?? 'double',
        optype: parameter.optype ?? 'continuous',
        get: dataType === undefined ? (ctx) => ctx.args[index] : (ctx) => castOrMissing(ctx.args[index], dataType),
      });
    });
    // jpmml also lets a DefineFunction hold DerivedFields over its parameters. Their values change with every call's
    // arguments, so they cannot take record slots: each reference computes the field anew in the current call.
    const pendingLocals: { field: DerivedField; compute: { get: Expr } }[] = [];
    for (const field of fn.DerivedField) {
      const compute = { get: (() => null) as Expr };
      scope.define({ name: field.name, dataType: field.dataType ?? 'double', optype: field.optype ?? 'continuous', get: (ctx) => compute.get(ctx) });
      pendingLocals.push({ field, compute });
    }
    for (const { field, compute } of pendingLocals) compute.get = compileDerivedValue(field.expression, field.dataType, scope, env);
    body.get = compileExpression(fn.expression, scope, env).get;
  }
}

/**
 * Compiles the first scorable model of a document: record inputs prepared by its MiningSchema, the
 * TransformationDictionary, then the model pipeline. Throws one UnsupportedMarkupError listing everything
 * the compiler could not handle.
 */
export function compileDocument(
  pmml: PMML,
  kinds: ReadonlyMap<string, ModelKind>,
  parseUnsupported: readonly UnsupportedFeature[] = [],
): CompiledDocument {
  try {
    return compileScorable(pmml, kinds, parseUnsupported);
  } catch (error) {
    // A document already known to use unsupported markup may fail to compile because of it; report the cause.
    if (parseUnsupported.length > 0 && !(error instanceof UnsupportedMarkupError)) throw new UnsupportedMarkupError(parseUnsupported, { cause: error });
    throw error;
  }
}

function compileScorable(pmml: PMML, kinds: ReadonlyMap<string, ModelKind>, parseUnsupported: readonly UnsupportedFeature[]): CompiledDocument {
  const model = pmml.models.find((m) => m.isScorable) ?? pmml.models[0];
  const dataFields = new Map<string, DataField>(pmml.DataDictionary.DataField.map((f) => [f.name, f]));
  const env = new CompileEnv(dataFields, pmml.TransformationDictionary?.DerivedField ?? []);
  env.unsupported.push(...parseUnsupported);
  const recordScope = new Scope();
  const miningFields = new Map(model.MiningSchema.MiningField.map((f) => [f.name, f]));
  for (const field of pmml.DataDictionary.DataField) {
    const miningField = miningFields.get(field.name);
    const isTarget = miningField?.usageType === 'target' || miningField?.usageType === 'predicted';
    recordScope.define({
      name: field.name,
      dataType: field.dataType,
      optype: miningField?.optype ?? field.optype,
      get: cached(env.slots.nextSlot(), compileRecordInput(field, isTarget ? undefined : miningField)),
    });
  }
  for (const field of model.MiningSchema.MiningField) {
    if (!dataFields.has(field.name) && field.usageType !== 'target' && field.usageType !== 'predicted') {
      throw new InvalidMarkupError(
        `MiningField '${field.name}' of <${model.element}> is not declared in the DataDictionary (line ${field.line}).`,
        'MiningField',
        field.line,
      );
    }
  }
  const globalScope = new Scope(recordScope);
  defineFunctions(pmml.TransformationDictionary?.DefineFunction ?? [], env);
  defineDerivedFields(pmml.TransformationDictionary?.DerivedField ?? [], globalScope, env);
  const compiled = compileModel(model, globalScope, env, kinds, true);
  if (env.unsupported.length > 0) throw new UnsupportedMarkupError(env.unsupported);
  const history = env.history;
  return {
    model,
    compiled,
    slotCount: env.slots.slotCount,
    predictionCount: env.slots.predictionCount,
    afterRecord: history.isEmpty ? undefined : (ctx) => history.record(ctx),
  };
}
