import { toAppError, type AppError } from '../state/app-error.js';

/** What the app's workers post back: the request's id with its value, or the failure as {@link AppError} data. */
export type WorkerReply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: AppError };

/**
 * Request/reply over one of the app's module workers: each request carries an id, the reply with that id settles
 * its promise, and a worker that crashes rejects everything in flight with an `AppError` naming it. The worker is
 * created by the caller (`new Worker(new URL(…), { type: 'module' })` must stay where Vite can see it).
 */
export class WorkerRpc<Request extends object> {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
  #nextId = 1;

  /** @param label how messages name the worker, e.g. `engine` → "The engine worker failed: …". */
  constructor(worker: Worker, label: string) {
    this.#worker = worker;
    worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      const pending = this.#pending.get(reply.id);
      if (!pending) return;
      this.#pending.delete(reply.id);
      if (reply.ok) pending.resolve(reply.value);
      else pending.reject(reply.error);
    });
    worker.addEventListener('error', (event) => {
      const error = toAppError(new Error(`The ${label} worker failed: ${event.message || 'unknown error'}.`));
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
    });
  }

  /** Posts `request` (with `transfer` moved, not copied) and resolves with the worker's reply value. */
  call(request: Request, transfer: Transferable[] = []): Promise<unknown> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...request, id }, transfer);
    });
  }

  terminate(): void {
    this.#worker.terminate();
  }
}
