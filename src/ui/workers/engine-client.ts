import type { FormatId } from '../../engine/model/description.js';
import { reviveDescription } from './clone-description.js';
import { WorkerRpc } from './worker-rpc.js';
import type {
  BatchReply,
  EngineRequest,
  EvaluateReply,
  OpenReply,
  RawValue,
  TensorLocation,
  TensorValues,
} from './engine-protocol.js';

/**
 * The main thread's handle on the engine worker: format detection, parsing and PMML evaluation all run there,
 * so a large document never freezes the page. Replies arrive as promises; errors as {@link AppError} data.
 */
export class EngineClient {
  readonly #rpc = new WorkerRpc<EngineRequest>(
    new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' }),
    'engine',
  );

  /** Detects the format and parses the file; the bytes are copied, so the caller keeps its buffer. */
  async open(fileName: string, bytes: ArrayBuffer): Promise<OpenReply> {
    const copy = bytes.slice(0);
    const reply = (await this.#rpc.call({ type: 'open', fileName, bytes: copy }, [copy])) as OpenReply;
    return { ...reply, description: reviveDescription(reply.description) };
  }

  /**
   * Checks from its first bytes that a file is a model before the whole of it is read.
   * @throws the engine's UnsupportedFormatError (as an AppError) naming the file when no format recognises it.
   */
  async detect(fileName: string, head: ArrayBuffer): Promise<FormatId> {
    return (await this.#rpc.call({ type: 'detect', fileName, head }, [head])) as FormatId;
  }

  evaluate(handle: number, record: Readonly<Record<string, RawValue>>): Promise<EvaluateReply> {
    return this.#rpc.call({ type: 'evaluate', handle, record }) as Promise<EvaluateReply>;
  }

  /** Scores every row of a CSV file's text with the model behind `handle`. */
  scoreCsv(handle: number, text: string): Promise<BatchReply> {
    return this.#rpc.call({ type: 'scoreCsv', handle, text }) as Promise<BatchReply>;
  }

  /**
   * Decodes up to `limit` values (at most 16,384) of a tensor of the ONNX model behind `handle`, from the bytes
   * the worker holds; the description's own preview has only the first 64.
   */
  tensorValues(handle: number, location: TensorLocation, limit: number): Promise<TensorValues> {
    return this.#rpc.call({ type: 'tensorValues', handle, location, limit }) as Promise<TensorValues>;
  }

  close(handle: number): void {
    void this.#rpc.call({ type: 'close', handle }).catch(() => undefined);
  }
}
