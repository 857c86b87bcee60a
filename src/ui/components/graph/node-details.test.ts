import { describe, expect, it } from 'vitest';
import { smallGraph } from '../structure/fixtures.js';
import { attributeRows, formatBytes, formatValue, valueRows } from './node-details.js';

describe('node details', () => {
  it('describes inputs with the initializer or the declared type', () => {
    const graph = smallGraph();
    const rows = valueRows(graph.nodes[0].inputs, graph);
    expect(rows.map((r) => r.type)).toEqual(['float32[1,3,8,8]', 'float32[8,3,3,3]', 'float32[8]']);
    expect(rows[1].initializer?.name).toBe('conv.weight');
  });

  it('offers the subgraph of an If attribute', () => {
    const node = smallGraph().nodes.find((n) => n.opType === 'If')!;
    const [row] = attributeRows(node);
    expect(row.text).toBe('1 graph');
    expect(row.subgraphs[0].graph.name).toBe('then_branch');
  });

  it('cuts long lists and prints small floats readably', () => {
    expect(formatValue(Array.from({ length: 20 }, (_, i) => i))).toMatch(/, … 4 more]$/);
    expect(formatValue(0.1 + 0.2)).toBe('0.3');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.00 MiB');
  });
});
