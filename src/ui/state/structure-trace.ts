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

function terms(contributions: NonNullable<EvaluationTrace['contributions']>, structure: ModelStructure): TermContribution[] {
  const coefficients = new Map(structure.kind === 'regression' ? structure.tables.flatMap((t) => t.terms.map((term) => [term.label, term.coefficient] as const)) : []);
  return contributions.map((c) => {
    const coefficient = coefficients.get(c.label) ?? Number.NaN;
    return { label: c.label, contribution: c.value, coefficient, value: Number.isFinite(coefficient) && coefficient !== 0 ? c.value / coefficient : undefined };
  });
}
