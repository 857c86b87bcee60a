import type { Graph } from '../../../engine/model/description.js';
import { LayoutCancelledError, LayoutClient } from '../../workers/layout-client.js';
import { PanZoom } from '../structure/pan-zoom.svelte.js';
import { fitTransform, visibleRect } from '../structure/spatial-index.js';
import { buildDisplayGraph } from './display-graph.js';
import type { LayoutDirection, LayoutRequest } from './layout/protocol.js';
import { layoutRequest, overviewPaths, positionGraph, type PositionedGraph } from './positioned-graph.js';
import { searchNodes, stepMatch, toSet } from './search.js';

/** Below this zoom, or above this many visible nodes, the drawing switches to the merged-path overview. */
const DETAIL_MIN_SCALE = 0.3;
const DETAIL_MAX_NODES = 1200;
/** Screen pixels rendered beyond the viewport on each side, so panning does not show empty borders. */
const CULL_MARGIN = 160;
/** Below this scale node labels are too small to read, so a large graph opens at its start instead of fitted. */
const READABLE_SCALE = 0.45;

export type LayoutStatus =
  | { readonly state: 'running'; readonly phase: string; readonly fraction: number }
  | { readonly state: 'done' }
  | { readonly state: 'failed'; readonly message: string };

/** State of one graph view: which (sub)graph is open, its layout, what is visible, selection and search. */
export class GraphViewState {
  stack = $state.raw<readonly { readonly label: string; readonly graph: Graph }[]>([]);
  direction = $state<LayoutDirection>('TB');
  engine = $state<LayoutRequest['engine']>('auto');
  showNames = $state(false);
  positioned = $state.raw<PositionedGraph | undefined>();
  status = $state.raw<LayoutStatus>({ state: 'running', phase: 'preparing', fraction: 0 });
  selectedId = $state<string | undefined>();
  hoveredEdge = $state<number | undefined>();
  query = $state('');
  matchCursor = $state(0);
  readonly panZoom = new PanZoom();
  readonly #client: LayoutClient;

  readonly current = $derived(this.stack[this.stack.length - 1].graph);
  readonly display = $derived(buildDisplayGraph(this.current, { showNames: this.showNames }));
  /** The merged paths of the zoomed-out drawing; only computed while it is shown. */
  readonly overview = $derived.by(() =>
    this.positioned && !this.isDetailed ? overviewPaths(this.positioned, this.visible.nodes, this.visible.edges) : undefined,
  );
  readonly selected = $derived(this.display.nodes.find((node) => node.id === this.selectedId));
  readonly matches = $derived.by(() => {
    const positioned = this.positioned;
    if (!positioned) return [];
    return searchNodes(positioned.display.nodes, this.query, (i) => positioned.boxes[i]);
  });
  readonly matchSet: ReadonlySet<number> = $derived(toSet(this.matches));
  readonly visible = $derived.by(() => {
    const positioned = this.positioned;
    const { width, height, transform } = this.panZoom;
    if (!positioned || width === 0) return { nodes: [] as number[], edges: [] as number[] };
    const rect = visibleRect(transform, width, height, CULL_MARGIN);
    return { nodes: positioned.nodeIndex.query(rect), edges: positioned.edgeIndex.query(rect) };
  });
  readonly isDetailed = $derived(
    this.panZoom.transform.k >= DETAIL_MIN_SCALE && this.visible.nodes.length <= DETAIL_MAX_NODES,
  );

  constructor(root: Graph, client: LayoutClient) {
    this.stack = [{ label: root.name || 'main graph', graph: root }];
    this.#client = client;
  }

  /** Lays out the open graph in the current direction; the view calls it whenever either changes. */
  async relayout(): Promise<void> {
    const display = this.display;
    const direction = this.direction;
    const engine = this.engine;
    this.status = { state: 'running', phase: 'preparing', fraction: 0 };
    try {
      const result = await this.#client.layout(layoutRequest(display, direction, engine), (phase, fraction) => {
        this.status = { state: 'running', phase, fraction };
      });
      this.positioned = positionGraph(display, direction, result);
      this.status = { state: 'done' };
      this.showStart();
      if (this.query.trim() !== '') this.#focusMatch();
    } catch (error) {
      if (error instanceof LayoutCancelledError) return;
      this.status = { state: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
  }

  fitToView(): void {
    if (this.positioned) this.panZoom.fitBounds(this.positioned.bounds, 1);
  }

  /**
   * The first view of a graph: all of it when that stays readable, otherwise its beginning (top, or left for
   * horizontal layouts) at reading size, as netron opens large models.
   */
  showStart(): void {
    const positioned = this.positioned;
    if (!positioned) return;
    const { width, height } = this.panZoom;
    const fitted = fitTransform(positioned.bounds, width, height, 24, 1);
    if (fitted.k >= READABLE_SCALE || positioned.boxes.length === 0) {
      this.panZoom.set(fitted);
      return;
    }
    const first = positioned.boxes.reduce((best, box) => (this.direction === 'TB' ? box.y < best.y : box.x < best.x) ? box : best);
    const k = 0.9;
    this.panZoom.set(
      this.direction === 'TB'
        ? { x: width / 2 - (first.x + first.width / 2) * k, y: 24 - first.y * k, k }
        : { x: 24 - first.x * k, y: height / 2 - (first.y + first.height / 2) * k, k },
    );
  }

  focusNode(id: string): void {
    const index = this.positioned?.indexById.get(id);
    if (index === undefined || !this.positioned) return;
    const box = this.positioned.boxes[index];
    this.panZoom.focus(box.x + box.width / 2, box.y + box.height / 2);
  }

  select(id: string | undefined): void {
    this.selectedId = id;
  }

  search(query: string): void {
    this.query = query;
    this.matchCursor = 0;
    this.#focusMatch();
  }

  stepMatch(step: 1 | -1): void {
    this.matchCursor = stepMatch(this.matchCursor, this.matches.length, step);
    this.#focusMatch();
  }

  openSubgraph(label: string, graph: Graph): void {
    this.stack = [...this.stack, { label, graph }];
    this.#resetView();
  }

  /** Goes back to the graph at breadcrumb position `depth` (0 is the main graph). */
  openAncestor(depth: number): void {
    if (depth >= this.stack.length - 1) return;
    this.stack = this.stack.slice(0, depth + 1);
    this.#resetView();
  }

  toggleDirection(): void {
    this.direction = this.direction === 'TB' ? 'LR' : 'TB';
  }

  dispose(): void {
    this.#client.dispose();
  }

  #resetView(): void {
    this.positioned = undefined;
    this.selectedId = undefined;
    this.hoveredEdge = undefined;
    this.query = '';
    this.matchCursor = 0;
  }

  #focusMatch(): void {
    const index = this.matches[this.matchCursor];
    if (index === undefined || !this.positioned) return;
    const node = this.positioned.display.nodes[index];
    this.selectedId = node.id;
    this.focusNode(node.id);
  }
}
