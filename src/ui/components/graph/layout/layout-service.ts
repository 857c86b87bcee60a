import { elkLayout, type ElkLayouter } from './elk-layout.js';
import { layeredLayout } from './layered-layout.js';
import { ELK_NODE_LIMIT, type LayoutProgress, type LayoutRequest, type LayoutResult } from './protocol.js';

/**
 * Runs one layout request with the engine it asks for (or the one `auto` picks). ELK failures on large inputs
 * (stack overflow in deep recursion) fall back to the layered layout rather than leaving the user without a graph.
 */
export async function runLayout(
  request: LayoutRequest,
  loadElk: () => Promise<ElkLayouter>,
  progress: LayoutProgress = () => {},
): Promise<LayoutResult> {
  const useElk = request.engine === 'elk' || (request.engine === 'auto' && request.nodes.length <= ELK_NODE_LIMIT);
  if (!useElk) return layeredLayout(request, progress);
  progress('elk', 0);
  try {
    const result = await elkLayout(await loadElk(), request);
    progress('done', 1);
    return result;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return layeredLayout(request, progress);
  }
}
