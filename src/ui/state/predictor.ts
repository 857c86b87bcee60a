/** A value of one result field as the result panel shows it. */
export interface ResultValue {
  readonly name: string;
  /** Scalar value (PMML), or the first value of a tensor; null when the model returns missing. */
  readonly value: string | number | boolean | null;
  /** A PMML list result (multi-valued OutputField, association itemset): its items in order; `value` is then null. */
  readonly list?: readonly (string | number | boolean)[];
  /** For tensor outputs: their dims and (up to a limit) flattened values. */
  readonly shape?: readonly number[];
  readonly values?: readonly (number | string | boolean)[];
  readonly type?: string;
}

/** A class and its probability, drawn as a bar. */
export interface ClassProbability {
  readonly label: string;
  readonly probability: number;
}

/** What one prediction produced. */
export interface PredictionOutcome {
  readonly fields: readonly ResultValue[];
  /** Class probabilities when the model gives them (PMML probability outputs, ONNX probability vectors). */
  readonly probabilities?: readonly ClassProbability[];
  /** Ids of the tree nodes on the decision path (PMML tree models), root first. */
  readonly decisionPath?: readonly string[];
  /** Format-specific trace for the structure views (segment paths, derived values, …). */
  readonly trace?: unknown;
  /** Wall-clock time of the prediction, in milliseconds. */
  readonly latencyMs: number;
  /** The execution backend that ran it (ONNX), e.g. `wasm`. */
  readonly backend?: string;
}

/** The UI's view of a runnable model: PMML evaluated in the engine worker, ONNX in the ORT worker. */
export interface Predictor {
  predict(inputs: Readonly<Record<string, unknown>>): Promise<PredictionOutcome>;
  dispose(): void;
}
