import type { NaiveBayesSpec } from '../../../../engine/model/description.js';
import type { StructurePrediction } from '../../structure/types.js';

export interface EvidenceRow {
  readonly label: string;
  /** How the likelihood is given (a distribution, or counts per value). */
  readonly evidence: string;
  /** ln P(value | class) per class for the record; undefined when the input is missing and ignored. */
  readonly logs?: readonly number[];
  /** The class this row favours most, when it favours one. */
  readonly favours?: number;
}

export interface EvidenceTable {
  readonly classes: readonly string[];
  readonly rows: readonly EvidenceRow[];
  /** Per class: the sum of the logs (prior included), and its softmax, the class probability. */
  readonly totals?: readonly number[];
  readonly probabilities?: readonly number[];
  readonly winner?: number;
}

/** The index of the largest value, when it is larger than some other (a row that treats all classes alike favours none). */
function favoured(values: readonly number[]): number | undefined {
  const max = Math.max(...values);
  return values.some((v) => v < max) ? values.indexOf(max) : undefined;
}

/**
 * The evidence a naive Bayes model weighed for the current record: PMML 4.4 Naive Bayes multiplies each class's
 * prior count by the likelihood of every input given the class, shown here as sums of natural logarithms.
 */
export function evidenceTable(spec: NaiveBayesSpec, prediction?: StructurePrediction): EvidenceTable {
  const bayes = prediction?.trace?.bayes;
  const isTraced = bayes !== undefined && bayes.inputs.length === spec.inputs.length;
  const classes = isTraced ? bayes.classes : spec.classes.map((c) => c.value);
  const prior: EvidenceRow = { label: 'Prior (class count)', evidence: spec.classes.map((c) => `${c.value}: ${c.count}`).join(', '), logs: isTraced ? bayes.prior : undefined };
  const inputs = spec.inputs.map((input, i): EvidenceRow => ({ label: input.field, evidence: input.evidence, logs: isTraced ? (bayes.inputs[i] ?? undefined) : undefined }));
  const rows = [prior, ...inputs].map((row) => (row.logs ? { ...row, favours: favoured(row.logs) } : row));
  if (!isTraced) return { classes, rows };
  const totals = classes.map((_, c) => rows.reduce((sum, row) => sum + (row.logs?.[c] ?? 0), 0));
  const max = Math.max(...totals);
  const exps = totals.map((t) => Math.exp(t - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  const probabilities = exps.map((e) => e / sum);
  return { classes, rows, totals, probabilities, winner: totals.indexOf(max) };
}
