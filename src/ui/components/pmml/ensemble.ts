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

/**
 * What a segment's own view should light up: its values, decision path and nested trace, with the record's
 * inputs and derived values from the ensemble (segments test the same fields).
 */
export function segmentPrediction(trace: SegmentTrace | undefined, parent?: StructurePrediction): StructurePrediction | undefined {
  if (!trace || trace.selected === false) return undefined;
  const derivedValues = parent?.trace?.derivedValues;
  return {
    inputs: parent?.inputs,
    values: trace.values,
    decisionPath: trace.decisionPath,
    trace: trace.trace || derivedValues ? { ...trace.trace, derivedValues } : undefined,
  };
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

/**
 * The combination of numeric segment results for the methods that combine numbers (PMML 4.4, MiningModel
 * `multipleModelMethod`: sum, average, weightedSum, weightedAverage, median, weightedMedian, max, min), before any
 * target rescaling; undefined for voting methods, model chains and when a selected segment has no numeric result.
 */
export function combinedValue(method: string, rows: readonly SegmentRow[]): number | undefined {
  const selected = rows.filter((row) => row.trace && row.trace.selected !== false);
  if (selected.length === 0 || selected.some((row) => row.contribution === undefined)) return undefined;
  const values = selected.map((row) => row.contribution! / (row.spec.weight || 1));
  const weights = selected.map((row) => row.spec.weight);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const weighted = sum(values.map((v, i) => v * weights[i]));
  switch (method) {
    case 'sum':
      return sum(values);
    case 'weightedSum':
      return weighted;
    case 'average':
      return sum(values) / values.length;
    case 'weightedAverage':
      return weighted / sum(weights);
    case 'max':
      return Math.max(...values);
    case 'min':
      return Math.min(...values);
    case 'median':
      return median(values);
    default:
      return undefined;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Whether segment weights and weighted results mean anything for a method: "modelChain", "selectFirst" and
 * "selectAll" pass results on or pick segments by predicate and never weigh them (PMML 4.4 MiningModel,
 * `multipleModelMethod`), so their view shows neither weights nor weighted-result bars.
 */
export function weighsSegments(method: string): boolean {
  return method !== 'modelChain' && method !== 'selectFirst' && method !== 'selectAll';
}

/** One sentence saying how the ensemble turns its segments' results into its own. */
export function methodSummary(method: string, count: number): string {
  const segments = `${count} segment${count === 1 ? '' : 's'}`;
  switch (method) {
    case 'modelChain':
      return `${segments} in a chain (modelChain): each segment's outputs are inputs of the next, and the last segment gives the result.`;
    case 'selectFirst':
      return `${segments}; the first whose predicate is true gives the result (selectFirst).`;
    case 'selectAll':
      return `${segments}; every segment whose predicate is true gives a result (selectAll).`;
    default:
      return `${segments} combined by ${method}.`;
  }
}
