import { isEngineError } from '../../engine/errors.js';

/**
 * An error as the UI holds it: plain data (it crosses the worker boundary by structured clone, which drops
 * custom properties of Error objects), keyed by the engine's stable `code`.
 */
export interface AppError {
  /** The EngineError `code`, or `app.*` for failures outside the engine (network, file reading). */
  readonly code: string;
  /** The engine's sentence, shown under the headline. */
  readonly message: string;
  /** The file the problem is in, when there is one. */
  readonly fileName?: string;
  /** Where in the document (markup errors). */
  readonly element?: string;
  readonly line?: number;
  /** The field whose value caused the problem (evaluation errors). */
  readonly field?: string;
  /** Each unsupported feature, when the model uses several. */
  readonly features?: readonly string[];
}

/** Turns anything thrown into an {@link AppError}, keeping the typed details of engine errors. */
export function toAppError(error: unknown, fileName?: string): AppError {
  if (isAppError(error)) return fileName && !error.fileName ? { ...error, fileName } : error;
  if (isEngineError(error)) {
    const details = error as unknown as Record<string, unknown>;
    const features = Array.isArray(details.features)
      ? (details.features as { message: string }[]).map((f) => f.message)
      : undefined;
    return {
      code: error.code,
      message: error.message,
      fileName: typeof details.fileName === 'string' ? details.fileName : fileName,
      element: typeof details.element === 'string' ? details.element : undefined,
      line: typeof details.line === 'number' ? details.line : undefined,
      field: typeof details.field === 'string' ? details.field : undefined,
      features: features && features.length > 1 ? features : undefined,
    };
  }
  if (error instanceof DOMException && error.name === 'QuotaExceededError') {
    return { code: 'store.quota', message: error.message, fileName };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'app.unexpected', message, fileName };
}

export function isAppError(value: unknown): value is AppError {
  return (
    typeof value === 'object' &&
    value !== null &&
    !(value instanceof Error) &&
    typeof (value as AppError).code === 'string' &&
    typeof (value as AppError).message === 'string'
  );
}
