import type { TreeNodeSpec } from '../../../engine/model/description.js';
import { PanZoom } from '../structure/pan-zoom.svelte.js';
import { fitTransform, visibleRect } from '../structure/spatial-index.js';
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  countNodes,
  distributionColors,
  idSet,
  initialCollapsed,
  layoutTree,
  pathValueLabels,
  toggled,
  without,
} from './tree-layout.js';

const CULL_MARGIN = 200;
/** Below this scale card text is unreadable, so a large tree opens at its root at {@link START_SCALE}. */
const READABLE_SCALE = 0.65;
const START_SCALE = 0.8;

/** State of one decision-tree drawing: which subtrees are collapsed, the layout, and what is visible. */
export class TreeViewState {
  readonly root: TreeNodeSpec;
  readonly nodeCount: number;
  readonly colors: ReadonlyMap<string, string>;
  readonly panZoom = new PanZoom([0.05, 3]);
  collapsed = $state.raw<ReadonlySet<string>>(idSet([]));
  selectedId = $state<string | undefined>();
  readonly #path: () => readonly string[];
  readonly #values: () => Readonly<Record<string, unknown>>;

  readonly pathSet = $derived.by(() => idSet(this.#path()));
  readonly drawing = $derived.by(() => layoutTree(this.root, this.collapsed, this.pathSet));
  readonly visible = $derived.by(() => {
    const { width, height, transform } = this.panZoom;
    if (width === 0) return { cards: [] as number[], links: [] as number[] };
    const rect = visibleRect(transform, width, height, CULL_MARGIN);
    return { cards: this.drawing.index.query(rect), links: this.drawing.linkIndex.query(rect) };
  });
  readonly isDetailed = $derived(this.panZoom.transform.k >= 0.35);
  readonly selected = $derived(this.drawing.cards.find((card) => card.spec.id === this.selectedId));

  /** For each card on the decision path, the record's value of the field its predicate tests. */
  readonly pathValues = $derived.by(() => pathValueLabels(this.drawing.cards, this.#values()));

  /**
   * `path` reads the current decision path (root → leaf node ids) and `values` the record's input and derived
   * values; the drawing follows both.
   */
  constructor(root: TreeNodeSpec, path: () => readonly string[], values: () => Readonly<Record<string, unknown>> = () => ({})) {
    this.root = root;
    this.nodeCount = countNodes(root);
    this.colors = distributionColors(root);
    this.collapsed = initialCollapsed(root);
    this.#path = path;
    this.#values = values;
  }

  toggle(id: string): void {
    this.collapsed = toggled(this.collapsed, id);
  }

  expandAll(): void {
    this.collapsed = idSet([]);
  }

  collapseAll(): void {
    this.collapsed = initialCollapsed(this.root, 1);
  }

  /** Opens every collapsed node on the decision path and brings its leaf into view. */
  revealPath(): void {
    const path = this.#path();
    if (path.length === 0) return;
    if (path.some((id) => this.collapsed.has(id))) this.collapsed = without(this.collapsed, this.pathSet);
    const leaf = this.drawing.cards.find((card) => card.spec.id === path[path.length - 1]);
    if (!leaf) return;
    const { width, height, transform } = this.panZoom;
    const view = visibleRect(transform, width, height);
    const isInView =
      leaf.x >= view.x && leaf.y >= view.y && leaf.x + CARD_WIDTH <= view.x + view.width && leaf.y + CARD_HEIGHT <= view.y + view.height;
    if (!isInView) this.panZoom.focus(leaf.x + CARD_WIDTH / 2, leaf.y + CARD_HEIGHT / 2, 0.6);
  }

  fitToView(): void {
    this.panZoom.fitBounds(this.drawing.bounds, 1.2);
  }

  /** The first view: the whole tree when it stays readable, otherwise the root at reading size. */
  showStart(): void {
    const { width, height } = this.panZoom;
    const fitted = fitTransform(this.drawing.bounds, width, height, 24, 1.2);
    if (fitted.k >= READABLE_SCALE) {
      this.panZoom.set(fitted);
      return;
    }
    const root = this.drawing.cards[0];
    this.panZoom.set({ x: width / 2 - (root.x + CARD_WIDTH / 2) * START_SCALE, y: 24 - root.y * START_SCALE, k: START_SCALE });
  }
}
