import type {
  Graph,
  GraphNode,
  ModelDescription,
  ModelStructure,
  TensorInfo,
  TreeNodeSpec,
} from '../../../engine/model/description.js';

/** Hand-built descriptions for tests and for trying the views before the engines produce real ones. */

function tensor(name: string, shape: number[], type = 'float32'): TensorInfo {
  const count = shape.reduce((a, b) => a * b, 1);
  return {
    name,
    type,
    shape,
    byteLength: count * 4,
    values: (limit) => Array.from({ length: Math.min(limit ?? count, count) }, (_, i) => Math.sin(i) / 2),
  };
}

function op(id: string, opType: string, inputs: string[], outputs: string[], attributes: GraphNode['attributes'] = []): GraphNode {
  return { id, name: id, opType, domain: '', inputs, outputs, attributes };
}

/** A model description around `structure`, for view tests: empty fields and metadata unless `extra` says. */
export function descriptionOf(structure: ModelStructure, extra: Partial<ModelDescription> = {}): ModelDescription {
  return {
    format: structure.kind === 'graph' ? 'onnx' : 'pmml',
    kind: structure.kind === 'graph' ? 'ONNX graph' : structure.kind === 'other' ? structure.element : 'TreeModel',
    metadata: [],
    inputFields: [],
    resultFields: [],
    inputTensors: [],
    outputTensors: [],
    derivedFields: [],
    structure,
    ...extra,
  };
}

/** A small CNN head: Conv → Relu → MaxPool → Flatten → Gemm → Softmax, with an If holding a subgraph. */
export function smallGraph(): Graph {
  const branch: Graph = {
    name: 'then_branch',
    inputs: [],
    outputs: [{ name: 'then_out', type: 'float32', shape: [1, 10], isTensor: true }],
    nodes: [op('then_identity', 'Identity', ['probs'], ['then_out'])],
    initializers: new Map(),
    valueInfo: new Map(),
  };
  const initializers = new Map([
    ['conv.weight', tensor('conv.weight', [8, 3, 3, 3])],
    ['conv.bias', tensor('conv.bias', [8])],
    ['fc.weight', tensor('fc.weight', [10, 72])],
    ['fc.bias', tensor('fc.bias', [10])],
  ]);
  return {
    name: 'small',
    inputs: [{ name: 'image', type: 'float32', shape: [1, 3, 8, 8], isTensor: true }],
    outputs: [{ name: 'probs', type: 'float32', shape: [1, 10], isTensor: true }],
    nodes: [
      op('conv', 'Conv', ['image', 'conv.weight', 'conv.bias'], ['c'], [{ name: 'kernel_shape', type: 'INTS', value: [3, 3] }]),
      op('relu', 'Relu', ['c'], ['r']),
      op('pool', 'MaxPool', ['r'], ['p'], [{ name: 'kernel_shape', type: 'INTS', value: [2, 2] }]),
      op('flatten', 'Flatten', ['p'], ['f']),
      op('fc', 'Gemm', ['f', 'fc.weight', 'fc.bias'], ['logits']),
      op('softmax', 'Softmax', ['logits'], ['probs']),
      op('check', 'If', ['probs'], ['checked'], [{ name: 'then_branch', type: 'GRAPH', value: branch }]),
    ],
    initializers,
    valueInfo: new Map([['c', { name: 'c', type: 'float32', shape: [1, 8, 6, 6], isTensor: true }]]),
  };
}

/**
 * A synthetic graph of `count` operators: a main chain with a side branch every 7 nodes that rejoins 3 later
 * (residual-style), each node with a weight. Used to check that large graphs stay responsive.
 */
export function syntheticGraph(count: number): Graph {
  const nodes: GraphNode[] = [];
  const initializers = new Map<string, TensorInfo>();
  let previous = 'x';
  for (let i = 0; i < count; i++) {
    const weight = `w${i}`;
    initializers.set(weight, tensor(weight, [4, 4]));
    const inputs = [previous, weight];
    if (i % 7 === 3 && i >= 3) inputs.push(`v${i - 3}`);
    nodes.push(op(`n${i}`, i % 7 === 3 ? 'Add' : i % 2 ? 'Relu' : 'MatMul', inputs, [`v${i}`]));
    previous = `v${i}`;
  }
  return {
    name: `synthetic-${count}`,
    inputs: [{ name: 'x', type: 'float32', shape: [1, 4], isTensor: true }],
    outputs: [{ name: previous, type: 'float32', shape: [1, 4], isTensor: true }],
    nodes,
    initializers,
    valueInfo: new Map(),
  };
}

/** The classic iris tree: petal length, then petal width. */
export const irisTree: TreeNodeSpec = {
  id: '1',
  predicate: 'True',
  score: 'setosa',
  recordCount: 150,
  distribution: [
    { value: 'setosa', recordCount: 50 },
    { value: 'versicolor', recordCount: 50 },
    { value: 'virginica', recordCount: 50 },
  ],
  children: [
    { id: '2', predicate: 'petal_length <= 2.45', score: 'setosa', recordCount: 50, distribution: [{ value: 'setosa', recordCount: 50 }], children: [] },
    {
      id: '3',
      predicate: 'petal_length > 2.45',
      score: 'versicolor',
      recordCount: 100,
      distribution: [
        { value: 'versicolor', recordCount: 50 },
        { value: 'virginica', recordCount: 50 },
      ],
      children: [
        { id: '4', predicate: 'petal_width <= 1.75', score: 'versicolor', recordCount: 54, distribution: [{ value: 'versicolor', recordCount: 49 }, { value: 'virginica', recordCount: 5 }], children: [] },
        { id: '5', predicate: 'petal_width > 1.75', score: 'virginica', recordCount: 46, distribution: [{ value: 'versicolor', recordCount: 1 }, { value: 'virginica', recordCount: 45 }], children: [] },
      ],
    },
  ],
};

export const fixtures = {
  graph: descriptionOf({ kind: 'graph', graph: smallGraph() }),
  tree: descriptionOf({ kind: 'tree', root: irisTree, functionName: 'classification' }, {
    inputFields: [
      { name: 'petal_length', dataType: 'double', opType: 'continuous' },
      { name: 'petal_width', dataType: 'double', opType: 'continuous' },
    ],
    derivedFields: [{ name: 'petal_area', dataType: 'double', expression: 'petal_length * petal_width' }],
  }),
  ensemble: descriptionOf(
    {
      kind: 'ensemble',
      method: 'majorityVote',
      segments: [1, 2, 3].map((i) => ({
        id: String(i),
        weight: 1,
        predicate: 'True',
        modelElement: 'TreeModel',
        structure: { kind: 'tree', root: irisTree, functionName: 'classification' } as const,
      })),
    },
    { kind: 'MiningModel' },
  ),
  regression: descriptionOf(
    {
      kind: 'regression',
      normalization: 'none',
      tables: [
        {
          intercept: 1.5,
          terms: [
            { label: 'age', coefficient: 0.25 },
            { label: 'income', coefficient: -0.002 },
            { label: 'region=north', coefficient: 3.1 },
          ],
        },
      ],
    },
    { kind: 'RegressionModel' },
  ),
  other: descriptionOf(
    { kind: 'other', element: 'SupportVectorMachineModel', summary: [{ label: 'Kernel', value: 'radialBasis' }] },
    { kind: 'SupportVectorMachineModel' },
  ),
} satisfies Record<string, ModelDescription>;
