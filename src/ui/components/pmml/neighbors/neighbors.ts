import type { NeighborsSpec } from '../../../../engine/model/description.js';
import { formatPrediction } from '../../structure/format.js';
import type { PredictionValue, StructurePrediction } from '../../structure/types.js';

export interface NeighborColumn {
  readonly field: string;
  /** A KNNInput: the record is compared on it. Other columns are targets or the instance id. */
  readonly isInput: boolean;
  /** The record's value of an input field, when known. */
  readonly recordValue?: PredictionValue;
}

export interface NeighborRow {
  readonly rank: number;
  readonly id: string;
  readonly affinity: number;
  /** `nearest / distance` (or `similarity / best`) in [0, 1]: 1 for the nearest instance. */
  readonly closeness: number;
  readonly values: Readonly<Record<string, string | null>>;
}

/**
 * The nearest instances of the current prediction as table rows, with the instance fields as columns (inputs first,
 * then targets and other fields) and the record's own input values beside them.
 */
export function neighborRows(spec: NeighborsSpec, prediction?: StructurePrediction): { columns: NeighborColumn[]; rows: NeighborRow[] } {
  const known = { ...prediction?.inputs, ...prediction?.trace?.derivedValues };
  const inputs = new Set(spec.inputs);
  const fields = [...spec.instanceFields.filter((f) => inputs.has(f)), ...spec.instanceFields.filter((f) => !inputs.has(f))];
  const columns = fields.map((field): NeighborColumn => ({ field, isInput: inputs.has(field), recordValue: inputs.has(field) ? known[field] : undefined }));
  const neighbors = prediction?.trace?.neighbors ?? [];
  const isSimilarity = spec.measureKind === 'similarity';
  const best = neighbors[0]?.affinity ?? 0;
  const rows = neighbors.map((n, i): NeighborRow => {
    const [part, whole] = isSimilarity ? [n.affinity, best] : [best, n.affinity];
    return { rank: i + 1, id: n.id, affinity: n.affinity, closeness: whole <= 0 ? 1 : Math.max(0, Math.min(1, part / whole)), values: n.values };
  });
  return { columns, rows };
}

/** An instance cell as the table prints it: numbers (stored as text in the document) to 6 significant digits. */
export function cellText(value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const number = value.trim() === '' ? NaN : Number(value);
  return Number.isFinite(number) ? formatPrediction(number) : value;
}
