import { describe, expect, it } from 'vitest';
import { runLayout } from './layout-service.js';
import { ELK_NODE_LIMIT, type LayoutRequest } from './protocol.js';

function chain(count: number, engine: LayoutRequest['engine']): LayoutRequest {
  const nodes = Array.from({ length: count }, (_, i) => ({ id: `n${i}`, width: 60, height: 24 }));
  const edges = nodes.slice(1).map((node, i) => ({ id: `e${i}`, source: `n${i}`, target: node.id }));
  return { nodes, edges, direction: 'TB', engine };
}

describe('runLayout', () => {
  it('falls back to the layered layout when ELK overflows the stack', async () => {
    const overflowing = { layout: () => Promise.reject(new RangeError('Maximum call stack size exceeded')) };
    const result = await runLayout(chain(10, 'elk'), async () => overflowing);
    expect(result.engine).toBe('layered');
  });

  it('passes other ELK failures on', async () => {
    const broken = { layout: () => Promise.reject(new TypeError('bad graph')) };
    await expect(runLayout(chain(10, 'elk'), async () => broken)).rejects.toThrow('bad graph');
  });

  it('never loads ELK for graphs above the limit in auto mode', async () => {
    let isLoaded = false;
    const result = await runLayout(chain(ELK_NODE_LIMIT + 1, 'auto'), async () => {
      isLoaded = true;
      throw new Error('not expected');
    });
    expect(isLoaded).toBe(false);
    expect(result.engine).toBe('layered');
  });

  it('lays out left to right with the flow along x', async () => {
    const result = await runLayout({ ...chain(3, 'layered'), direction: 'LR' }, async () => {
      throw new Error('not expected');
    });
    expect(result.x[1]).toBeGreaterThan(result.x[0] + 60);
    expect(result.y[1]).toBeCloseTo(result.y[0]);
  });
});
