import { describe, expect, it } from 'vitest';
import { InvalidValueError } from '../../../errors.js';
import { lookupBuiltin } from './registry.js';
import { bool, call, int, result, str } from './test-helpers.js';

describe('and, or, not', () => {
  it('combines two or more booleans', () => {
    expect(result('and', bool(true), bool(true), bool(true))).toEqual(bool(true));
    expect(result('and', bool(true), bool(false))).toEqual(bool(false));
    expect(result('or', bool(false), bool(false), bool(true))).toEqual(bool(true));
    expect(result('or', bool(false), bool(false))).toEqual(bool(false));
  });

  it('negates', () => {
    expect(result('not', bool(false))).toEqual(bool(true));
  });

  it('reads numbers as booleans', () => {
    expect(result('and', int(1), int(2))).toEqual(bool(true));
    expect(result('not', int(0))).toEqual(bool(true));
  });

  it('rejects text that is not a boolean', () => {
    expect(() => call('not', str('maybe'))).toThrow(InvalidValueError);
  });

  it('returns missing when an operand is missing', () => {
    expect(call('and', bool(true), null)).toBeNull();
  });
});

describe('if', () => {
  it('returns the then-branch for a true condition', () => {
    expect(result('if', bool(true), str('left'))).toEqual(str('left'));
    expect(result('if', bool(true), str('left'), str('right'))).toEqual(str('left'));
  });

  it('returns the else-branch, or missing without one, for a false condition', () => {
    expect(result('if', bool(false), str('left'), str('right'))).toEqual(str('right'));
    expect(call('if', bool(false), str('left'))).toBeNull();
  });

  it('returns missing for a missing condition', () => {
    expect(lookupBuiltin('if')?.isMissingTolerant).toBe(true);
    expect(call('if', null, str('left'), str('right'))).toBeNull();
  });

  it('passes a missing branch value through', () => {
    expect(call('if', bool(false), str('left'), null)).toBeNull();
  });
});

describe('isMissing, isNotMissing, isValid, isNotValid', () => {
  it('tests for the missing value', () => {
    expect(result('isMissing', null)).toEqual(bool(true));
    expect(result('isMissing', str('value'))).toEqual(bool(false));
    expect(result('isNotMissing', str('value'))).toEqual(bool(true));
    expect(result('isNotMissing', null)).toEqual(bool(false));
  });

  it('treats present values as valid at the function level', () => {
    expect(result('isValid', int(1))).toEqual(bool(true));
    expect(result('isValid', null)).toEqual(bool(false));
    expect(result('isNotValid', null)).toEqual(bool(true));
  });
});

describe('coalesce', () => {
  it('returns the first present argument', () => {
    expect(result('coalesce', null, int(2), int(3))).toEqual(int(2));
  });

  it('returns missing when all arguments are missing', () => {
    expect(call('coalesce', null, null)).toBeNull();
  });
});
