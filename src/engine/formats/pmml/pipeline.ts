import { InvalidMarkupError, InvalidValueError, UndefinedResultError } from '../../errors.js';
import type { CompileEnv } from './compile-env.js';
import { cached, Scope, type EvaluationContext, type Expr } from './context.js';
import { parseValue, valueKey, type ValueKey } from './convert.js';
import { compileDerivedValue } from './expressions.js';
import { compileNestedInput } from './inputs.js';
import {
  DOUBLE_MATH,
  FLOAT_MATH,
  type CompiledModel,
  type ModelCompileContext,
  type ModelKind,
  type OutputBinding,
  type TargetInfo,
} from './model-kind.js';
import { compileOutputs } from './outputs.js';
import type { DerivedField } from './schema/transformations.js';
import type { ModelElement } from './schema/model.js';
import { compileTargets, targetFor } from './targets.js';
import type { TypedValue, Value } from './values.js';

/**
 * Declares DerivedFields in `scope` as lazily computed, cached fields, then compiles their expressions.
 * Declaring first lets a field refer to one declared after it.
 */
export function defineDerivedFields(fields: readonly DerivedField[], scope: Scope, env: CompileEnv): void {
  const pending: { field: DerivedField; compute: { get: Expr } }[] = [];
  for (const field of fields) {
    const compute = { get: (() => null) as Expr };
    const name = field.name;
    const slot = env.slots.nextSlot();
    scope.define({
      name,
      dataType: field.dataType ?? 'double',
      optype: field.optype ?? 'continuous',
      get: cached(slot, (ctx) => {
        let value: Value;
        try {
          value = compute.get(ctx);
        } catch (error) {
          throw withField(error, name);
        }
        if (ctx.trace !== undefined) ctx.trace.derived.set(name, value);
        return value;
      }),
    });
    pending.push({ field, compute });
  }
  for (const { field, compute } of pending) compute.get = compileDerivedValue(field.expression, field.dataType, scope, env);
}

/** Names the DerivedField whose computation failed, when the failure (from a built-in function) names none. */
function withField(error: unknown, field: string): unknown {
  if (error instanceof UndefinedResultError && error.field === undefined) {
    return new UndefinedResultError(`${error.message} (while computing field '${field}')`, field, { cause: error });
  }
  if (error instanceof InvalidValueError && error.field === undefined) {
    return new InvalidValueError(`${error.message} (while computing field '${field}')`, field, { cause: error });
  }
  return error;
}

function targetInfo(model: ModelElement, env: CompileEnv): TargetInfo {
  const field = model.MiningSchema.MiningField.find((f) => f.usageType === 'target' || f.usageType === 'predicted');
  const dataField = field === undefined ? undefined : env.dataFields.get(field.name);
  const isFloat = model.mathContext === 'float';
  if (dataField === undefined) {
    return {
      name: field?.name,
      dataType: model.functionName === 'regression' ? (isFloat ? 'float' : 'double') : 'string',
      optype: model.functionName === 'regression' ? 'continuous' : 'categorical',
      categories: [],
    };
  }
  const categories: TypedValue[] = [];
  const displayValues = new Map<ValueKey, string>();
  for (const v of dataField.Value) {
    if (v.property !== 'valid') continue;
    const parsed = parseValue(v.value, dataField.dataType);
    if (parsed === undefined) continue;
    categories.push(parsed);
    if (v.displayValue !== undefined) displayValues.set(valueKey(parsed), v.displayValue);
  }
  return { name: field?.name, dataType: dataField.dataType, optype: field?.optype ?? dataField.optype, categories, displayValues };
}

/**
 * The shared pipeline every model goes through: prepared inputs → local transformations → the model's own
 * evaluator → Targets → Output. `isTopLevel` models read inputs already prepared from the record.
 */
export function compileModel(
  model: ModelElement,
  parentScope: Scope,
  env: CompileEnv,
  kinds: ReadonlyMap<string, ModelKind>,
  isTopLevel: boolean,
  parentTarget?: TargetInfo,
): CompiledModel {
  const kind = kinds.get(model.element);
  if (kind === undefined) {
    throw new InvalidMarkupError(`Model element <${model.element}> has no evaluator (line ${model.line}).`, model.element, model.line);
  }
  const scope = new Scope(parentScope);
  const targetNames: string[] = [];
  let preparesInputs = false;
  for (const field of model.MiningSchema.MiningField) {
    if (field.usageType === 'target' || field.usageType === 'predicted') {
      targetNames.push(field.name);
      continue;
    }
    if (isTopLevel) continue;
    const source = parentScope.resolve(field.name);
    if (source === undefined) continue;
    const get = compileNestedInput(source.get, source.dataType, source.optype, field);
    if (get === source.get) continue;
    scope.define({ ...source, optype: field.optype ?? source.optype, get: cached(env.slots.nextSlot(), get) });
    preparesInputs = true;
  }
  // TransformationDictionary fields are evaluated in the context of the model that refers to them (jpmml):
  // a segment that replaces missing inputs or clamps outliers gets its own copies, computed from its inputs.
  if (preparesInputs && env.globalDerivedFields.length > 0) defineDerivedFields(env.globalDerivedFields, scope, env);
  if (model.LocalTransformations !== undefined) defineDerivedFields(model.LocalTransformations.DerivedField, scope, env);

  // A segment that declares no target predicts its parent's (jpmml resolves the target field through the parent).
  const declaresTarget = targetNames.length > 0;
  const target = !declaresTarget && parentTarget !== undefined && model.functionName !== 'regression' ? parentTarget : targetInfo(model, env);
  const math = model.mathContext === 'float' ? FLOAT_MATH : DOUBLE_MATH;
  const resultScope = new Scope(scope);
  let isTargetTaken = false;
  const exposedOutputs: OutputBinding[] = [];
  const mc: ModelCompileContext = {
    env,
    scope,
    resultScope,
    target,
    math,
    takeAffineTarget() {
      const spec = targetFor(model, target);
      if (spec === undefined || spec.min !== undefined || spec.max !== undefined || spec.castInteger !== undefined) return undefined;
      isTargetTaken = true;
      return { factor: spec.rescaleFactor, constant: spec.rescaleConstant };
    },
    exposeOutputs: (bindings) => exposedOutputs.push(...bindings),
    compileNested: (nested, nestedScope) => compileModel(nested, nestedScope, env, kinds, false, target),
  };
  const score = kind.compile(model, mc);
  const finish = compileTargets(model, target, math, isTargetTaken);
  const predictionSlot = env.slots.nextPrediction();
  const outputs = compileOutputs(model, resultScope, target, predictionSlot, env);
  const predict = finish === undefined ? score : (ctx: EvaluationContext) => finish(score(ctx));
  // Only the model's own OutputFields read its prediction back from the record context.
  const evaluate =
    outputs.length === 0
      ? predict
      : (ctx: EvaluationContext) => {
          const prediction = predict(ctx);
          ctx.predictions[predictionSlot] = prediction;
          return prediction;
        };
  const ownNames = new Set(outputs.map((o) => o.field.name));
  const exposed = exposedOutputs.filter((o) => !ownNames.has(o.field.name));
  return { model, target, targetNames, outputs, exposedOutputs: exposed, evaluate };
}
