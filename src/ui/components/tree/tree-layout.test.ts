import { describe, expect, it } from 'vitest';
import type { TreeNodeSpec } from '../../../engine/model/description.js';
import { irisTree } from '../structure/fixtures.js';
import {
  CARD_WIDTH,
  distributionColors,
  distributionSegments,
  idSet,
  initialCollapsed,
  layoutTree,
  toggled,
  predicateValue,
  wrapLabel,
} from './tree-layout.js';

function balanced(depth: number, id = 'r'): TreeNodeSpec {
  return { id, predicate: id, children: depth === 0 ? [] : [balanced(depth - 1, `${id}L`), balanced(depth - 1, `${id}R`)] };
}

describe('layoutTree', () => {
  it('places children below their parent without overlapping siblings', () => {
    const drawing = layoutTree(irisTree, idSet([]), idSet([]));
    const [root, left, right] = ['1', '2', '3'].map((id) => drawing.cards.find((c) => c.spec.id === id)!);
    expect(left.y).toBeGreaterThan(root.y);
    expect(right.x - left.x).toBeGreaterThanOrEqual(CARD_WIDTH);
  });

  it('marks the cards and links of the decision path', () => {
    const drawing = layoutTree(irisTree, idSet([]), idSet(['1', '3', '5']));
    expect(drawing.cards.filter((c) => c.isOnPath).map((c) => c.spec.id)).toEqual(['1', '3', '5']);
    expect(drawing.links.filter((l) => l.isOnPath)).toHaveLength(2);
  });

  it('hides the subtree of a collapsed node and counts what it hides', () => {
    const drawing = layoutTree(irisTree, idSet(['3']), idSet([]));
    expect(drawing.cards.map((c) => c.spec.id)).toEqual(['1', '2', '3']);
    expect(drawing.cards.find((c) => c.spec.id === '3')?.hiddenCount).toBe(2);
  });

  it('culls cards outside the queried area', () => {
    const drawing = layoutTree(balanced(8), idSet([]), idSet([]));
    const root = drawing.cards[0];
    const found = drawing.index.query({ x: root.x, y: root.y, width: 300, height: 100 });
    expect(found).toContain(0);
    expect(found.length).toBeLessThan(drawing.cards.length / 10);
  });
});

describe('initialCollapsed', () => {
  it('opens whole levels while they fit the budget and collapses the next', () => {
    const collapsed = initialCollapsed(balanced(10), 15);
    expect(collapsed.size).toBe(8);
    expect(layoutTree(balanced(10), collapsed, idSet([])).cards).toHaveLength(15);
  });

  it('collapses nothing in a tree smaller than the budget', () => {
    expect(initialCollapsed(irisTree).size).toBe(0);
  });
});

describe('tree helpers', () => {
  it('toggles an id in and out of an immutable set', () => {
    const once = toggled(idSet([]), 'a');
    expect(once.has('a')).toBe(true);
    expect(toggled(once, 'a').has('a')).toBe(false);
  });

  it('splits a distribution bar in proportion to record counts', () => {
    const node = irisTree.children[1].children[0];
    const segments = distributionSegments(node, distributionColors(irisTree));
    expect(segments.map((s) => s.size)).toEqual([expect.closeTo(49 / 54, 6), expect.closeTo(5 / 54, 6)]);
    expect(segments[1].start).toBeCloseTo(49 / 54);
  });
});

describe('wrapLabel', () => {
  it('breaks at a space and marks cut text with an ellipsis', () => {
    expect(wrapLabel('petal_length > 2.45', 40, 2)).toEqual(['petal_length > 2.45']);
    expect(wrapLabel('alpha beta gamma delta', 11, 2)).toEqual(['alpha beta', 'gamma delta']);
    expect(wrapLabel('alpha beta gamma delta epsilon', 11, 2)).toEqual(['alpha beta', 'gamma delt…']);
  });
});

describe('predicateValue', () => {
  it('names the tested field with the record value, preferring the longest field name', () => {
    const values = { x: 1, 'x y': 2.123456789 };
    expect(predicateValue('x y <= 3', values)).toBe('x y = 2.12346');
    expect(predicateValue('x > 0', values)).toBe('x = 1');
  });

  it('says so when the field is missing and is silent for unknown fields', () => {
    expect(predicateValue('age <= 3', { age: null })).toBe('age is missing');
    expect(predicateValue('(a > 1) and (b < 2)', { a: 1 })).toBeUndefined();
  });
});
