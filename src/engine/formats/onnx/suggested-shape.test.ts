import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Graph, GraphNode, TensorInfo, TensorSpec } from '../../model/description.js';
import { openOnnxModel } from './onnx-model.js';
import { suggestedShape } from './suggested-shape.js';

const open: TensorSpec = { name: 'x', type: 'float32', isTensor: true, shape: [undefined, undefined] };
const node = (opType: string, inputs: string[], attributes: Record<string, unknown> = {}, outputs = ['y']): GraphNode => ({
  id: opType,
  name: opType,
  opType,
  domain: '',
  inputs,
  outputs,
  attributes: Object.entries(attributes).map(([name, value]) => ({ name, type: 'ints', value })),
});
const weights = (name: string, shape: number[]): TensorInfo => ({ name, type: 'float32', shape, byteLength: 0, values: () => [] });
const graph = (nodes: GraphNode[], initializers: TensorInfo[] = []): Graph => ({
  name: 'g',
  inputs: [open],
  outputs: [],
  nodes,
  initializers: new Map(initializers.map((w) => [w.name, w])),
  valueInfo: new Map(),
});

describe('suggestedShape', () => {
  it('reads the feature count of a [?, ?] input from the tree ensemble that splits on it (sklearn-onnx treecl: 20)', () => {
    const bytes = new Uint8Array(readFileSync(new URL('../../../../../shared/conformance/onnx/sklearn-onnx-treecl/model.onnx', import.meta.url)));
    expect(openOnnxModel(bytes).description.inputTensors[0].suggestedShape).toEqual([1, 20]);
  });

  it('reads it from a linear classifier\'s coefficients, one row per class', () => {
    const linear = node('LinearClassifier', ['x'], { coefficients: [1, 2, 3, 4, 5, 6], intercepts: [0, 0] });
    expect(suggestedShape(open, graph([linear]))).toEqual([1, 3]);
  });

  it('reads it from the weights of a Gemm (transposed or not) reached through a Cast', () => {
    const cast = node('Cast', ['x'], {}, ['xf']);
    expect(suggestedShape(open, graph([cast, node('Gemm', ['xf', 'W'], { transB: 1 })], [weights('W', [8, 5])]))).toEqual([1, 5]);
    expect(suggestedShape(open, graph([cast, node('MatMul', ['xf', 'W'])], [weights('W', [5, 8])]))).toEqual([1, 5]);
  });

  it('suggests nothing for a declared width or a consumer that does not tell', () => {
    expect(suggestedShape({ ...open, shape: [undefined, 4] }, graph([node('LinearClassifier', ['x'], { coefficients: [1, 2, 3, 4], intercepts: [0] })]))).toBeUndefined();
    expect(suggestedShape(open, graph([node('Relu', ['x'])]))).toBeUndefined();
  });
});
