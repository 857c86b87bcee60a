/**
 * PMML 4.4, Built-in Functions, "and, or", "not", "if", "isMissing, isNotMissing, isValid, isNotValid",
 * and `coalesce` (a common extension: the first present argument).
 */
import { MISSING, type Value } from '../values.js';
import { strict, tolerant, type BuiltinFunction } from './builtin.js';
import { asBoolean, boolean, present } from './coerce.js';

/** and/or over two or more booleans; a missing operand makes the Apply missing (jpmml `LogicalFunction`). */
function logical(name: string, combine: (x: boolean, y: boolean) => boolean): BuiltinFunction {
  return strict(name, [2, Infinity], (args: readonly Value[]) => {
    let result = asBoolean(present(args, 0, name), name);
    for (let i = 1; i < args.length; i++) result = combine(result, asBoolean(present(args, i, name), name));
    return boolean(result);
  });
}

/**
 * if(condition, then, else?). PMML 4.4: "The ELSE part is optional. If the ELSE part is absent, then a
 * missing value is returned" when the condition is false; a missing condition gives a missing value.
 */
const ifFunction = tolerant('if', [2, 3], (args) => {
  const condition = args[0];
  if (condition === MISSING) return MISSING;
  if (asBoolean(condition, 'if')) return args[1] ?? MISSING;
  return args.length > 2 ? args[2] : MISSING;
});

/**
 * A function of whether its argument is missing. At this level a value is invalid only when it is
 * missing: the interpreter has already applied the field's invalidValueTreatment, which turns an invalid
 * input into a missing one or stops the evaluation.
 */
function presence(name: string, whenMissing: boolean): BuiltinFunction {
  return tolerant(name, 1, (args) => boolean(args[0] === MISSING ? whenMissing : !whenMissing));
}

const coalesce = tolerant('coalesce', [1, Infinity], (args) => args.find((arg) => arg !== MISSING) ?? MISSING);

export const booleanFunctions: readonly BuiltinFunction[] = [
  logical('and', (x, y) => x && y),
  logical('or', (x, y) => x || y),
  strict('not', 1, (args) => boolean(!asBoolean(present(args, 0, 'not'), 'not'))),
  ifFunction,
  presence('isMissing', true),
  presence('isNotMissing', false),
  presence('isValid', false),
  presence('isNotValid', true),
  coalesce,
];
