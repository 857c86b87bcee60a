import { InvalidMarkupError, type UnsupportedFeature } from '../../errors.js';
import { SlotAllocator, type FieldBinding, type EvaluationContext, type Scope } from './context.js';
import { RecordHistory } from './lag.js';
import type { DataField } from './schema/data-dictionary.js';
import type { DerivedField } from './schema/transformations.js';
import type { DataType, Value } from './values.js';

/** A DefineFunction compiled to a closure over its parameter values. */
export interface UserFunction {
  readonly name: string;
  readonly arity: number;
  readonly dataType?: DataType;
  call(ctx: EvaluationContext, args: readonly Value[]): Value;
}

/**
 * Everything shared while one document is compiled: slot numbering, the DataDictionary, DefineFunctions,
 * and the list of unsupported features found on the way (reported together after compiling).
 */
export class CompileEnv {
  readonly slots = new SlotAllocator();
  readonly functions = new Map<string, UserFunction>();
  readonly unsupported: UnsupportedFeature[] = [];
  /** Earlier records' values for `Lag`; empty unless the document uses Lag. */
  readonly history = new RecordHistory();

  constructor(
    readonly dataFields: ReadonlyMap<string, DataField>,
    /** The TransformationDictionary's DerivedFields, re-instantiated by models that prepare inputs differently. */
    readonly globalDerivedFields: readonly DerivedField[] = [],
  ) {}

  unsupportedFeature(element: string, line: number, message: string, attribute?: string, value?: string): void {
    this.unsupported.push({ element, line, message, attribute, value });
  }

  /** Resolves a field reference or fails the load: every name must be known before scoring starts. */
  resolve(scope: Scope, name: string, element: string, line: number): FieldBinding {
    const binding = scope.resolve(name);
    if (binding === undefined) {
      throw new InvalidMarkupError(`Field '${name}' referenced by <${element}> is not defined (line ${line}).`, element, line);
    }
    return binding;
  }
}
