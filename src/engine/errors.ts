/**
 * The engine's error hierarchy. Everything thrown out of `src/engine` is an {@link EngineError};
 * lower-level failures (XML, protobuf, IndexedDB, onnxruntime) are wrapped with `cause`.
 *
 * The UI keys on `code` (stable, never shown); `message` is a sentence a person can read.
 * Each class sets `name` as a literal because minifiers rename classes.
 */
export abstract class EngineError extends Error {
  /** Stable identifier that the UI and tests key on; never shown to users. */
  abstract readonly code: string;
}

/** No registered format recognised the file. */
export class UnsupportedFormatError extends EngineError {
  override name = 'UnsupportedFormatError';
  readonly code = 'format.unsupported';
  constructor(message: string, readonly fileName?: string, options?: ErrorOptions) {
    super(message, options);
  }
}

/** A format recognised the file, but its bytes are corrupt, truncated or not a model of that format. */
export class FormatError extends EngineError {
  override name = 'FormatError';
  readonly code = 'format.corrupt';
  constructor(message: string, readonly fileName?: string, options?: ErrorOptions) {
    super(message, options);
  }
}

/** A problem in the model document itself, found when it is loaded. */
export abstract class MarkupError extends EngineError {
  constructor(
    message: string,
    /** The element the problem is in, e.g. `TreeModel`. */
    readonly element: string,
    /** 1-based line of that element in the document, when known. */
    readonly line?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** An element or attribute is present but its content is wrong. */
export class InvalidMarkupError extends MarkupError {
  override name = 'InvalidMarkupError';
  readonly code = 'markup.invalid';
}

/** A required element or attribute is absent. */
export class MissingMarkupError extends MarkupError {
  override name = 'MissingMarkupError';
  readonly code = 'markup.missing';
}

/** One feature of the document that the engine does not implement. */
export interface UnsupportedFeature {
  readonly element: string;
  readonly attribute?: string;
  readonly value?: string;
  readonly line?: number;
  /** A sentence describing the feature. */
  readonly message: string;
}

/**
 * Valid markup the engine does not implement. A document is inspected whole before any prediction,
 * so one error lists every unsupported feature at once.
 */
export class UnsupportedMarkupError extends MarkupError {
  override name = 'UnsupportedMarkupError';
  readonly code = 'markup.unsupported';
  readonly features: readonly UnsupportedFeature[];
  constructor(features: readonly UnsupportedFeature[], options?: ErrorOptions) {
    const first = features[0];
    const message =
      features.length === 1
        ? first.message
        : `The model uses ${features.length} features that are not supported: ${features.map((f) => f.message).join(' ')}`;
    super(message, first?.element ?? 'PMML', first?.line, options);
    this.features = features;
  }
}

/** A problem with the data being scored, found while predicting. */
export abstract class EvaluationError extends EngineError {
  constructor(
    message: string,
    /** The field whose value caused the problem, when there is one. */
    readonly field?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A value is invalid and the field's `invalidValueTreatment` is `returnInvalid`. */
export class InvalidValueError extends EvaluationError {
  override name = 'InvalidValueError';
  readonly code = 'value.invalid';
}

/**
 * One element of a tensor does not fit its element type (a word in a float input, 300 in a uint8 one). Carries
 * where it is, so a caller that laid the elements out (CSV rows) can name the row and column instead.
 */
export class InvalidElementError extends InvalidValueError {
  override name = 'InvalidElementError';
  constructor(
    message: string,
    field: string,
    /** The element's position in row-major order. */
    readonly index: number,
    /** The value as it was written. */
    readonly value: string,
    /** What the element type takes, e.g. `a number`, `an integer from 0 to 255`. */
    readonly expected: string,
    options?: ErrorOptions,
  ) {
    super(message, field, options);
  }
}

/** A value the evaluation needs is missing and nothing says how to replace it. */
export class MissingValueError extends EvaluationError {
  override name = 'MissingValueError';
  readonly code = 'value.missing';
}

/** The computation has no defined result (division by zero, log of a negative number, …). */
export class UndefinedResultError extends EvaluationError {
  override name = 'UndefinedResultError';
  readonly code = 'value.undefined';
}

/** The model registry could not read or write (quota, not found, blocked upgrade, name already taken). */
export class StoreError extends EngineError {
  override name = 'StoreError';
  constructor(
    message: string,
    readonly code: 'store.quota' | 'store.notFound' | 'store.blocked' | 'store.conflict' | 'store.failed',
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A share link could not be decoded (unknown version, corrupt or tampered payload). */
export class ShareLinkError extends EngineError {
  override name = 'ShareLinkError';
  constructor(
    message: string,
    readonly code: 'share.version' | 'share.corrupt' | 'share.tooLarge',
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The ONNX runtime failed to create a session or to run it; `cause` is the runtime's error. */
export class InferenceError extends EngineError {
  override name = 'InferenceError';
  constructor(
    message: string,
    readonly code: 'inference.unsupportedType' | 'inference.customOp' | 'inference.opset' | 'inference.nonTensor' | 'inference.backend' | 'inference.failed',
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** True for anything the engine threw on purpose. */
export function isEngineError(error: unknown): error is EngineError {
  return error instanceof EngineError;
}
