import type { DisplayNode } from './display-graph.js';

/**
 * Indices of the nodes matching `query` (case-insensitive substring of name, op type, id or value names),
 * in reading order of the drawing (top to bottom, then left to right) so next/previous walk through it.
 */
export function searchNodes(
  nodes: readonly DisplayNode[],
  query: string,
  position: (index: number) => { readonly x: number; readonly y: number },
): number[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [];
  const matches: number[] = [];
  nodes.forEach((node, i) => {
    if (node.searchText.includes(needle)) matches.push(i);
  });
  return matches.sort((a, b) => {
    const pa = position(a);
    const pb = position(b);
    return pa.y - pb.y || pa.x - pb.x;
  });
}

/** The next (step 1) or previous (step -1) match index, wrapping around. */
export function stepMatch(current: number, count: number, step: 1 | -1): number {
  if (count === 0) return -1;
  return (((current + step) % count) + count) % count;
}

export function toSet<T>(items: readonly T[]): ReadonlySet<T> {
  return new Set(items);
}
