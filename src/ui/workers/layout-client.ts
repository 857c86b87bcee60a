import type {
  LayoutProgress,
  LayoutRequest,
  LayoutResult,
  WorkerRequest,
  WorkerResponse,
} from '../components/graph/layout/protocol.js';

/** A message channel to something that answers layout requests: the layout worker, or an in-process stand-in. */
export interface LayoutTransport {
  post(message: WorkerRequest): void;
  /** Registers the handlers for replies and for a failure of the channel itself (worker failed to load). */
  listen(handler: (message: WorkerResponse) => void, onFailure: (message: string) => void): void;
  /** Stops the other side for good (a running ELK layout cannot be interrupted any other way). */
  terminate(): void;
}

/** Thrown (as the rejection) when a newer layout request or `dispose()` supersedes a running one. */
export class LayoutCancelledError extends Error {
  override name = 'LayoutCancelledError';
}

interface Pending {
  readonly id: number;
  readonly resolve: (result: LayoutResult) => void;
  readonly reject: (error: Error) => void;
  readonly progress: LayoutProgress;
}

/**
 * Runs layouts off the main thread, one at a time: a new request cancels the running one by replacing the
 * transport, since the graph it was laying out is no longer shown.
 */
export class LayoutClient {
  #transport: LayoutTransport | undefined;
  #pending: Pending | undefined;
  #nextId = 1;
  readonly #createTransport: () => LayoutTransport;

  constructor(createTransport: () => LayoutTransport) {
    this.#createTransport = createTransport;
  }

  layout(request: LayoutRequest, progress: LayoutProgress = () => {}): Promise<LayoutResult> {
    if (this.#pending) this.#cancel();
    const transport = this.#ensureTransport();
    const id = this.#nextId++;
    return new Promise<LayoutResult>((resolve, reject) => {
      this.#pending = { id, resolve, reject, progress };
      transport.post({ type: 'layout', id, request });
    });
  }

  dispose(): void {
    if (this.#pending) this.#cancel();
    this.#transport?.terminate();
    this.#transport = undefined;
  }

  #ensureTransport(): LayoutTransport {
    if (this.#transport) return this.#transport;
    const transport = this.#createTransport();
    transport.listen(
      (message) => this.#receive(message),
      (message) => this.#fail(message),
    );
    this.#transport = transport;
    return transport;
  }

  #cancel(): void {
    this.#pending?.reject(new LayoutCancelledError('The layout was superseded by a newer one.'));
    this.#pending = undefined;
    this.#transport?.terminate();
    this.#transport = undefined;
  }

  #fail(message: string): void {
    const pending = this.#pending;
    this.#pending = undefined;
    this.#transport?.terminate();
    this.#transport = undefined;
    pending?.reject(new Error(message));
  }

  #receive(message: WorkerResponse): void {
    const pending = this.#pending;
    if (!pending || pending.id !== message.id) return;
    if (message.type === 'progress') {
      pending.progress(message.phase, message.fraction);
      return;
    }
    this.#pending = undefined;
    if (message.type === 'done') pending.resolve(message.result);
    else pending.reject(new Error(message.message));
  }
}

/** The browser transport: a module worker running `layout.worker.ts`. */
export function workerTransport(): LayoutTransport {
  const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  return {
    post: (message) => worker.postMessage(message),
    listen: (handler, onFailure) => {
      worker.onmessage = (event: MessageEvent<WorkerResponse>) => handler(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        onFailure(event.message || 'The layout worker failed to start.');
      };
    },
    terminate: () => worker.terminate(),
  };
}
