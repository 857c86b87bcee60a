import type { Snippet } from 'svelte';
import type { ModelDescription, ModelStructure } from '../../../engine/model/description.js';

/** A scalar as a prediction reports it (PMML values come as numbers, strings, booleans or null for missing). */
export type PredictionValue = number | string | boolean | bigint | null | undefined;

/**
 * One regression term's share of a prediction: `value × coefficient` (PMML trace).
 * `table` names the target category of the RegressionTable the term belongs to, when there are several.
 */
export interface TermContribution {
  readonly table?: string;
  readonly label: string;
  readonly value?: number;
  readonly coefficient: number;
  readonly contribution: number;
}

/** What one segment of an ensemble produced for the current record (PMML trace). */
export interface SegmentTrace {
  /** Matches `SegmentSpec.id`. */
  readonly id: string;
  /** False when the segment's predicate did not select it. */
  readonly selected?: boolean;
  /** The segment's own result (its predicted value, probabilities, …). */
  readonly values?: Readonly<Record<string, PredictionValue>>;
  /** The segment's main predicted value, when the trace names one. */
  readonly value?: PredictionValue;
  readonly decisionPath?: readonly string[];
  /** Nested trace of the segment's model (e.g. a tree inside a mining model inside a mining model). */
  readonly trace?: StructureTrace;
}

/**
 * The explanation of a prediction the structure views can show. Every member is optional: views show what is there.
 * Shaped after the PMML interpreter's `EvaluationTrace`; adapters map onto it.
 */
export interface StructureTrace {
  readonly segments?: readonly SegmentTrace[];
  readonly terms?: readonly TermContribution[];
  /** Values of the derived fields (PMML `DerivedField`) computed for the record, by field name. */
  readonly derivedValues?: Readonly<Record<string, PredictionValue>>;
  /** The winning entity (cluster, neighbour, rule, output neuron) by the id the structure gives it. */
  readonly entityId?: string;
  /** Clusters or neighbours best first, with their distance or similarity to the record. */
  readonly ranking?: readonly { readonly id: string; readonly affinity: number }[];
  /** Scorecard reason codes, the first ranked first. */
  readonly reasonCodes?: readonly string[];
  /** Neural network: the value of every input and neuron output, by neuron id. */
  readonly activations?: ReadonlyMap<string, number>;
  /** Scorecard: per characteristic in order, the matched attribute's index and its points. */
  readonly attributes?: readonly { readonly index: number; readonly points: number }[];
  /** Rule set: ids of the rules that fired, in document order. */
  readonly firedRules?: readonly string[];
  /** Nearest neighbours: the k nearest training instances, nearest first, with their values by field name. */
  readonly neighbors?: readonly { readonly id: string; readonly affinity: number; readonly values: Readonly<Record<string, string | null>> }[];
  /** Association rules: per rule in document order, whether the record holds its antecedent, and its consequent. */
  readonly ruleMatches?: { readonly antecedent: readonly boolean[]; readonly consequent: readonly boolean[] };
  /** Support vector machines: each machine's decision value f(x) and the category it chose, in document order. */
  readonly machines?: readonly { readonly decision: number; readonly vote?: string }[];
  /** Naive Bayes: natural-log evidence per class, the prior first, then each input (`null`: ignored as missing). */
  readonly bayes?: { readonly classes: readonly string[]; readonly prior: readonly number[]; readonly inputs: readonly (readonly number[] | null)[] };
  /** Time series: the requested horizon h and the forecast for horizons 1, 2, … (`values[i]` is h = i + 1). */
  readonly forecast?: { readonly horizon: number; readonly values: readonly number[] };
}

/** The current prediction, as the model page has it; the views light up what it touched. */
export interface StructurePrediction {
  /** Input values of the record by field name (used for regression term contributions). */
  readonly inputs?: Readonly<Record<string, PredictionValue>>;
  /** Result values by result field name. */
  readonly values?: Readonly<Record<string, PredictionValue>>;
  /** Tree node ids from the root to the winning leaf (match `TreeNodeSpec.id`). */
  readonly decisionPath?: readonly string[];
  readonly trace?: StructureTrace;
}

/** What the user picked inside a structure view, reported to the page (e.g. to show details elsewhere). */
export type StructureSelection =
  | { readonly kind: 'graph-node'; readonly id: string }
  | { readonly kind: 'tree-node'; readonly id: string }
  | { readonly kind: 'segment'; readonly id: string };

/**
 * Props of `StructureView`, the model page's structure pane. It fills its container (give the container a height).
 *
 * @example
 * ```svelte
 * <StructureView description={session.description} result={{ decisionPath: prediction.decisionPath }} />
 * ```
 */
export interface StructureViewProps {
  readonly description: ModelDescription;
  /** The current prediction; omit when there is none. */
  readonly result?: StructurePrediction;
  /** Called when the user selects a node or segment. */
  readonly onSelect?: (selection: StructureSelection) => void;
  /** Controls drawn in the bottom-right corner of the drawing, above the transformations panel however tall. */
  readonly actions?: Snippet;
}

/** The variant of {@link ModelStructure} with kind `K`. */
export type StructureOf<K extends ModelStructure['kind']> = Extract<ModelStructure, { readonly kind: K }>;

/**
 * Props every per-kind view takes (`GraphView`, `TreeView`, `EnsembleView`, …). Adding a view for a new
 * structure kind is one component with these props plus one line in `StructureView`'s table.
 */
export interface KindViewProps<K extends ModelStructure['kind']> {
  readonly description: ModelDescription;
  readonly structure: StructureOf<K>;
  readonly result?: StructurePrediction;
  readonly onSelect?: (selection: StructureSelection) => void;
}
