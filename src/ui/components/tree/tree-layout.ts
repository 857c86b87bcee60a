import { hierarchy, tree } from 'd3-hierarchy';
import type { TreeNodeSpec } from '../../../engine/model/description.js';
import { SpatialIndex, type Rect } from '../structure/spatial-index.js';

export const CARD_WIDTH = 184;
export const CARD_HEIGHT = 76;
const SIBLING_GAP = 20;
const LEVEL_GAP = 56;

/** A drawn tree node: its card's top-left corner and what the card shows. */
export interface TreeCard {
  readonly spec: TreeNodeSpec;
  readonly x: number;
  readonly y: number;
  readonly depth: number;
  /** Number of nodes hidden below this one when it is collapsed (0 when expanded or a leaf). */
  readonly hiddenCount: number;
  readonly isOnPath: boolean;
}

export interface TreeLink {
  readonly d: string;
  readonly isOnPath: boolean;
}

export interface TreeDrawing {
  readonly cards: readonly TreeCard[];
  readonly links: readonly TreeLink[];
  readonly bounds: Rect;
  /** Card positions and link boxes, for drawing only what the viewport shows. */
  readonly index: SpatialIndex;
  readonly linkIndex: SpatialIndex;
}

export function countNodes(node: TreeNodeSpec): number {
  let count = 1;
  for (const child of node.children) count += countNodes(child);
  return count;
}

/**
 * Lays out the expanded part of a tree top-down with d3-hierarchy's tidy tree (Reingold–Tilford) and marks the
 * nodes and links on the decision path.
 */
export function layoutTree(root: TreeNodeSpec, collapsed: ReadonlySet<string>, path: ReadonlySet<string>): TreeDrawing {
  const rootNode = hierarchy(root, (node) => (collapsed.has(node.id) ? [] : node.children));
  const laidOut = tree<TreeNodeSpec>()
    .nodeSize([CARD_WIDTH + SIBLING_GAP, CARD_HEIGHT + LEVEL_GAP])
    .separation((a, b) => (a.parent === b.parent ? 1 : 1.15))(rootNode);
  const nodes = laidOut.descendants();
  const minX = Math.min(...nodes.map((n) => n.x));
  const cards: TreeCard[] = [];
  const position = new Map<TreeNodeSpec, number>();
  const index = new SpatialIndex(512);
  let maxX = 0;
  let maxY = 0;
  for (const node of nodes) {
    const card: TreeCard = {
      spec: node.data,
      x: node.x - minX,
      y: node.y,
      depth: node.depth,
      hiddenCount: collapsed.has(node.data.id) ? countNodes(node.data) - 1 : 0,
      isOnPath: path.has(node.data.id),
    };
    position.set(node.data, cards.length);
    index.insert(cards.length, { x: card.x, y: card.y, width: CARD_WIDTH, height: CARD_HEIGHT });
    cards.push(card);
    maxX = Math.max(maxX, card.x + CARD_WIDTH);
    maxY = Math.max(maxY, card.y + CARD_HEIGHT);
  }
  const linkIndex = new SpatialIndex(512);
  const links = laidOut.links().map(({ source, target }, i) => {
    const s = cards[position.get(source.data)!];
    const t = cards[position.get(target.data)!];
    const [x0, y0, x1, y1] = [s.x + CARD_WIDTH / 2, s.y + CARD_HEIGHT, t.x + CARD_WIDTH / 2, t.y];
    const my = (y0 + y1) / 2;
    linkIndex.insert(i, { x: Math.min(x0, x1), y: y0, width: Math.abs(x1 - x0), height: y1 - y0 });
    return { d: `M${x0},${y0}C${x0},${my} ${x1},${my} ${x1},${y1}`, isOnPath: s.isOnPath && t.isOnPath };
  });
  return { cards, links, bounds: { x: 0, y: 0, width: maxX, height: maxY }, index, linkIndex };
}

/**
 * The nodes to collapse so that about `budget` nodes show at first: whole levels are opened while they fit,
 * the rest is collapsed at the first level that does not.
 */
export function initialCollapsed(root: TreeNodeSpec, budget = 63): Set<string> {
  let level: TreeNodeSpec[] = [root];
  let shown = 1;
  while (level.length > 0) {
    const next = level.flatMap((node) => node.children);
    if (shown + next.length > budget) return new Set(level.filter((node) => node.children.length > 0).map((node) => node.id));
    shown += next.length;
    level = next;
  }
  return new Set();
}

/** Colours for score-distribution categories, assigned in order of first appearance (Tableau 10). */
const CATEGORY_PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

export function distributionColors(root: TreeNodeSpec): Map<string, string> {
  const colors = new Map<string, string>();
  const visit = (node: TreeNodeSpec) => {
    for (const { value } of node.distribution ?? []) {
      if (!colors.has(value)) colors.set(value, CATEGORY_PALETTE[colors.size % CATEGORY_PALETTE.length]);
    }
    node.children.forEach(visit);
  };
  visit(root);
  return colors;
}

/** Stacked-bar segments of a node's score distribution, as fractions of the bar. */
export function distributionSegments(
  node: TreeNodeSpec,
  colors: ReadonlyMap<string, string>,
): { readonly value: string; readonly start: number; readonly size: number; readonly color: string }[] {
  const entries = node.distribution ?? [];
  const weight = (e: (typeof entries)[number]) => e.probability ?? e.recordCount;
  const total = entries.reduce((sum, e) => sum + weight(e), 0);
  if (total <= 0) return [];
  let start = 0;
  return entries.map((e) => {
    const size = weight(e) / total;
    const segment = { value: e.value, start, size, color: colors.get(e.value) ?? '#999' };
    start += size;
    return segment;
  });
}

/** A copy of `set` with `id` added when absent and removed when present (immutable, for `$state.raw`). */
export function toggled(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  if (!next.delete(id)) next.add(id);
  return next;
}

/** A copy of `set` without the members of `ids`. */
export function without(set: ReadonlySet<string>, ids: ReadonlySet<string>): ReadonlySet<string> {
  return new Set([...set].filter((id) => !ids.has(id)));
}

export function idSet(ids: Iterable<string>): ReadonlySet<string> {
  return new Set(ids);
}

/**
 * Splits `text` into at most `maxLines` lines of at most `maxChars`, breaking after spaces where it can and
 * ending with an ellipsis when text is left over.
 */
export function wrapLabel(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  let rest = text.trim();
  while (rest.length > 0 && lines.length < maxLines) {
    if (rest.length <= maxChars) {
      lines.push(rest);
      rest = '';
      break;
    }
    const space = rest.lastIndexOf(' ', maxChars);
    const cut = space > maxChars / 2 ? space : maxChars;
    lines.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) {
    const last = lines[lines.length - 1];
    lines[lines.length - 1] = `${last.slice(0, maxChars - 1)}…`;
  }
  return lines;
}

/**
 * The record's value of the field a predicate tests, as `field = value`: the longest known field name the
 * predicate text starts with (field names may contain spaces and operators, e.g. derived `log(x + 1)`).
 * Undefined for compound predicates and fields the record does not hold.
 */
export function predicateValue(predicate: string, values: Readonly<Record<string, unknown>>): string | undefined {
  let field: string | undefined;
  for (const name of Object.keys(values)) {
    if (predicate.startsWith(`${name} `) && (field === undefined || name.length > field.length)) field = name;
  }
  if (field === undefined) return undefined;
  const value = values[field];
  if (value === null || value === undefined || value === '') return `${field} is missing`;
  const text = typeof value === 'number' ? String(Number(value.toPrecision(6))) : String(value);
  return `${field} = ${text}`;
}

/** {@link predicateValue} for every card on the decision path below the root, by node id. */
export function pathValueLabels(cards: readonly TreeCard[], values: Readonly<Record<string, unknown>>): ReadonlyMap<string, string> {
  const labels = new Map<string, string>();
  for (const card of cards) {
    const label = card.isOnPath && card.depth > 0 ? predicateValue(card.spec.predicate, values) : undefined;
    if (label) labels.set(card.spec.id, label);
  }
  return labels;
}
