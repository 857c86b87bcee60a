import { InferenceError } from '../../errors.js';

type InferenceErrorCode = InferenceError['code'];

/**
 * onnxruntime-web error texts and the cause they stand for, as seen from onnxruntime-web 1.30 (checked by hand;
 * shared/TOOLCHAIN.md). First match wins.
 */
const PATTERNS: readonly (readonly [RegExp, InferenceErrorCode, string])[] = [
  [/unsupported data type/i, 'inference.unsupportedType', 'the model has an input or output of an element type onnxruntime-web does not support'],
  [/non-tensor/i, 'inference.nonTensor', 'onnxruntime-web cannot read or write values that are not tensors'],
  [/is not a registered function\/op|No Op registered for .* with domain_version/i, 'inference.customOp', 'the model uses an operator onnxruntime-web does not have'],
  [/only \*guarantees\* support for models stamped with official released onnx opset versions|opset .* is under development/i, 'inference.opset', 'the model needs a newer operator set than onnxruntime-web supports'],
  [/Unsupported model IR version/i, 'inference.opset', 'the model is in a newer ONNX IR version than onnxruntime-web reads'],
  [/Could not find an implementation for/i, 'inference.opset', 'onnxruntime-web has no kernel for one of the model\'s operators at its operator-set version'],
  [/no available backend found|backend not found|webgpu is not supported|webnn is not supported|failed to get GPU adapter/i, 'inference.backend', 'the requested execution provider is not available here'],
];

/**
 * Wraps an error from onnxruntime in an {@link InferenceError} whose code names the cause; the runtime's own
 * text stays in the message and the original error in `cause`.
 *
 * @param doing what was being done, as a phrase (`create a session`, `run the model`).
 */
export function toInferenceError(error: unknown, doing: string): InferenceError {
  if (error instanceof InferenceError) {
    return error;
  }
  const text = runtimeCause(error instanceof Error ? error.message : String(error));
  const match = PATTERNS.find(([pattern]) => pattern.test(text));
  const [code, reason] = match ? [match[1], match[2]] : (['inference.failed', 'the runtime reported an error'] as const);
  return new InferenceError(`Could not ${doing}: ${reason}. onnxruntime-web said: ${text}`, code, { cause: error });
}

/**
 * The cause in an onnxruntime-web error text without its plumbing: the failed C API call and its error code
 * (`failed to call OrtRun(). ERROR_CODE: 1, ERROR_MESSAGE: `), and for a failed ORT_ENFORCE the C++ source position
 * and function signature (`/…/tree_ensemble_common.h:624 void …::ComputeAgg(…) const [InputType = float, …] `),
 * which say nothing to a person using a model. The untouched text stays in the error's `cause`.
 */
export function runtimeCause(text: string): string {
  return text
    .replace(/^.*?ERROR_CODE: \d+, ERROR_MESSAGE: /s, '')
    .replace(/^\S+\.(?:h|cc|cpp):\d+ [^(]*\([^)]*\)(?: const)?(?: \[[^\]]*\])? /, '')
    .trim();
}
