import type { EvaluationTrace, SegmentTrace as PmmlSegmentTrace } from '../../engine/formats/pmml/index.js';
import type { ModelStructure } from '../../engine/model/description.js';
import type { SegmentTrace, StructureTrace, TermContribution } from '../components/structure/types.js';

/**
 * Maps the PMML interpreter's evaluation trace onto the shape the structure views draw: derived values as a
 * record, segment results with their decision paths, regression terms with their coefficients.
 */
export function toStructureTrace(trace: EvaluationTrace | undefined, structure: ModelStructure): StructureTrace | undefined {
  if (!trace) return undefined;
  return {
    derivedValues: Object.fromEntries(trace.derived),
    segments: trace.segments?.map(toSegment),
    terms: trace.contributions ? terms(trace.contributions, structure) : undefined,
    entityId: trace.entityId,
    ranking: trace.ranking,
    reasonCodes: trace.reasonCodes,
    activations: trace.explanation?.activations,
    attributes: trace.explanation?.attributes,
    firedRules: trace.explanation?.firedRules,
    neighbors: trace.explanation?.neighbors,
    machines: trace.explanation?.machines,
    bayes: trace.explanation?.bayes,
  };
}

function toSegment(segment: PmmlSegmentTrace): SegmentTrace {
  return {
    id: segment.id,
    selected: true,
    value: segment.value,
    decisionPath: segment.decisionPath,
    trace: segment.segments ? { segments: segment.segments.map(toSegment) } : undefined,
  };
}

/** A term's key within its RegressionTable: classification tables repeat the same labels, one table per target category. */
const termKey = (table: string | undefined, label: string) => `${table ?? ''}\u0000${label}`;

function terms(contributions: NonNullable<EvaluationTrace['contributions']>, structure: ModelStructure): TermContribution[] {
  const coefficients = new Map(
    structure.kind === 'regression' ? structure.tables.flatMap((t) => t.terms.map((term) => [termKey(t.targetCategory, term.label), term.coefficient] as const)) : [],
  );
  return contributions.map((c) => {
    const coefficient = coefficients.get(termKey(c.table, c.label)) ?? Number.NaN;
    const value = Number.isFinite(coefficient) && coefficient !== 0 ? c.value / coefficient : undefined;
    return { ...(c.table === undefined ? {} : { table: c.table }), label: c.label, contribution: c.value, coefficient, value };
  });
}
