import type { AssociationSpec } from '../../../../engine/model/description.js';
import type { StructurePrediction } from '../../structure/types.js';

export type RuleState = 'recommends' | 'holds' | 'idle';

export interface AssociationRow {
  readonly rule: AssociationSpec['rules'][number];
  /**
   * For the current basket: `recommends` when it holds the antecedent but not the whole consequent (the rule
   * suggests the rest), `holds` when it holds both, `idle` when it lacks the antecedent.
   */
  readonly state?: RuleState;
}

export interface AssociationRows {
  readonly rows: readonly AssociationRow[];
  readonly isTraced: boolean;
  readonly recommending: number;
  /** Largest lift of the rules, for scaling its bars (1 when no rule has one). */
  readonly maxLift: number;
}

/** The rules joined with what the current basket makes of them; recommendations first when a basket is known. */
export function associationRows(spec: AssociationSpec, prediction?: StructurePrediction): AssociationRows {
  const matches = prediction?.trace?.ruleMatches;
  const isTraced = matches !== undefined && matches.antecedent.length === spec.rules.length;
  const rows = spec.rules.map((rule, i): AssociationRow => {
    if (!isTraced) return { rule };
    const state: RuleState = !matches.antecedent[i] ? 'idle' : matches.consequent[i] ? 'holds' : 'recommends';
    return { rule, state };
  });
  const order: Record<RuleState, number> = { recommends: 0, holds: 1, idle: 2 };
  // Within a group, the document's order (producers write rules by confidence or support).
  const sorted = isTraced ? rows.map((row, i) => ({ row, i })).sort((a, b) => order[a.row.state!] - order[b.row.state!] || a.i - b.i).map((x) => x.row) : rows;
  return {
    rows: sorted,
    isTraced,
    recommending: rows.filter((r) => r.state === 'recommends').length,
    maxLift: Math.max(1, ...spec.rules.map((r) => r.lift ?? 0)),
  };
}
