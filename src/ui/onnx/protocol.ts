/**
 * Messages between {@link OnnxWorkerClient} and `onnx.worker.ts`. Everything is structured-cloneable: tensors are
 * the engine's plain `TensorData`, errors are `AppError` data.
 */
import type { TensorSpec } from '../../engine/model/description.js';
import type {
  ExecutionBackend,
  ExecutionProviderChoice,
  ModelOutput,
  SessionTimings,
  TensorData,
} from '../../engine/formats/onnx/index.js';
import type { AppError } from '../state/app-error.js';

/** Options for opening a model in the worker. */
export interface OnnxOpenOptions {
  /** Defaults to `auto`: WebGPU on a hardware adapter, otherwise WASM (with the reason in `fallbackReason`). */
  readonly executionProvider?: ExecutionProviderChoice;
  /**
   * WASM threads. Used only when the page is cross-origin isolated (else 1, as onnxruntime-web would fall back to
   * silently); defaults to half the logical cores, at most 4.
   */
  readonly numThreads?: number;
  /** Warm-up run after creating the session (default true); its time is `timings.firstRunMs`. */
  readonly warmUp?: boolean;
  /**
   * On WebGPU or WebNN, run the first real inputs on WASM too and compare (default true): GPU kernels can differ
   * from the CPU's (on Chromium's software adapter one shared model's Softmax came out wrong, shared/TOOLCHAIN.md).
   */
  readonly crossCheck?: boolean;
}

/** How the first run on WebGPU/WebNN compared with the same inputs on WASM. */
export interface CrossCheck {
  readonly reference: 'wasm';
  readonly agrees: boolean;
  /** The first difference (rtol 1e-3, atol 1e-4), or why the check could not be made. */
  readonly detail?: string;
}

/** What opening a model came to. */
export interface OnnxOpenResult {
  readonly inputs: readonly TensorSpec[];
  readonly outputs: readonly TensorSpec[];
  readonly backend: ExecutionBackend;
  readonly threads: number;
  readonly timings: SessionTimings;
  /** Why the session runs on WASM although WebGPU (or WebNN) was asked for or `auto` was chosen. */
  readonly fallbackReason?: string;
  /** Whether the worker is cross-origin isolated (threads possible). */
  readonly isCrossOriginIsolated: boolean;
}

/** What one run came to. */
export interface OnnxRunReply {
  readonly outputs: readonly ModelOutput[];
  readonly skipped: readonly { readonly name: string; readonly reason: string }[];
  readonly runMs: number;
  /** Present on the first run of a WebGPU/WebNN session with `crossCheck` on. */
  readonly crossCheck?: CrossCheck;
}

export type OnnxWorkerRequest =
  | {
      readonly type: 'open';
      readonly bytes: Uint8Array;
      readonly externalData: readonly { readonly path: string; readonly data: Uint8Array }[];
      readonly options: OnnxOpenOptions;
    }
  | { readonly type: 'run'; readonly feeds: Readonly<Record<string, TensorData>> }
  | { readonly type: 'dispose' };

export type OnnxWorkerReply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: AppError };
