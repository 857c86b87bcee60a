import type { ClusteringSpec } from '../../../../engine/model/description.js';
import type { PredictionValue, StructurePrediction } from '../../structure/types.js';

export interface ClusterRow {
  readonly id: string;
  readonly name?: string;
  readonly size?: number;
  readonly center: readonly number[];
  /** Distance or similarity of the current record to the cluster's centre. */
  readonly affinity?: number;
  /** 1-based rank among the clusters for the current record (1 = the assigned cluster). */
  readonly rank?: number;
  /** How close, in [0, 1]: 1 for the nearest (most similar) cluster, `nearest / distance` (`similarity / best`) for the rest. */
  readonly closeness?: number;
}

export interface FieldRange {
  readonly field: string;
  readonly min: number;
  readonly max: number;
  /** The record's value of the field, when known. */
  readonly value?: number;
}

export interface ClusteringRows {
  readonly clusters: readonly ClusterRow[];
  /** Per centre field, the range of the centres (and the record's value), for drawing positions on a scale. */
  readonly fields: readonly FieldRange[];
  readonly winner?: string;
}

function asNumber(value: PredictionValue): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

/**
 * Clusters with their centres and the current record's affinity to each (from the traced ranking), ranked so
 * that the assigned cluster comes first; per field the span of the centres and the record's value on it.
 */
export function clusteringRows(spec: ClusteringSpec, prediction?: StructurePrediction): ClusteringRows {
  const ranking = prediction?.trace?.ranking;
  const ranks = new Map(ranking?.map((r, i) => [r.id, { rank: i + 1, affinity: r.affinity }]));
  const affinities = ranking?.map((r) => r.affinity).filter(Number.isFinite) ?? [];
  const isSimilarity = spec.measureKind === 'similarity';
  const best = isSimilarity ? Math.max(...affinities) : Math.min(...affinities);
  const ratio = (affinity: number) => {
    const [part, whole] = isSimilarity ? [affinity, best] : [best, affinity];
    return whole <= 0 ? 1 : Math.max(0, Math.min(1, part / whole));
  };
  const clusters = spec.clusters.map((cluster): ClusterRow => {
    const ranked = ranks.get(cluster.id);
    const closeness = ranked === undefined || !Number.isFinite(ranked.affinity) ? undefined : ratio(ranked.affinity);
    return { ...cluster, affinity: ranked?.affinity, rank: ranked?.rank, closeness };
  });
  const known = { ...prediction?.inputs, ...prediction?.trace?.derivedValues };
  const fields = spec.fields.map((field, f): FieldRange => {
    const value = asNumber(known[field]);
    const coordinates = spec.clusters.map((c) => c.center[f]).filter((x): x is number => x !== undefined && Number.isFinite(x));
    return { field, min: Math.min(...coordinates, value ?? Infinity), max: Math.max(...coordinates, value ?? -Infinity), value };
  });
  return { clusters, fields, winner: ranking?.[0]?.id ?? prediction?.trace?.entityId };
}

/** Where `x` sits on the field's scale, in [0, 1] (the middle when every centre has the same coordinate). */
export function position(range: FieldRange, x: number): number {
  return range.max > range.min ? (x - range.min) / (range.max - range.min) : 0.5;
}
