/**
 * Browser-side ONNX: the worker client the app uses to run models, and image decoding for image inputs.
 * Import this module dynamically (`await import('../onnx/index.js')`) so onnxruntime-web loads only when an ONNX
 * model is opened.
 */
import { OnnxWorkerClient } from './onnx-client.js';

export { OnnxWorkerClient } from './onnx-client.js';
export { readImagePixels } from './image-pixels.js';
export type { CrossCheck, OnnxOpenOptions, OnnxOpenResult, OnnxRunReply } from './protocol.js';

/** A new client with its own worker (see {@link OnnxWorkerClient}). */
export function createOnnxClient(): OnnxWorkerClient {
  return new OnnxWorkerClient();
}
