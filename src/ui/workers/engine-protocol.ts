import type { ResultValue, VerificationResult } from '../../engine/formats/pmml/index.js';
import type { FormatId, ModelDescription } from '../../engine/model/description.js';
import type { AppError } from '../state/app-error.js';

/** A raw input value as the form produces it; null is missing. */
/** A list is the items of one transaction (the active field of a transactional AssociationModel). */
export type RawValue = string | number | boolean | null | readonly string[];

/** Messages to the engine worker. Each carries an `id` the reply echoes. */
export type EngineRequest =
  | { readonly type: 'open'; readonly fileName: string; readonly bytes: ArrayBuffer }
  | { readonly type: 'detect'; readonly fileName: string; readonly head: ArrayBuffer }
  | { readonly type: 'evaluate'; readonly handle: number; readonly record: Readonly<Record<string, RawValue>> }
  | { readonly type: 'scoreCsv'; readonly handle: number; readonly text: string }
  | { readonly type: 'tensorValues'; readonly handle: number; readonly location: TensorLocation; readonly limit: number }
  | { readonly type: 'close'; readonly handle: number };

/** A result field of a PMML model, with what the result panel needs to draw probabilities. */
export interface ResultFieldInfo {
  readonly name: string;
  readonly dataType: string;
  /** PMML OutputField `feature` (`predictedValue`, `probability`, …); `target` for a target field. */
  readonly feature?: string;
  /** The class a `probability` output is for (OutputField@value). */
  readonly value?: string;
}

/** The reply to `open`: the format found, the description, and a handle for evaluation (tabular models). */
export interface OpenReply {
  readonly format: FormatId;
  readonly description: ModelDescription;
  /**
   * PMML: the model the worker evaluates. ONNX: the parsed model the worker keeps so that weights are decoded
   * when a panel asks (`tensorValues`); close it with the model.
   */
  readonly handle?: number;
  readonly resultFields: readonly ResultFieldInfo[];
  /** ONNX: the external data files the model's tensors refer to (`location` entries), each once. */
  readonly externalDataFiles: readonly string[];
  readonly parseMs: number;
  /** PMML: the outcome of the document's embedded ModelVerification records, run as a self-test on open. */
  readonly verification?: VerificationResult;
}

export interface EvaluateReply {
  /** Result values by field; multi-valued fields hold lists (structured clone keeps arrays). */
  readonly values: ReadonlyMap<string, ResultValue>;
  readonly decisionPath?: readonly string[];
  readonly trace?: unknown;
  readonly latencyMs: number;
}

/** The reply to `scoreCsv`: a preview of the scored rows and the whole result as CSV text. */
export interface BatchReply {
  readonly header: readonly string[];
  readonly resultNames: readonly string[];
  /** Input fields of the model the file has no column for (scored as missing). */
  readonly missingFields: readonly string[];
  readonly matchedFields: readonly string[];
  readonly rowCount: number;
  /** Rows the model could not score (their error is in the CSV's `error` column). */
  readonly failed: number;
  readonly preview: readonly { readonly inputs: readonly RawValue[]; readonly values: readonly ResultValue[]; readonly error?: string }[];
  /** The input columns, the result columns and `error`, for download. */
  readonly csv: string;
  readonly ms: number;
}

/**
 * One step from a graph into a graph inside it: the body of a model-local function (ONNX `FunctionProto`, only
 * from the main graph), or a subgraph held by a node's attribute (`If`'s branches, `Loop`'s body; `index` for
 * an attribute holding a list of graphs).
 */
export type GraphStep =
  | { readonly kind: 'function'; readonly domain: string; readonly name: string; readonly overload?: string }
  | { readonly kind: 'subgraph'; readonly node: string; readonly attribute: string; readonly index?: number };

/**
 * Where a tensor of an ONNX model's description is: the graph (steps from the main graph; none for the main
 * graph itself), then an initializer by name or a node's tensor attribute (node by its id; `index` in a list).
 */
export interface TensorLocation {
  readonly graphPath: readonly GraphStep[];
  readonly tensor:
    | { readonly kind: 'initializer'; readonly name: string }
    | { readonly kind: 'attribute'; readonly node: string; readonly attribute: string; readonly index?: number };
}

/** Decoded tensor values, as `TensorInfo.values` gives them (int64 and uint64 as bigints, strings as strings). */
export type TensorValues = readonly (number | bigint | string)[];

export type EngineRequestMessage = EngineRequest & { readonly id: number };

export type EngineResponseMessage =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: AppError };
