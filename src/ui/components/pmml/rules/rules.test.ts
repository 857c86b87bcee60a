import { describe, expect, it } from 'vitest';
import type { RuleSetSpec } from '../../../../engine/model/description.js';
import { ruleSetRows } from './rules.js';

const spec: RuleSetSpec = {
  selectionMethods: ['firstHit'],
  defaultScore: 'none',
  rules: [
    { kind: 'simple', id: 'r1', predicate: 'x < 1', score: 'a', confidence: 1, weight: 1 },
    {
      kind: 'compound',
      predicate: 'y = 1',
      rules: [{ kind: 'simple', id: 'r2', predicate: 'true', score: 'b', confidence: 0.5, weight: 1 }],
    },
  ],
};

describe('ruleSetRows', () => {
  it('flattens the rules depth first with their nesting depth', () => {
    expect(ruleSetRows(spec).rows.map((r) => [r.rule.kind, r.depth])).toEqual([
      ['simple', 0],
      ['compound', 0],
      ['simple', 1],
    ]);
  });

  it('marks fired rules, the compound rules around them, and the winner', () => {
    const { rows, firedCount } = ruleSetRows(spec, { trace: { firedRules: ['r2'], entityId: 'r2' } });
    expect(rows.map((r) => r.fired)).toEqual([false, true, true]);
    expect(rows.map((r) => r.isWinner)).toEqual([false, false, true]);
    expect(firedCount).toBe(1);
  });

  it('says the default applies when the trace has no fired rule', () => {
    const view = ruleSetRows(spec, { trace: { firedRules: [] } });
    expect(view.usedDefault).toBe(true);
    expect(view.rows.some((r) => r.fired)).toBe(false);
  });
});
