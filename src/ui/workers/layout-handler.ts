import type { ElkLayouter } from '../components/graph/layout/elk-layout.js';
import { runLayout } from '../components/graph/layout/layout-service.js';
import type { WorkerRequest, WorkerResponse } from '../components/graph/layout/protocol.js';

/** Answers one worker request; shared by `layout.worker.ts` and the in-process transport used in tests. */
export async function handleLayoutMessage(
  message: WorkerRequest,
  loadElk: () => Promise<ElkLayouter>,
  reply: (response: WorkerResponse) => void,
): Promise<void> {
  const { id, request } = message;
  try {
    const result = await runLayout(request, loadElk, (phase, fraction) => reply({ type: 'progress', id, phase, fraction }));
    reply({ type: 'done', id, result });
  } catch (error) {
    reply({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
  }
}
