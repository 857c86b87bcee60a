import { describe, expect, it } from 'vitest';
import { InvalidMarkupError, InvalidValueError, UnsupportedMarkupError, isEngineError } from '../../../errors.js';
import type { Value } from '../values.js';
import { arityProblem, builtinNames, checkArity, constantArgumentProblem, lookupBuiltin } from './registry.js';

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

describe('load-time checks of constant arguments', () => {
  const text = (value: string) => ({ dataType: 'string' as const, value });

  it('accepts usable constant patterns and computed arguments', () => {
    expect(constantArgumentProblem(lookupBuiltin('replace')!, [undefined, text('a(b)'), text('$1')])).toBeUndefined();
    expect(constantArgumentProblem(lookupBuiltin('formatNumber')!, [undefined, text('%5.2f')])).toBeUndefined();
    expect(constantArgumentProblem(lookupBuiltin('formatDatetime')!, [undefined, text('%Y-%m-%d')])).toBeUndefined();
    expect(constantArgumentProblem(lookupBuiltin('matches')!, [undefined, undefined])).toBeUndefined();
    expect(constantArgumentProblem(lookupBuiltin('+')!, [undefined, undefined])).toBeUndefined();
  });

  it('reports invalid and untranslatable regular expressions and replacements', () => {
    expect(constantArgumentProblem(lookupBuiltin('matches')!, [undefined, text('a{2')])).toBeInstanceOf(InvalidValueError);
    expect(constantArgumentProblem(lookupBuiltin('matches')!, [undefined, text('\\p{InGreek}')])).toBeInstanceOf(UnsupportedMarkupError);
    expect(constantArgumentProblem(lookupBuiltin('replace')!, [undefined, text('(a)'), text('$2')])).toBeInstanceOf(InvalidValueError);
  });

  it('reports unusable format patterns', () => {
    expect(constantArgumentProblem(lookupBuiltin('formatNumber')!, [undefined, text('%q')])).toBeInstanceOf(InvalidValueError);
    expect(constantArgumentProblem(lookupBuiltin('formatDatetime')!, [undefined, text('%Q%E')])).toBeInstanceOf(InvalidValueError);
  });
});

describe('every registered function', () => {
  const samples: Value[] = [
    null,
    { dataType: 'integer', value: 3 },
    { dataType: 'double', value: -0.5 },
    { dataType: 'float', value: Math.fround(1e10) },
    { dataType: 'string', value: 'a(b' },
    { dataType: 'string', value: '2' },
    { dataType: 'boolean', value: true },
    { dataType: 'date', value: -1 },
    { dataType: 'dateTime', value: 86_399.5 },
    { dataType: 'double', value: NaN },
  ];

  function* argumentLists(count: number): Generator<Value[]> {
    if (count === 0) {
      yield [];
      return;
    }
    for (const rest of argumentLists(count - 1)) for (const sample of samples) yield [...rest, sample];
  }

  it('returns a value or throws an engine error for any typed arguments of a fitting count', () => {
    const failures: string[] = [];
    for (const name of builtinNames()) {
      const fn = lookupBuiltin(name)!;
      const [min, max] = typeof fn.arity === 'number' ? [fn.arity, fn.arity] : fn.arity;
      for (let count = min; count <= Math.min(max, 3); count++) {
        for (const args of argumentLists(count)) {
          if (!fn.isMissingTolerant && args.includes(null)) continue;
          try {
            const value = fn.apply(args);
            if (value !== null && (typeof value !== 'object' || !('dataType' in value))) failures.push(`${name} returned ${String(value)}`);
          } catch (error) {
            if (!isEngineError(error)) failures.push(`${name}(${args.map((a) => JSON.stringify(a)).join(', ')}) threw ${String(error)}`);
          }
        }
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });
});
