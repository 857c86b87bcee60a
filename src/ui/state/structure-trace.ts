import type { EvaluationTrace, SegmentTrace as PmmlSegmentTrace } from '../../engine/formats/pmml/index.js';
import type { ModelStructure } from '../../engine/model/description.js';
import type { SegmentTrace, StructureTrace, TermContribution } from '../components/structure/types.js';

/**
 * Maps the PMML interpreter's evaluation trace onto the shape the structure views draw: derived values as a
 * record, segment results with their decision paths, regression terms with their coefficients.
 */
export function toStructureTrace(trace: EvaluationTrace | undefined, structure: ModelStructure): StructureTrace | undefined {
  if (!trace) return undefined;
  return { derivedValues: Object.fromEntries(trace.derived), ...explanation(trace, structure) };
}

/** What a model's trace lights up in its structure view; an ensemble's segments carry the same for their own models. */
function explanation(trace: EvaluationTrace | PmmlSegmentTrace, structure: ModelStructure | undefined): StructureTrace {
  return {
    segments: trace.segments?.map((segment) => toSegment(segment, segmentStructure(structure, segment.id))),
    terms: trace.contributions && structure ? terms(trace.contributions, structure) : undefined,
    entityId: trace.entityId,
    ranking: trace.ranking,
    reasonCodes: trace.reasonCodes,
    activations: trace.explanation?.activations,
    attributes: trace.explanation?.attributes,
    firedRules: trace.explanation?.firedRules,
    neighbors: trace.explanation?.neighbors,
    machines: trace.explanation?.machines,
    ruleMatches: trace.explanation?.ruleMatches,
    bayes: trace.explanation?.bayes,
    forecast: trace.explanation?.forecast,
  };
}

function segmentStructure(structure: ModelStructure | undefined, id: string): ModelStructure | undefined {
  return structure?.kind === 'ensemble' ? structure.segments.find((s) => s.id === id)?.structure : undefined;
}

function toSegment(segment: PmmlSegmentTrace, structure: ModelStructure | undefined): SegmentTrace {
  return {
    id: segment.id,
    selected: true,
    value: segment.value,
    decisionPath: segment.decisionPath,
    trace: explanation(segment, structure),
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
