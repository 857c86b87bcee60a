/**
 * Loads onnxruntime-web inside a worker. The WASM glue and binary are imported as URLs and handed to
 * `env.wasm.wasmPaths`: ORT starts its pthread workers from the module holding the glue, and when that module is
 * the app's bundle each thread re-runs the app and session creation never settles (shared/TOOLCHAIN.md,
 * "Threads can hang forever in a production build"). ORT's own proxy worker is off: it hung in a production build
 * and detaches the caller's buffers; this module already runs in the app's worker.
 */
import glueUrl from 'onnxruntime-web/ort-wasm-simd-threaded.jsep.mjs?url';
import wasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.jsep.wasm?url';
import type { OrtModule } from '../../engine/formats/onnx/index.js';

/** onnxruntime-web's default thread count rule (half the logical cores, at most 4). */
export function defaultThreadCount(hardwareConcurrency: number): number {
  return Math.max(1, Math.min(4, Math.ceil(hardwareConcurrency / 2)));
}

/**
 * Imports onnxruntime-web and configures it for this worker: self-hosted WASM, no proxy, and the thread count
 * set explicitly — headless Chromium reports 2 cores and ORT would then pick 1 thread even when isolated.
 * Threads need cross-origin isolation (SharedArrayBuffer); without it 1 is used.
 */
export async function loadOrt(numThreads: number | undefined, isCrossOriginIsolated: boolean): Promise<OrtModule> {
  const ort = await import('onnxruntime-web');
  ort.env.wasm.wasmPaths = { mjs: glueUrl, wasm: wasmUrl };
  ort.env.wasm.proxy = false;
  ort.env.wasm.numThreads = isCrossOriginIsolated ? (numThreads ?? defaultThreadCount(navigator.hardwareConcurrency || 1)) : 1;
  ort.env.logLevel = 'error';
  return ort;
}
