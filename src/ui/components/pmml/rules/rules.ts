import type { RuleSetSpec, RuleSpec } from '../../../../engine/model/description.js';
import type { StructurePrediction } from '../../structure/types.js';

/** One line of the rule list: a rule at its nesting depth, with what the current record did to it. */
export interface RuleRow {
  readonly rule: RuleSpec;
  readonly depth: number;
  /** SimpleRule: it fired. CompoundRule: a rule inside it fired, so its predicate held. */
  readonly fired: boolean;
  /** The SimpleRule the selection method picked. */
  readonly isWinner: boolean;
}

export interface RuleSetRows {
  readonly rows: readonly RuleRow[];
  readonly firedCount: number;
  /** Whether the record was scored with a trace that says which rules fired. */
  readonly isTraced: boolean;
  /** No rule fired and the rule set's default score is the result. */
  readonly usedDefault: boolean;
}

/**
 * Flattens the rule tree depth-first (the order `firstHit` walks it), marking the rules that fired for the current
 * record and the one whose score won.
 */
export function ruleSetRows(spec: RuleSetSpec, prediction?: StructurePrediction): RuleSetRows {
  const firedRules = prediction?.trace?.firedRules;
  const fired = new Set(firedRules);
  const winner = firedRules !== undefined && firedRules.length > 0 ? prediction?.trace?.entityId : undefined;
  const rows: RuleRow[] = [];
  const walk = (rules: readonly RuleSpec[], depth: number): boolean => {
    let anyFired = false;
    for (const rule of rules) {
      if (rule.kind === 'simple') {
        const isFired = fired.has(rule.id);
        rows.push({ rule, depth, fired: isFired, isWinner: rule.id === winner });
        anyFired ||= isFired;
      } else {
        const at = rows.length;
        rows.push({ rule, depth, fired: false, isWinner: false });
        const inner = walk(rule.rules, depth + 1);
        rows[at] = { ...rows[at], fired: inner };
        anyFired ||= inner;
      }
    }
    return anyFired;
  };
  walk(spec.rules, 0);
  return { rows, firedCount: fired.size, isTraced: firedRules !== undefined, usedDefault: firedRules !== undefined && firedRules.length === 0 };
}
