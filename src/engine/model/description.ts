/**
 * The format-neutral description of an opened model: what the viewer draws and the form is built from.
 * Every format module (`formats/pmml`, `formats/onnx`) produces one; the UI never looks at format internals.
 */

/** Identifier of a registered format. */
export type FormatId = 'pmml' | 'onnx';

/** Whether a field holds numbers on a scale, unordered categories, or ordered categories (PMML optype). */
export type OpType = 'continuous' | 'categorical' | 'ordinal';

/** A closed/open numeric interval as PMML `Interval` declares it. */
export interface IntervalSpec {
  readonly closure: 'openClosed' | 'openOpen' | 'closedOpen' | 'closedClosed';
  readonly leftMargin?: number;
  readonly rightMargin?: number;
}

/** One input or result field of a tabular model (PMML field, or a named scalar of a model). */
export interface FieldSpec {
  readonly name: string;
  readonly displayName?: string;
  /** PMML dataType (`double`, `string`, `date`, …) or an ONNX element type. */
  readonly dataType: string;
  readonly opType?: OpType;
  /** Declared valid values of a categorical/ordinal field, in document order. */
  readonly values?: readonly string[];
  /** Declared valid intervals of a continuous field. */
  readonly intervals?: readonly IntervalSpec[];
  /** Whether the model requires this field (a form may still offer "missing"). */
  readonly isRequired?: boolean;
  /** The field takes a list of values (a transaction's items), chosen among `values`, rather than one value. */
  readonly isMultiValued?: boolean;
  readonly description?: string;
  /** Training-data statistics of the field (PMML ModelStats), when the document carries them. */
  readonly statistics?: FieldStatistics;
}

/**
 * Summary statistics of an input field's training data (PMML 4.4 UnivariateStats): the form starts a field at a
 * typical value and bounds its slider with them. Informative only; scoring never uses them.
 */
export interface FieldStatistics {
  /** Smallest and largest value seen (NumericInfo). */
  readonly minimum?: number;
  readonly maximum?: number;
  readonly mean?: number;
  readonly median?: number;
  /** The most frequent value of a discrete field (from DiscrStats counts). */
  readonly mode?: string;
}

/** One tensor input or output of a graph model. */
export interface TensorSpec {
  readonly name: string;
  /** ONNX element type name (`float32`, `int64`, `string`, …), or a non-tensor type such as `seq(map(int64,float32))`. */
  readonly type: string;
  /** Dimensions: a number, a symbolic name, or `undefined` when unknown. Absent for non-tensors. */
  readonly shape?: readonly (number | string | undefined)[];
  readonly isTensor: boolean;
  readonly description?: string;
  /**
   * Dims a form can start an open-shaped input at, when the graph implies them (the feature count of a `[?, ?]`
   * input, read from the operator that consumes it). A suggestion for defaults; the declared `shape` still rules.
   */
  readonly suggestedShape?: readonly number[];
}

/** A graph (ONNX): nodes connected by named values. */
export interface Graph {
  readonly name: string;
  readonly inputs: readonly TensorSpec[];
  readonly outputs: readonly TensorSpec[];
  readonly nodes: readonly GraphNode[];
  /** Initializers (weights) by name. */
  readonly initializers: ReadonlyMap<string, TensorInfo>;
  /** Declared types/shapes of intermediate values, by value name. */
  readonly valueInfo: ReadonlyMap<string, TensorSpec>;
  /** Functions defined in the model (ONNX model-local functions); only on the main graph. */
  readonly functions?: readonly GraphFunction[];
}

/** A function a model defines for its own nodes (ONNX `FunctionProto`): nodes whose `domain`/`opType` match call it. */
export interface GraphFunction {
  readonly name: string;
  readonly domain: string;
  readonly overload?: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  /** Names of the attributes the function takes. */
  readonly attributes: readonly string[];
  readonly nodes: readonly GraphNode[];
  readonly docString?: string;
}

export interface GraphNode {
  /** Unique within its graph (the node's name, or a generated one when the file has none). */
  readonly id: string;
  readonly name: string;
  readonly opType: string;
  readonly domain: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attributes: readonly GraphAttribute[];
  readonly docString?: string;
}

export interface GraphAttribute {
  readonly name: string;
  readonly type: string;
  /** Small values inline (numbers, strings, short lists); tensors as {@link TensorInfo}; subgraphs as {@link Graph}. */
  readonly value: unknown;
}

/** A weight tensor; its values are decoded only when asked for. */
export interface TensorInfo {
  readonly name: string;
  readonly type: string;
  readonly shape: readonly number[];
  readonly byteLength: number;
  /** Where the bytes live when they are not in the model file (ONNX external data). */
  readonly externalLocation?: string;
  /** True for a sparse tensor (ONNX `SparseTensorProto`): `shape` is the dense shape, `values` the stored non-zeros. */
  readonly isSparse?: boolean;
  /** Decodes up to `limit` values (all when omitted) as numbers, bigints or strings. */
  readonly values: (limit?: number) => readonly (number | bigint | string)[];
}

/** A node of a decision tree, as drawn by the tree view. */
export interface TreeNodeSpec {
  /** The node's id as the document names it (PMML `Node@id`), or a generated path id; matches decision paths. */
  readonly id: string;
  /** The split predicate that leads into this node, as readable text (`age <= 42.5`). */
  readonly predicate: string;
  /** The node's score, if it has one. */
  readonly score?: string;
  readonly recordCount?: number;
  readonly distribution?: readonly { readonly value: string; readonly recordCount: number; readonly probability?: number }[];
  readonly children: readonly TreeNodeSpec[];
}

/** The structure of a model as the viewer draws it; one variant per kind of view. */
export type ModelStructure =
  | { readonly kind: 'graph'; readonly graph: Graph }
  | { readonly kind: 'tree'; readonly root: TreeNodeSpec; readonly functionName: string }
  | {
      readonly kind: 'ensemble';
      readonly method: string;
      readonly segments: readonly SegmentSpec[];
    }
  | { readonly kind: 'regression'; readonly tables: readonly CoefficientTable[]; readonly normalization?: string }
  | {
      readonly kind: 'other';
      readonly element: string;
      readonly summary: readonly { readonly label: string; readonly value: string }[];
      /** A neural network's layers, inputs first, for a view that draws the network (PMML NeuralNetwork). */
      readonly layers?: readonly NeuralLayerSpec[];
      /** A scorecard's initial score, reason code settings and characteristics (PMML Scorecard). */
      readonly scorecard?: ScorecardSpec;
      /** A clustering model's clusters and the fields their centres are given in (PMML ClusteringModel). */
      readonly clustering?: ClusteringSpec;
      /** A rule set's rules in document order, compound rules with their children (PMML RuleSetModel). */
      readonly ruleSet?: RuleSetSpec;
      /** A k-nearest-neighbours model's settings; its training instances stay in the document (PMML NearestNeighborModel). */
      readonly neighbors?: NeighborsSpec;
      /** A support vector machine model's kernel and binary machines (PMML SupportVectorMachineModel). */
      readonly svm?: SupportVectorMachinesSpec;
      /** A naive Bayes model's classes and the inputs that weigh on them (PMML NaiveBayesModel). */
      readonly naiveBayes?: NaiveBayesSpec;
      /** A time series model's exponential smoothing and the observed history, if the document keeps it (PMML TimeSeriesModel). */
      readonly timeSeries?: TimeSeriesSpec;
      /** An association model's rules, in document order (PMML AssociationModel). */
      readonly association?: AssociationSpec;
    };

/** Association rules: "if the basket holds the antecedent, it tends to hold the consequent too". */
export interface AssociationSpec {
  readonly itemCount: number;
  readonly numberOfTransactions?: number;
  readonly minimumSupport?: number;
  readonly minimumConfidence?: number;
  readonly rules: readonly {
    readonly id: string;
    readonly antecedent: readonly string[];
    readonly consequent: readonly string[];
    readonly support: number;
    readonly confidence: number;
    readonly lift?: number;
  }[];
}

/**
 * An exponential smoothing forecast: from the smoothed level S and trend T at the last observation, the value
 * h steps ahead, seasonally adjusted and transformed back to the scale of the data.
 */
export interface TimeSeriesSpec {
  /** The level: its smoothed value S and smoothing weight α. */
  readonly level: { readonly smoothedValue: number; readonly alpha?: number };
  /** The trend: its kind, smoothed value T, smoothing weight γ and, for a damped trend, damping factor φ. */
  readonly trend?: {
    readonly kind: 'additive' | 'damped_additive' | 'multiplicative' | 'damped_multiplicative' | 'polynomial_exponential';
    readonly smoothedValue: number;
    readonly gamma?: number;
    readonly phi?: number;
  };
  /** The seasonal indices of one period, oldest first, with the smoothing weight δ and the phase. */
  readonly seasonality?: {
    readonly type: 'additive' | 'multiplicative';
    readonly period: number;
    readonly unit?: string;
    readonly phase?: number;
    readonly delta?: number;
    readonly indices: readonly number[];
  };
  /** The scale the model was fitted on; forecasts are transformed back from it. */
  readonly transformation: 'none' | 'logarithmic' | 'squareroot';
  readonly rmse?: number;
  /** The input that holds the horizon h, when the model has one. */
  readonly horizonField?: string;
  /**
   * The observed series in order, each value at its step: the TimeValue's index, else its 1-based position.
   * The forecast h steps ahead lies at the last step + h. Empty when the document has no TimeSeries.
   */
  readonly history: readonly { readonly step: number; readonly value: number }[];
}

/**
 * A support vector machine model: one decision function f(x) = Σ αᵢ·K(x, vᵢ) + b per machine. A classifier's
 * machines each vote (OneAgainstOne) or compete by their value (OneAgainstAll); a regression has one machine.
 */
export interface SupportVectorMachinesSpec {
  readonly functionName: 'classification' | 'regression';
  readonly kernel: string;
  readonly classificationMethod?: 'OneAgainstAll' | 'OneAgainstOne';
  /** Whether the larger decision value wins (else the smaller). */
  readonly maxWins: boolean;
  /** The fields each vector is laid out over, in order (a categorical predictor as `field=value`). */
  readonly vectorFields: readonly string[];
  readonly vectorCount: number;
  readonly machines: readonly SupportVectorMachineSpec[];
}

export interface SupportVectorMachineSpec {
  readonly targetCategory?: string;
  /** The category a OneAgainstOne machine votes for when its value is on the other side of the threshold. */
  readonly alternateCategory?: string;
  readonly supportVectorCount: number;
  /** b, the constant of f(x). */
  readonly bias: number;
  /** The value the decision is compared with (OneAgainstOne). */
  readonly threshold?: number;
}

/** A naive Bayes model: each class's prior count times the likelihood of each input given that class. */
export interface NaiveBayesSpec {
  readonly classes: readonly { readonly value: string; readonly count: number }[];
  /** The inputs in document order, with how their likelihood is given. */
  readonly inputs: readonly { readonly field: string; readonly evidence: string }[];
  /** The probability a likelihood below it is raised to, so no single input can rule a class out. */
  readonly threshold: number;
}

/** How a k-nearest-neighbours model compares a record with its training instances. */
export interface NeighborsSpec {
  /** k: how many of the nearest instances score the targets. */
  readonly numberOfNeighbors: number;
  readonly instanceCount: number;
  readonly measureKind: 'distance' | 'similarity';
  readonly measure: string;
  /** The fields the record is compared on (KNNInputs). */
  readonly inputs: readonly string[];
  /** The fields each training instance holds (InstanceFields), inputs and targets. */
  readonly instanceFields: readonly string[];
}

/** A scorecard: the score is `initialScore` plus the partial score of each characteristic's matched attribute. */
export interface ScorecardSpec {
  readonly initialScore: number;
  /** How reason code points are counted (`pointsAbove`/`pointsBelow` the baseline); absent when reason codes are not used. */
  readonly reasonCodeAlgorithm?: 'pointsAbove' | 'pointsBelow';
  readonly characteristics: readonly CharacteristicSpec[];
}

/** One characteristic of a scorecard: the attributes tried in order, the first true one scoring. */
export interface CharacteristicSpec {
  readonly name: string;
  readonly baselineScore?: number;
  readonly reasonCode?: string;
  readonly attributes: readonly {
    /** The attribute's predicate as readable text. */
    readonly predicate: string;
    /** The fixed partial score; absent when an expression computes it (`ComplexPartialScore`). */
    readonly partialScore?: number;
    /** The expression that computes the partial score, as readable text. */
    readonly partialScoreExpression?: string;
    readonly reasonCode?: string;
  }[];
}

/** A center-based clustering model: centre coordinates in `fields` order, and how records are compared. */
export interface ClusteringSpec {
  readonly fields: readonly string[];
  /** `distance` (nearest wins) or `similarity` (most similar wins). */
  readonly measureKind: 'distance' | 'similarity';
  readonly measure: string;
  readonly clusters: readonly {
    /** Entity id: the Cluster's `id`, else its 1-based position; matches ranked entity ids. */
    readonly id: string;
    readonly name?: string;
    readonly size?: number;
    readonly center: readonly number[];
  }[];
}

/** A rule set: how the result is picked from the fired rules, the default, and the rules. */
export interface RuleSetSpec {
  readonly selectionMethods: readonly string[];
  readonly defaultScore?: string;
  readonly defaultConfidence?: number;
  readonly rules: readonly RuleSpec[];
}

/** A SimpleRule (with `score`) or a CompoundRule (with `rules`), predicates as readable text. */
export type RuleSpec =
  | {
      readonly kind: 'simple';
      /** Entity id: the rule's `id`, else its 1-based depth-first position among SimpleRules. */
      readonly id: string;
      readonly predicate: string;
      readonly score: string;
      readonly confidence: number;
      readonly weight: number;
      readonly recordCount?: number;
    }
  | { readonly kind: 'compound'; readonly predicate: string; readonly rules: readonly RuleSpec[] };

/** One layer of a neural network: its inputs (first layer), a hidden layer, or the output layer. */
export interface NeuralLayerSpec {
  readonly label: string;
  /** Activation function of the layer's neurons (`logistic`, `rectifier`, …); absent for the input layer. */
  readonly activation?: string;
  /** `softmax` or `simplemax` when the layer normalises its outputs. */
  readonly normalization?: string;
  readonly neurons: readonly NeuronSpec[];
}

/** A neuron (or network input) with the weighted connections that feed it. */
export interface NeuronSpec {
  /** The document's id (PMML `Neuron@id` / `NeuralInput@id`); `Con@from` and entity ids refer to it. */
  readonly id: string;
  /** What an input reads (its expression) or what an output neuron predicts (target or category). */
  readonly label?: string;
  readonly bias?: number;
  readonly inputs: readonly { readonly from: string; readonly weight: number }[];
}

/** One segment of an ensemble (PMML `Segment`). */
export interface SegmentSpec {
  readonly id: string;
  readonly weight: number;
  /** The predicate that selects the segment, as readable text. */
  readonly predicate: string;
  readonly modelElement: string;
  /** The segment model's own transformations (its LocalTransformations), between the ensemble's fields and it. */
  readonly derivedFields?: readonly DerivedFieldSpec[];
  readonly structure: ModelStructure;
}

/** A regression table: intercept and terms with coefficients (one per target category for classification). */
export interface CoefficientTable {
  readonly targetCategory?: string;
  readonly intercept: number;
  readonly terms: readonly { readonly label: string; readonly coefficient: number }[];
}

/** A transformation between the raw inputs and the model (PMML DerivedField). */
export interface DerivedFieldSpec {
  readonly name: string;
  readonly dataType: string;
  readonly opType?: OpType;
  /** The expression as readable text. */
  readonly expression: string;
}

/** Everything the viewer knows about an opened model. */
export interface ModelDescription {
  readonly format: FormatId;
  /** Model kind as the format names it: a PMML model element (`TreeModel`) or `ONNX graph`. */
  readonly kind: string;
  readonly name?: string;
  readonly description?: string;
  readonly producer?: string;
  readonly producerVersion?: string;
  /** Format version (PMML version, ONNX IR version). */
  readonly formatVersion?: string;
  /** Other key/value metadata (ONNX metadata_props, opsets, PMML Header annotations). */
  readonly metadata: readonly { readonly key: string; readonly value: string }[];
  /** Tabular inputs (PMML) — the form is built from these. Empty for tensor models. */
  readonly inputFields: readonly FieldSpec[];
  /** Tabular results (targets and output fields). */
  readonly resultFields: readonly FieldSpec[];
  /** Tensor inputs and outputs (ONNX). Empty for tabular models. */
  readonly inputTensors: readonly TensorSpec[];
  readonly outputTensors: readonly TensorSpec[];
  readonly derivedFields: readonly DerivedFieldSpec[];
  readonly structure: ModelStructure;
}
