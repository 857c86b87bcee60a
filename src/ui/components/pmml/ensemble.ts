import type { SegmentSpec } from '../../../engine/model/description.js';
import { formatPrediction } from '../structure/format.js';
import type { PredictionValue, SegmentTrace, StructureOf, StructurePrediction } from '../structure/types.js';

export interface SegmentRow {
  readonly spec: SegmentSpec;
  readonly trace?: SegmentTrace;
  /** The segment's result for the current record, as text (empty when unknown or not selected). */
  readonly valueText: string;
  /** `weight × value` for numeric results, the segment's share in sum/average style combinations. */
  readonly contribution?: number;
}

function mainValue(trace: SegmentTrace | undefined): PredictionValue {
  if (!trace) return undefined;
  if (trace.value !== undefined) return trace.value;
  const values = trace.values ? Object.values(trace.values) : [];
  return values[0];
}

/** The ensemble's segments joined with what each produced for the current record. */
export function segmentRows(structure: StructureOf<'ensemble'>, prediction?: StructurePrediction): SegmentRow[] {
  const traces = new Map((prediction?.trace?.segments ?? []).map((t) => [t.id, t]));
  return structure.segments.map((spec) => {
    const trace = traces.get(spec.id);
    const value = trace?.selected === false ? undefined : mainValue(trace);
    return {
      spec,
      trace,
      valueText: value === undefined ? '' : formatPrediction(value),
      contribution: typeof value === 'number' ? spec.weight * value : undefined,
    };
  });
}

/** What a segment's own view should light up: its values, decision path and nested trace. */
export function segmentPrediction(trace: SegmentTrace | undefined): StructurePrediction | undefined {
  if (!trace || trace.selected === false) return undefined;
  return { values: trace.values, decisionPath: trace.decisionPath, trace: trace.trace };
}

/**
 * How the segments' categorical results split: one entry per distinct result with the number of segments and
 * their summed weight (what majorityVote and weightedMajorityVote count), largest first.
 */
export function voteTally(rows: readonly SegmentRow[]): { readonly value: string; readonly count: number; readonly weight: number }[] {
  const tally = new Map<string, { count: number; weight: number }>();
  for (const row of rows) {
    if (row.valueText === '' || row.contribution !== undefined) continue;
    const entry = tally.get(row.valueText) ?? { count: 0, weight: 0 };
    entry.count += 1;
    entry.weight += row.spec.weight;
    tally.set(row.valueText, entry);
  }
  return [...tally].map(([value, e]) => ({ value, ...e })).sort((a, b) => b.weight - a.weight || b.count - a.count);
}
