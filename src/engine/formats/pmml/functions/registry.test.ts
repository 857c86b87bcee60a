import { describe, expect, it } from 'vitest';
import { InvalidMarkupError } from '../../../errors.js';
import { arityProblem, builtinNames, checkArity, lookupBuiltin } from './registry.js';

const PMML_44_FUNCTIONS = [
  '+', '-', '*', '/', 'min', 'max', 'sum', 'avg', 'median', 'product',
  'log10', 'ln', 'sqrt', 'abs', 'exp', 'pow', 'threshold', 'floor', 'ceil', 'round', 'modulo',
  'isMissing', 'isNotMissing', 'isValid', 'isNotValid',
  'equal', 'notEqual', 'lessThan', 'lessOrEqual', 'greaterThan', 'greaterOrEqual', 'and', 'or', 'not',
  'isIn', 'isNotIn', 'if', 'uppercase', 'lowercase', 'stringLength', 'substring', 'trimBlanks', 'concat',
  'replace', 'matches', 'formatNumber', 'formatDatetime', 'dateDaysSinceYear', 'dateSecondsSinceYear',
  'dateSecondsSinceMidnight', 'normalCDF', 'normalPDF', 'stdNormalCDF', 'stdNormalPDF', 'erf', 'normalIDF',
  'stdNormalIDF', 'expm1', 'hypot', 'ln1p', 'rint', 'sin', 'asin', 'sinh', 'cos', 'acos', 'cosh', 'tan', 'atan', 'tanh',
];

describe('built-in function registry', () => {
  it('registers every function of the PMML 4.4 built-in functions chapter', () => {
    const missing = PMML_44_FUNCTIONS.filter((name) => lookupBuiltin(name) === undefined);
    expect(missing).toEqual([]);
  });

  it('registers each entry under its own name', () => {
    for (const name of PMML_44_FUNCTIONS) expect(lookupBuiltin(name)?.name).toBe(name);
  });

  it('maps the x- names of JPMML 1.4 to the standard implementations', () => {
    expect(lookupBuiltin('x-ln1p')).toBe(lookupBuiltin('ln1p'));
    expect(lookupBuiltin('x-atan2')).toBe(lookupBuiltin('atan2'));
    expect(lookupBuiltin('x-tanh')).toBe(lookupBuiltin('tanh'));
  });

  it('returns undefined for unknown names', () => {
    expect(lookupBuiltin('noSuchFunction')).toBeUndefined();
    expect(lookupBuiltin('toString')).toBeUndefined();
  });

  it('freezes its entries', () => {
    expect(Object.isFrozen(lookupBuiltin('+'))).toBe(true);
  });

  it('lists standard names and aliases', () => {
    expect(builtinNames()).toContain('stdNormalIDF');
    expect(builtinNames()).toContain('x-expm1');
  });

  it('declares missing-value tolerance as data', () => {
    expect(lookupBuiltin('isMissing')?.isMissingTolerant).toBe(true);
    expect(lookupBuiltin('coalesce')?.isMissingTolerant).toBe(true);
    expect(lookupBuiltin('sum')?.isMissingTolerant).toBe(true);
    expect(lookupBuiltin('+')?.isMissingTolerant).toBe(false);
    expect(lookupBuiltin('equal')?.isMissingTolerant).toBe(false);
  });

  it('accepts argument counts within the arity', () => {
    expect(arityProblem(lookupBuiltin('+')!, 2)).toBeUndefined();
    expect(arityProblem(lookupBuiltin('if')!, 3)).toBeUndefined();
    expect(arityProblem(lookupBuiltin('concat')!, 7)).toBeUndefined();
  });

  it('describes argument counts outside the arity in a sentence', () => {
    expect(arityProblem(lookupBuiltin('+')!, 3)).toBe("Function '+' takes 2 arguments but is given 3.");
    expect(arityProblem(lookupBuiltin('if')!, 1)).toBe("Function 'if' takes between 2 and 3 arguments but is given 1.");
    expect(arityProblem(lookupBuiltin('isIn')!, 1)).toBe("Function 'isIn' takes at least 2 arguments but is given 1.");
    expect(arityProblem(lookupBuiltin('not')!, 0)).toBe("Function 'not' takes 1 argument but is given 0.");
  });

  it('reports a wrong argument count as invalid markup of the Apply', () => {
    expect(() => checkArity(lookupBuiltin('substring')!, 2)).toThrow(InvalidMarkupError);
  });
});
