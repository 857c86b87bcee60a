import type { Env, InferenceSession, Tensor } from 'onnxruntime-common';
import { InferenceError } from '../../errors.js';
import { isTensorElementType } from './element-types.js';
import { toInferenceError } from './ort-errors.js';
import type {
  ExecutionBackend,
  OnnxRunner,
  OnnxSession,
  RunResult,
  SessionValueMetadata,
} from './runner.js';
import type { TensorData } from './tensor-data.js';

/** The part of the onnxruntime module (`onnxruntime-web`, or its Node build) the runner uses. */
export interface OrtModule {
  readonly InferenceSession: { create(model: Uint8Array, options?: InferenceSession.SessionOptions): Promise<InferenceSession> };
  readonly Tensor: new (type: Tensor.Type, data: Tensor.DataType | readonly string[], dims?: readonly number[]) => Tensor;
  readonly env: Env;
}

/** onnxruntime-web reports a dimension it knows nothing about as this (measured, shared/TOOLCHAIN.md). */
const UNKNOWN_DIM = 4294967295;

/**
 * The {@link OnnxRunner} over onnxruntime's JavaScript API. The module is injected, so this file imports
 * nothing from the runtime and works with `onnxruntime-web` in a browser worker and in Node alike.
 *
 * WASM threads are fixed when the runtime first initialises: the first session's `numThreads` wins.
 */
export function createOrtRunner(ort: OrtModule): OnnxRunner {
  return {
    async createSession(model, options = {}) {
      if (options.numThreads !== undefined) {
        ort.env.wasm.numThreads = options.numThreads;
      }
      const choice = options.executionProvider ?? 'wasm';
      const sessionOptions: InferenceSession.SessionOptions = {
        // Severity 3 (errors only): warnings such as "Expected shape from model of {1} does not match actual shape"
        // would otherwise be printed by the WASM module for every run; errors reach the caller as InferenceErrors.
        logSeverityLevel: 3,
        ...(options.externalData ? { externalData: options.externalData.map((file) => ({ path: file.path, data: file.data })) } : {}),
      };
      if (choice !== 'auto') {
        return createOn(ort, model, sessionOptions, choice);
      }
      try {
        return await createOn(ort, model, sessionOptions, 'webgpu');
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return createOn(ort, model, sessionOptions, 'wasm', `WebGPU was not used: ${reason}`);
      }
    },
  };
}

async function createOn(
  ort: OrtModule,
  model: Uint8Array,
  sessionOptions: InferenceSession.SessionOptions,
  backend: ExecutionBackend,
  fallbackReason?: string,
): Promise<OnnxSession> {
  const started = performance.now();
  let session: InferenceSession;
  try {
    session = await ort.InferenceSession.create(model, { ...sessionOptions, executionProviders: [backend] });
  } catch (error) {
    throw toInferenceError(error, `create an onnxruntime-web session on '${backend}'`);
  }
  const createMs = performance.now() - started;
  const threads = backend === 'wasm' ? Number(ort.env.wasm.numThreads ?? 1) : 1;
  return new OrtSession(ort, session, backend, threads, createMs, fallbackReason);
}

class OrtSession implements OnnxSession {
  readonly inputs: readonly SessionValueMetadata[];
  readonly outputs: readonly SessionValueMetadata[];
  private released = false;

  constructor(
    private readonly ort: OrtModule,
    private readonly session: InferenceSession,
    readonly backend: ExecutionBackend,
    readonly threads: number,
    readonly createMs: number,
    readonly fallbackReason?: string,
  ) {
    this.inputs = session.inputMetadata.map(toValueMetadata);
    this.outputs = session.outputMetadata.map(toValueMetadata);
  }

  async run(feeds: Readonly<Record<string, TensorData>>, outputNames?: readonly string[]): Promise<RunResult> {
    if (this.released) {
      throw new InferenceError('The session was released and cannot run again; open the model again.', 'inference.failed');
    }
    const started = performance.now();
    const ortFeeds: Record<string, Tensor> = {};
    for (const [name, tensor] of Object.entries(feeds)) {
      ortFeeds[name] = new this.ort.Tensor(tensor.type, tensor.data as Tensor.DataType, tensor.dims);
    }
    let results: InferenceSession.ReturnType;
    try {
      results = await this.session.run(ortFeeds, outputNames ? [...outputNames] : this.session.outputNames);
    } catch (error) {
      throw toInferenceError(error, 'run the model');
    }
    const outputs: Record<string, TensorData> = {};
    for (const [name, tensor] of Object.entries(results)) {
      outputs[name] = fromOrtTensor(name, tensor);
    }
    return { outputs, runMs: performance.now() - started };
  }

  async release(): Promise<void> {
    if (!this.released) {
      this.released = true;
      await this.session.release();
    }
  }
}

function toValueMetadata(metadata: InferenceSession.ValueMetadata): SessionValueMetadata {
  if (!metadata.isTensor) {
    return { name: metadata.name, isTensor: false };
  }
  return {
    name: metadata.name,
    isTensor: true,
    type: metadata.type,
    shape: metadata.shape.map((dim) => (dim === UNKNOWN_DIM ? undefined : dim)),
  };
}

function fromOrtTensor(name: string, tensor: Tensor): TensorData {
  const type = tensor.type;
  if (!isTensorElementType(type)) {
    throw new InferenceError(`The output '${name}' has element type '${type}', which cannot be read in JavaScript.`, 'inference.unsupportedType');
  }
  let data = tensor.data as TensorData['data'];
  // Where Float16Array exists onnxruntime-web returns one; the engine keeps float16 as its bits.
  if (type === 'float16' && !(data instanceof Uint16Array)) {
    const view = data as unknown as ArrayBufferView;
    data = new Uint16Array(view.buffer, view.byteOffset, view.byteLength / 2);
  }
  return { type, dims: [...tensor.dims], data } as TensorData;
}
