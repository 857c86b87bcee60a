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
