import type { CharacteristicSpec, ScorecardSpec } from '../../../../engine/model/description.js';
import type { StructurePrediction } from '../../structure/types.js';

export interface CharacteristicRow {
  readonly spec: CharacteristicSpec;
  /** Index of the attribute that matched the current record. */
  readonly matched?: number;
  /** The matched attribute's partial score for the record. */
  readonly points?: number;
}

export interface ReasonRow {
  readonly code: string;
  /** 1-based rank in the prediction's reason codes. */
  readonly rank: number;
  /** Summed points difference from the baselines behind this code (`pointsAbove`/`pointsBelow`). */
  readonly points?: number;
}

export interface ScorecardRows {
  readonly characteristics: readonly CharacteristicRow[];
  /** `initialScore` plus every matched partial score, when every characteristic matched. */
  readonly total?: number;
  readonly reasons: readonly ReasonRow[];
  /** Largest |points| among characteristics and reasons, for scaling bars. */
  readonly scale: number;
}

/**
 * The scorecard as the view lays it out for the current prediction: each characteristic with its matched attribute
 * and points (from the trace), the total, and the ranked reason codes with the points that put them there —
 * PMML Scorecard: "pointsAbove: partialScore − baselineScore", "pointsBelow: baselineScore − partialScore".
 */
export function scorecardRows(spec: ScorecardSpec, prediction?: StructurePrediction): ScorecardRows {
  const matched = prediction?.trace?.attributes;
  const characteristics = spec.characteristics.map((c, i): CharacteristicRow => ({ spec: c, matched: matched?.[i]?.index, points: matched?.[i]?.points }));
  const isComplete = matched !== undefined && matched.length === spec.characteristics.length;
  const total = isComplete ? characteristics.reduce((sum, c) => sum + (c.points ?? 0), spec.initialScore) : undefined;
  const byCode = new Map<string, number>();
  if (spec.reasonCodeAlgorithm !== undefined) {
    for (const row of characteristics) {
      if (row.matched === undefined || row.points === undefined) continue;
      const code = row.spec.attributes[row.matched]?.reasonCode ?? row.spec.reasonCode;
      if (code === undefined) continue;
      const baseline = row.spec.baselineScore ?? 0;
      const difference = spec.reasonCodeAlgorithm === 'pointsAbove' ? row.points - baseline : baseline - row.points;
      byCode.set(code, (byCode.get(code) ?? 0) + difference);
    }
  }
  const reasons = (prediction?.trace?.reasonCodes ?? []).map((code, i): ReasonRow => ({ code, rank: i + 1, points: byCode.get(code) }));
  const scale = Math.max(1e-12, ...characteristics.map((c) => Math.abs(c.points ?? 0)), ...reasons.map((r) => Math.abs(r.points ?? 0)));
  return { characteristics, total, reasons, scale };
}
