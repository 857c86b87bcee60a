/**
 * onnxruntime-web for the CLI, tests and bench: in Node its `node` export runs the same WASM build as the
 * browser (threads included), so results match the app's.
 */
import * as ort from 'onnxruntime-web';
import { createOrtRunner, type OnnxRunner } from '../engine/formats/onnx/index.js';

/**
 * The runner over onnxruntime-web in this process. onnxruntime's warnings (e.g. "Expected shape from model of {1}
 * does not match actual shape") go to the console from WASM; only errors are kept, since they reach the user as
 * `InferenceError`s anyway.
 */
export function createNodeOnnxRunner(): OnnxRunner {
  ort.env.logLevel = 'error';
  return createOrtRunner(ort);
}
