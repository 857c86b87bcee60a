import { describe, expect, it } from 'vitest';
import { SpatialIndex, fitTransform, visibleRect } from './spatial-index.js';

describe('SpatialIndex', () => {
  it('finds items intersecting the query and skips the rest', () => {
    const index = new SpatialIndex(100);
    index.insert(0, { x: 0, y: 0, width: 50, height: 50 });
    index.insert(1, { x: 500, y: 500, width: 50, height: 50 });
    index.insert(2, { x: 40, y: 40, width: 10, height: 10 });
    expect(index.query({ x: 30, y: 30, width: 30, height: 30 })).toEqual([0, 2]);
  });

  it('finds an item spanning more cells than the grid keeps per item', () => {
    const index = new SpatialIndex(1);
    index.insert(0, { x: 0, y: 0, width: 10_000, height: 10_000 });
    expect(index.query({ x: 5000, y: 5000, width: 1, height: 1 })).toEqual([0]);
  });

  it('reports an item once when it covers several queried cells', () => {
    const index = new SpatialIndex(10);
    index.insert(3, { x: 0, y: 0, width: 100, height: 100 });
    expect(index.query({ x: 0, y: 0, width: 100, height: 100 })).toEqual([3]);
  });
});

describe('view transforms', () => {
  it('maps the viewport back to layout coordinates', () => {
    const rect = visibleRect({ x: -100, y: -50, k: 2 }, 200, 100);
    expect(rect.x).toBeCloseTo(50);
    expect(rect.y).toBeCloseTo(25);
    expect(rect.width).toBeCloseTo(100);
  });

  it('fits a wide drawing to the viewport width and centres it', () => {
    const t = fitTransform({ x: 0, y: 0, width: 2000, height: 100 }, 1000, 800, 0);
    expect(t.k).toBeCloseTo(0.5);
    expect(t.y).toBeCloseTo((800 - 50) / 2);
  });
});
