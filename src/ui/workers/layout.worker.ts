import type { ElkLayouter } from '../components/graph/layout/elk-layout.js';
import type { WorkerRequest, WorkerResponse } from '../components/graph/layout/protocol.js';
import { handleLayoutMessage } from './layout-handler.js';

/** The worker scope, typed by hand: the UI program compiles under the DOM lib, where `self` is a Window. */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse, transfer: Transferable[]): void;
};

let elk: Promise<ElkLayouter> | undefined;

/**
 * ELK is loaded on first use (1.6 MB). `elk.bundled.js` detects a worker scope and installs its own
 * `self.onmessage`, so the handler is assigned again after the import, replacing it.
 */
function loadElk(): Promise<ElkLayouter> {
  elk ??= import('elkjs/lib/elk.bundled.js').then((module) => {
    const instance = new module.default();
    scope.onmessage = onMessage;
    return instance;
  });
  return elk;
}

function onMessage(event: MessageEvent<WorkerRequest>): void {
  void handleLayoutMessage(event.data, loadElk, (response) => {
    const transfer = response.type === 'done' ? [response.result.x.buffer, response.result.y.buffer] : [];
    scope.postMessage(response, transfer);
  });
}

scope.onmessage = onMessage;
