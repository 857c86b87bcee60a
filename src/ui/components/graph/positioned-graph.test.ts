import { describe, expect, it } from 'vitest';
import { smallGraph } from '../structure/fixtures.js';
import { buildDisplayGraph } from './display-graph.js';
import { graphToSvg, pngScale } from './export-image.js';
import { layeredLayout } from './layout/layered-layout.js';
import { layoutRequest, overviewPaths, positionGraph } from './positioned-graph.js';

function positioned() {
  const display = buildDisplayGraph(smallGraph());
  return positionGraph(display, 'TB', layeredLayout(layoutRequest(display, 'TB')));
}

describe('overviewPaths', () => {
  it('merges the visible nodes into one path per category', () => {
    const p = positioned();
    const all = p.display.nodes.map((_, i) => i);
    const overview = overviewPaths(p, all, p.display.edges.map((_, i) => i));
    const layer = overview.nodes.find((group) => group.category === 'layer');
    expect(layer?.d.match(/M/g)).toHaveLength(2);
    expect(overview.edges.match(/M/g)).toHaveLength(p.display.edges.length);
  });
});

describe('graph export', () => {
  it('writes every node into a standalone SVG with escaped labels', () => {
    const p = positioned();
    const svg = graphToSvg(p);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<g transform/g)).toHaveLength(p.display.nodes.length);
    expect(svg).toContain('>Conv<');
  });

  it('scales a PNG down to stay within canvas limits', () => {
    expect(pngScale(1000, 800)).toBe(2);
    expect(pngScale(2000, 100_000)).toBeLessThan(0.2);
  });
});
