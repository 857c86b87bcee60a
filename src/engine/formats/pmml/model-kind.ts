import type { ModelStructure } from '../../model/description.js';
import type { CompileEnv } from './compile-env.js';
import type { EvaluationContext, FieldBinding, Scope } from './context.js';
import type { ValueKey } from './convert.js';
import type { ParseContext } from './parse/reader.js';
import type { Prediction } from './prediction.js';
import type { ValueList } from './result-value.js';
import type { OpType } from './schema/data-dictionary.js';
import type { ModelElement } from './schema/model.js';
import type { OutputField } from './schema/output.js';
import type { DataType, MISSING, TypedValue } from './values.js';
import type { XmlElement } from './xml-reader.js';

/** The target a model predicts: its MiningField (usageType target/predicted) with DataDictionary information. */
export interface TargetInfo {
  readonly name?: string;
  readonly dataType: DataType;
  readonly optype: OpType;
  /** Valid categories declared in the DataDictionary, in document order. */
  readonly categories: readonly TypedValue[];
  /** DataDictionary `Value@displayValue` by category. */
  readonly displayValues?: ReadonlyMap<ValueKey, string>;
}

/** `x-mathContext`: jpmml computes a `float` model in single precision, rounding after every operation. */
export interface MathContext {
  readonly isFloat: boolean;
  readonly dataType: 'float' | 'double';
  readonly round: (x: number) => number;
}

export const DOUBLE_MATH: MathContext = { isFloat: false, dataType: 'double', round: (x) => x };
export const FLOAT_MATH: MathContext = { isFloat: true, dataType: 'float', round: Math.fround };

export interface OutputBinding {
  readonly field: OutputField;
  readonly binding: FieldBinding;
  /**
   * The list-valued result, for fields whose result is a list (multi-valued fields, association itemsets);
   * `binding` then holds the scalar view expressions see.
   */
  readonly list?: (ctx: EvaluationContext) => ValueList | typeof MISSING;
}

/** A model compiled into closures, ready to score records. */
export interface CompiledModel {
  readonly model: ModelElement;
  readonly target: TargetInfo;
  /** Every target of the model (more than one for multi-target ensembles). */
  readonly targetNames: readonly string[];
  readonly outputs: readonly OutputBinding[];
  /** Nested models' OutputFields that are results of this model as well, after its own. */
  readonly exposedOutputs: readonly OutputBinding[];
  /** Scores the record; the result is also kept in the context for output fields. */
  evaluate(ctx: EvaluationContext): Prediction;
}

/** What a model evaluator gets when it is compiled. */
export interface ModelCompileContext {
  readonly env: CompileEnv;
  /** The model's fields: prepared MiningFields, then LocalTransformations. */
  readonly scope: Scope;
  /** Where the model's OutputFields are compiled; an ensemble adds its segments' output fields here. */
  readonly resultScope: Scope;
  readonly target: TargetInfo;
  readonly math: MathContext;
  /**
   * Hands an affine Target (`rescaleFactor`, `rescaleConstant`; no min/max/castInteger) to the evaluator, which
   * applies it itself; Targets then leaves the value alone. `undefined` when the Target is not affine. Lets a
   * boosted ensemble add `factor × tree` to the constant tree by tree, as XGBoost and scikit-learn do.
   */
  takeAffineTarget(): { readonly factor: number; readonly constant: number } | undefined;
  /** Compiles a nested model (Segment, embedded model) whose fields resolve through `scope`. */
  compileNested(model: ModelElement, scope: Scope): CompiledModel;
  /** Makes nested OutputFields results of this model too (jpmml: the last segment's outputs of a model chain). */
  exposeOutputs(outputs: readonly OutputBinding[]): void;
}

/**
 * One PMML model element: how it is parsed, compiled and described. Adding a model type is one module that
 * exports a ModelKind plus one line in `evaluators/index.ts`.
 */
export interface ModelKind<M extends ModelElement = ModelElement> {
  readonly element: string;
  /** Reads the element's own children; `common` holds what every model element has. */
  parse(element: XmlElement, common: ModelElement, ctx: ParseContext): M;
  /** Builds the per-record scoring closure. Report unsupported options with `mc.env.unsupportedFeature`. */
  compile(model: M, mc: ModelCompileContext): (ctx: EvaluationContext) => Prediction;
  describe(model: M, describeNested: (model: ModelElement) => ModelStructure): ModelStructure;
}
