import { describe, expect, it } from 'vitest';
import { cloneableDescription, reviveDescription } from './clone-description.js';
import type { ModelDescription, TensorInfo } from '../../engine/model/description.js';

function describeWithWeights(): ModelDescription {
  const weight: TensorInfo = { name: 'w', type: 'float32', shape: [100], byteLength: 400, values: (limit = 100) => Array.from({ length: Math.min(limit, 100) }, (_, i) => i) };
  return {
    format: 'onnx',
    kind: 'ONNX graph',
    metadata: [],
    inputFields: [],
    resultFields: [],
    inputTensors: [],
    outputTensors: [],
    derivedFields: [],
    structure: { kind: 'graph', graph: { name: 'g', inputs: [], outputs: [], nodes: [], initializers: new Map([['w', weight]]), valueInfo: new Map() } },
  };
}

describe('description cloning', () => {
  it('crosses structured clone and gives weights back a preview of their values', () => {
    const copy = structuredClone(cloneableDescription(describeWithWeights()));
    const revived = reviveDescription(copy);
    if (revived.structure.kind !== 'graph') throw new Error('expected a graph');
    const weight = revived.structure.graph.initializers.get('w')!;
    expect(weight.values(3)).toEqual([0, 1, 2]);
    expect(weight.values()).toHaveLength(64);
    expect(weight.byteLength).toBe(400);
  });
});
