import type { SupportVectorMachineSpec, SupportVectorMachinesSpec } from '../../../../engine/model/description.js';
import type { StructurePrediction } from '../../structure/types.js';

export interface MachineRow {
  readonly spec: SupportVectorMachineSpec;
  /** The machine's f(x) for the current record. */
  readonly decision?: number;
  /** The category it chose for the record. */
  readonly vote?: string;
  /** OneAgainstAll: the machine whose value won; a regression's one machine. */
  readonly isWinner: boolean;
}

export interface SvmRows {
  readonly machines: readonly MachineRow[];
  /** OneAgainstOne: votes per category, most first (ties in the order the votes came). */
  readonly tally: readonly { readonly category: string; readonly votes: number }[];
  /** Largest |f(x) − threshold| of the record, for scaling the bars. */
  readonly scale: number;
}

/**
 * The machines as the view lays them out for the current prediction. PMML 4.4 SVM: OneAgainstOne machines vote
 * and "the category with the maximum number of votes wins"; with OneAgainstAll "the SVM with the largest or the
 * smallest value" (maxWins) determines the class.
 */
export function svmRows(spec: SupportVectorMachinesSpec, prediction?: StructurePrediction): SvmRows {
  const traced = prediction?.trace?.machines;
  const decisions = traced?.length === spec.machines.length ? traced : undefined;
  let winner = -1;
  if (decisions && spec.functionName === 'regression') winner = 0;
  if (decisions && spec.classificationMethod === 'OneAgainstAll') {
    decisions.forEach((d, i) => {
      if (winner < 0 || (spec.maxWins ? d.decision > decisions[winner].decision : d.decision < decisions[winner].decision)) winner = i;
    });
  }
  const machines = spec.machines.map((machine, i): MachineRow => ({
    spec: machine,
    decision: decisions?.[i].decision,
    vote: decisions?.[i].vote,
    isWinner: i === winner,
  }));
  const counts = new Map<string, number>();
  if (spec.classificationMethod === 'OneAgainstOne') for (const m of machines) if (m.vote !== undefined) counts.set(m.vote, (counts.get(m.vote) ?? 0) + 1);
  const tally = [...counts].map(([category, votes]) => ({ category, votes })).sort((a, b) => b.votes - a.votes);
  const scale = Math.max(0, ...machines.map((m) => (m.decision === undefined ? 0 : Math.abs(m.decision - (m.spec.threshold ?? 0)))));
  return { machines, tally, scale };
}
