import type { ValueKey } from './convert.js';
import type { DataType, Value } from './values.js';

/** One segment's part in an ensemble result (for traces and `segmentId` outputs). */
export interface SegmentOutcome {
  readonly id: string;
  readonly weight: number;
  readonly prediction: Prediction;
}

/** One term's contribution to a regression score, for the live view. */
export interface TermContribution {
  /**
   * The `targetCategory` of the RegressionTable the term belongs to: a classification has one table per
   * category, and the same term label appears in each. Absent for a table without a targetCategory.
   */
  readonly table?: string;
  readonly label: string;
  readonly value: number;
}

/**
 * What a model computes for one record, before output fields are derived from it. Classification results
 * key probabilities by category value (insertion order = category order).
 */
export interface Prediction {
  readonly value: Value;
  readonly probabilities?: ReadonlyMap<ValueKey, number>;
  readonly confidences?: ReadonlyMap<ValueKey, number>;
  readonly entityId?: string;
  readonly decisionPath?: readonly string[];
  readonly displayValue?: string;
  readonly segments?: readonly SegmentOutcome[];
  /** Per-target results of a multi-target model (`x-multiModelChain`). */
  readonly targets?: ReadonlyMap<string, Prediction>;
  readonly contributions?: readonly TermContribution[];
  /** Model-specific results that later output features read (reason codes, affinities, …). */
  readonly extras?: Readonly<Record<string, unknown>>;
  /**
   * Entities best first, with their affinity (a distance or a similarity): nearest neighbours or clusters
   * (jpmml AffinityDistribution). Ranked `entityId`/`affinity` outputs read it.
   */
  readonly ranking?: readonly RankedEntity[];
  /** The winning cluster's 1-based position among the model's Clusters (`clusterId`). */
  readonly clusterIndex?: number;
  /** Scorecard reason codes, the first ranked first (`reasonCode` with `rank`). */
  readonly reasonCodes?: readonly string[];
  /** An AssociationModel's rules and which of them the record's items match (`ruleValue` outputs). */
  readonly association?: AssociationOutcome;
  /** Only when the evaluation is traced: how the model reached its result, for the live structure view. */
  readonly explanation?: ModelExplanation;
}

/** What a traced evaluation keeps of a model's inner workings; evaluators fill it only when `ctx.trace` is set. */
export interface ModelExplanation {
  /** AssociationModel: per rule in document order, whether the record holds its antecedent, and its consequent. */
  readonly ruleMatches?: { readonly antecedent: readonly boolean[]; readonly consequent: readonly boolean[] };
  /** NeuralNetwork: the value of every NeuralInput and the output of every Neuron, by id. */
  readonly activations?: ReadonlyMap<string, number>;
  /** Scorecard: per Characteristic in document order, the 0-based index of the Attribute that matched and its points. */
  readonly attributes?: readonly { readonly index: number; readonly points: number }[];
  /** RuleSetModel: entity ids of the SimpleRules that fired, in document order. */
  readonly firedRules?: readonly string[];
  /** NearestNeighborModel: the k nearest training instances, nearest first, with their InstanceField values. */
  readonly neighbors?: readonly NeighborInstance[];
  /**
   * SupportVectorMachineModel: per SupportVectorMachine in document order, its decision value f(x) and, for a
   * classifier, the category it chose (a OneAgainstOne vote, or the category of a OneAgainstAll machine).
   */
  readonly machines?: readonly { readonly decision: number; readonly vote?: string }[];
  /**
   * NaiveBayesModel: natural-log evidence per class (in `classes` order): first the prior, then each BayesInput in
   * document order (`null` when its value is missing or unknown, which the model ignores).
   */
  readonly bayes?: { readonly classes: readonly string[]; readonly prior: readonly number[]; readonly inputs: readonly (readonly number[] | null)[] };
  /**
   * TimeSeriesModel: the requested horizon h and the forecast for horizons 1, 2, … (`values[i]` is h = i + 1), at
   * least 12 steps and up to h, capped at 60, computed as the prediction is.
   */
  readonly forecast?: { readonly horizon: number; readonly values: readonly number[] };
}

/** A training instance near the record: its entity id, distance or similarity, and values by field name. */
export interface NeighborInstance {
  readonly id: string;
  readonly affinity: number;
  readonly values: Readonly<Record<string, string | null>>;
}

/** An AssociationRule as outputs report it: its entity id, measures and item values. */
export interface AssociationRuleView {
  readonly id: string;
  readonly support: number;
  readonly confidence: number;
  readonly lift?: number;
  readonly leverage?: number;
  readonly affinity?: number;
  readonly antecedent: readonly string[];
  readonly consequent: readonly string[];
}

/** Per rule (same order as `rules`): whether all antecedent items, and all consequent items, are in the record. */
export interface AssociationOutcome {
  readonly rules: readonly AssociationRuleView[];
  readonly antecedentMatches: readonly boolean[];
  readonly consequentMatches: readonly boolean[];
}

/** One entity of a ranking: its id and its affinity to the record. */
export interface RankedEntity {
  readonly id: string;
  readonly affinity: number;
}

export const MISSING_PREDICTION: Prediction = { value: null };

/** The category with the highest probability; the first one wins a tie (jpmml `Classification`). */
export function classificationResult(probabilities: Map<ValueKey, number>, dataType: DataType, extra?: Partial<Prediction>): Prediction {
  let best: ValueKey | undefined;
  let bestP = -Infinity;
  for (const [key, p] of probabilities) {
    if (p > bestP) {
      best = key;
      bestP = p;
    }
  }
  return { ...extra, value: best === undefined ? null : { dataType, value: best }, probabilities };
}
