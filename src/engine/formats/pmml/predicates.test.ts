import { describe, expect, it } from 'vitest';
import { CompileEnv } from './compile-env.js';
import { EvaluationContext, Scope } from './context.js';
import { parsePredicate } from './parse/predicates.js';
import { ParseContext } from './parse/reader.js';
import { compilePredicate, type Truth } from './predicates.js';
import type { DataType, Value } from './values.js';
import { readXml } from './xml-reader.js';

/** Evaluates predicate markup over fields a (double) and c (string); `undefined` stands for missing. */
function truth(markup: string, record: { a?: number; c?: string }): Truth {
  const scope = new Scope();
  const field = (name: 'a' | 'c', dataType: DataType) =>
    scope.define({
      name,
      dataType,
      optype: dataType === 'string' ? 'categorical' : 'continuous',
      get: (ctx): Value => {
        const raw = ctx.record[name];
        return raw === undefined || raw === null ? null : { dataType, value: raw as number | string };
      },
    });
  field('a', 'double');
  field('c', 'string');
  const predicate = compilePredicate(parsePredicate(readXml(markup), new ParseContext()), scope, new CompileEnv(new Map()));
  return predicate(new EvaluationContext(record, 0, 0));
}

const LESS = '<SimplePredicate field="a" operator="lessThan" value="5"/>';
const IS_X = '<SimplePredicate field="c" operator="equal" value="x"/>';
const compound = (operator: string, ...parts: string[]) => `<CompoundPredicate booleanOperator="${operator}">${parts.join('')}</CompoundPredicate>`;

describe('SimplePredicate', () => {
  it.each([
    ['equal', 5, true],
    ['notEqual', 5, false],
    ['lessThan', 4, true],
    ['lessOrEqual', 5, true],
    ['greaterThan', 5, false],
    ['greaterOrEqual', 5, true],
  ] as const)('%s compares numerically', (operator, a, expected) => {
    expect(truth(`<SimplePredicate field="a" operator="${operator}" value="5.0"/>`, { a })).toBe(expected);
  });

  it('is unknown when the field is missing', () => {
    expect(truth(LESS, {})).toBeUndefined();
  });

  it('tests missingness with isMissing and isNotMissing', () => {
    expect(truth('<SimplePredicate field="a" operator="isMissing"/>', {})).toBe(true);
    expect(truth('<SimplePredicate field="a" operator="isNotMissing"/>', {})).toBe(false);
  });
});

describe('SimpleSetPredicate', () => {
  const set = (operator: string) =>
    `<SimpleSetPredicate field="c" booleanOperator="${operator}"><Array type="string">x "y z" "q\\"r"</Array></SimpleSetPredicate>`;

  it('reads quoted Array entries', () => {
    expect(truth(set('isIn'), { c: 'y z' })).toBe(true);
    expect(truth(set('isIn'), { c: 'q"r' })).toBe(true);
  });

  it('negates with isNotIn and is unknown for missing values', () => {
    expect(truth(set('isNotIn'), { c: 'x' })).toBe(false);
    expect(truth(set('isNotIn'), {})).toBeUndefined();
  });

  it('matches numbers by value', () => {
    expect(truth('<SimpleSetPredicate field="a" booleanOperator="isIn"><Array type="int">1 2</Array></SimpleSetPredicate>', { a: 2 })).toBe(true);
  });
});

describe('CompoundPredicate', () => {
  it('and: false wins over unknown, unknown over true', () => {
    expect(truth(compound('and', LESS, IS_X), { c: 'y' })).toBe(false);
    expect(truth(compound('and', LESS, IS_X), { c: 'x' })).toBeUndefined();
    expect(truth(compound('and', LESS, IS_X), { a: 1, c: 'x' })).toBe(true);
  });

  it('or: true wins over unknown, unknown over false', () => {
    expect(truth(compound('or', LESS, IS_X), { c: 'x' })).toBe(true);
    expect(truth(compound('or', LESS, IS_X), { c: 'y' })).toBeUndefined();
    expect(truth(compound('or', LESS, IS_X), { a: 9, c: 'y' })).toBe(false);
  });

  it('xor: unknown when any part is unknown', () => {
    expect(truth(compound('xor', LESS, IS_X), { a: 1, c: 'x' })).toBe(false);
    expect(truth(compound('xor', LESS, IS_X), { a: 1, c: 'y' })).toBe(true);
    expect(truth(compound('xor', LESS, IS_X), { c: 'y' })).toBeUndefined();
  });

  it('surrogate: the first part that is not unknown decides', () => {
    expect(truth(compound('surrogate', LESS, IS_X), { c: 'x' })).toBe(true);
    expect(truth(compound('surrogate', LESS, IS_X), { a: 9, c: 'x' })).toBe(false);
    expect(truth(compound('surrogate', LESS, IS_X), {})).toBeUndefined();
  });

  it('True and False are constants', () => {
    expect(truth('<True/>', {})).toBe(true);
    expect(truth('<False/>', {})).toBe(false);
  });
});
