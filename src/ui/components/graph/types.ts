import type { LayoutClient } from '../../workers/layout-client.js';
import type { KindViewProps } from '../structure/types.js';

/** Props of `GraphView`: an ONNX graph drawn netron-style, with search, node details and subgraphs. */
export interface GraphViewProps extends KindViewProps<'graph'> {
  /** Where layouts run; defaults to a client over `layout.worker.ts`. */
  readonly layoutClient?: LayoutClient;
}
