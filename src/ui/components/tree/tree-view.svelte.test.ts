import { describe, expect, it } from 'vitest';
import type { TreeNodeSpec } from '../../../engine/model/description.js';
import { TreeViewState } from './tree-view.svelte.js';

function balanced(depth: number, id = 'r'): TreeNodeSpec {
  return { id, predicate: id, children: depth === 0 ? [] : [balanced(depth - 1, `${id}L`), balanced(depth - 1, `${id}R`)] };
}

describe('TreeViewState', () => {
  it('opens collapsed nodes on the decision path so its leaf is drawn', () => {
    const path = ['r', 'rL', 'rLL', 'rLLL', 'rLLLL', 'rLLLLL', 'rLLLLLL', 'rLLLLLLL'];
    const view = new TreeViewState(balanced(7), () => path);
    expect(view.drawing.cards.some((card) => card.spec.id === path[7])).toBe(false);
    view.revealPath();
    const onPath = view.drawing.cards.filter((card) => card.isOnPath).map((card) => card.spec.id);
    expect(onPath).toEqual(path);
  });

  it('collapses and expands a subtree on toggle', () => {
    const view = new TreeViewState(balanced(2), () => []);
    view.toggle('rL');
    expect(view.drawing.cards.find((card) => card.spec.id === 'rL')?.hiddenCount).toBe(2);
    view.toggle('rL');
    expect(view.drawing.cards).toHaveLength(7);
  });
});
