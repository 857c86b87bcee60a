import { describe, expect, it } from 'vitest';
import { CliError } from './cli-error.js';
import { groupRecords, toRecord } from './group-records.js';

describe('toRecord', () => {
  it('keys each cell by its column name', () => {
    expect(toRecord(['a', 'b'], ['1', null])).toEqual({ a: '1', b: null });
  });
});

describe('groupRecords', () => {
  const header = ['transaction', 'item', 'store'];

  it('makes one record per group value, in the order of first appearance', () => {
    const groups = groupRecords(header, [['t2', 'milk', 's1'], ['t1', 'bread', 's1'], ['t2', 'eggs', 's2']], 'transaction');
    expect(groups.map((group) => group.groupValue)).toEqual(['t2', 't1']);
  });

  it('collects the other columns of a group into lists, leaving missing cells out', () => {
    const groups = groupRecords(header, [['t1', 'milk', null], ['t1', null, 's1'], ['t1', 'eggs', 's2']], 'transaction');
    expect(groups[0].record).toEqual({ transaction: 't1', item: ['milk', 'eggs'], store: ['s1', 's2'] });
  });

  it('groups rows whose group value is missing together', () => {
    const groups = groupRecords(header, [[null, 'milk', 's1'], [null, 'eggs', 's1']], 'transaction');
    expect(groups).toEqual([{ groupValue: null, record: { transaction: null, item: ['milk', 'eggs'], store: ['s1', 's1'] } }]);
  });

  it('rejects input without a column for the group field', () => {
    expect(() => groupRecords(['item'], [['milk']], 'transaction')).toThrow(CliError);
  });
});
