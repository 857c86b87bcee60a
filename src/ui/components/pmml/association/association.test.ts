import { describe, expect, it } from 'vitest';
import type { AssociationSpec } from '../../../../engine/model/description.js';
import { associationRows } from './association.js';

const spec: AssociationSpec = {
  itemCount: 3,
  rules: [
    { id: '1', antecedent: ['beer'], consequent: ['chips'], support: 0.2, confidence: 0.6, lift: 1.5 },
    { id: '2', antecedent: ['wine'], consequent: ['cheese'], support: 0.1, confidence: 0.5, lift: 2.5 },
    { id: '3', antecedent: ['beer'], consequent: ['nuts'], support: 0.1, confidence: 0.4 },
  ],
};

describe('associationRows', () => {
  it('puts the rules the basket triggers first: those it recommends, then those it already holds', () => {
    const view = associationRows(spec, { trace: { ruleMatches: { antecedent: [true, false, true], consequent: [true, false, false] } } });
    expect(view.rows.map((r) => [r.rule.id, r.state])).toEqual([
      ['3', 'recommends'],
      ['1', 'holds'],
      ['2', 'idle'],
    ]);
    expect(view.recommending).toBe(1);
    expect(view.maxLift).toBe(2.5);
  });

  it('lists the rules in document order without states before a basket is traced', () => {
    const view = associationRows(spec);
    expect(view.isTraced).toBe(false);
    expect(view.rows.map((r) => [r.rule.id, r.state])).toEqual([
      ['1', undefined],
      ['2', undefined],
      ['3', undefined],
    ]);
  });
});
