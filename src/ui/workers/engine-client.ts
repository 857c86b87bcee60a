import { toAppError } from '../state/app-error.js';
import { reviveDescription } from './clone-description.js';
import type {
  BatchReply,
  EngineRequest,
  EngineResponseMessage,
  EvaluateReply,
  OpenReply,
  RawValue,
} from './engine-protocol.js';

/**
 * The main thread's handle on the engine worker: format detection, parsing and PMML evaluation all run there,
 * so a large document never freezes the page. Replies arrive as promises; errors as {@link AppError} data.
 */
export class EngineClient {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
  #nextId = 1;

  constructor() {
    this.#worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' });
    this.#worker.addEventListener('message', (event: MessageEvent<EngineResponseMessage>) => {
      const reply = event.data;
      const pending = this.#pending.get(reply.id);
      if (!pending) return;
      this.#pending.delete(reply.id);
      if (reply.ok) pending.resolve(reply.value);
      else pending.reject(reply.error);
    });
    this.#worker.addEventListener('error', (event) => {
      const error = toAppError(new Error(`The engine worker failed: ${event.message || 'unknown error'}.`));
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
    });
  }

  /** Detects the format and parses the file; the bytes are copied, so the caller keeps its buffer. */
  async open(fileName: string, bytes: ArrayBuffer): Promise<OpenReply> {
    const copy = bytes.slice(0);
    const reply = (await this.#call({ type: 'open', fileName, bytes: copy }, [copy])) as OpenReply;
    return { ...reply, description: reviveDescription(reply.description) };
  }

  evaluate(handle: number, record: Readonly<Record<string, RawValue>>): Promise<EvaluateReply> {
    return this.#call({ type: 'evaluate', handle, record }) as Promise<EvaluateReply>;
  }

  /** Scores every row of a CSV file's text with the model behind `handle`. */
  scoreCsv(handle: number, text: string): Promise<BatchReply> {
    return this.#call({ type: 'scoreCsv', handle, text }) as Promise<BatchReply>;
  }

  close(handle: number): void {
    void this.#call({ type: 'close', handle }).catch(() => undefined);
  }

  #call(request: EngineRequest, transfer: Transferable[] = []): Promise<unknown> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...request, id }, transfer);
    });
  }
}
