import { describe, expect, it } from 'vitest';
import { onnx } from '../../engine/formats/onnx/onnx-proto.generated.js';
import { openModelFile } from '../../engine/index.js';
import type { Graph, ModelDescription, TensorInfo } from '../../engine/model/description.js';
import { OnnxTensorValues } from '../state/onnx-tensor-values.js';
import { cloneableDescription, reviveDescription } from './clone-description.js';
import { findTensor, KeptOnnxModels, locateTensor, MAX_KEPT_BYTES, MAX_KEPT_MODELS, MAX_TENSOR_VALUES } from './tensor-values.js';

const FLOAT = 1;
const INT64 = 7;
const WEIGHT_COUNT = 20_000;

function floats(count: number, offset = 0): Uint8Array {
  return new Uint8Array(Float32Array.from({ length: count }, (_, i) => i + offset).buffer);
}

/**
 * A main graph with a 20,000-value weight, an `If` whose `then_branch` holds its own weight and a `Constant`
 * (a tensor attribute), and a model-local function whose body holds a `Constant` too.
 */
function modelBytes(): Uint8Array {
  const vector = { elem_type: FLOAT, shape: { dim: [{ dim_value: WEIGHT_COUNT }] } };
  const branch = (name: string, offset: number) => ({
    name,
    initializer: [{ name: 'inner', data_type: FLOAT, dims: [300], raw_data: floats(300, offset) }],
    node: [{ name: `${name}_constant`, op_type: 'Constant', output: [`${name}_c`], attribute: [{ name: 'value', type: 4, t: { data_type: INT64, dims: [2], int64_data: [7, 8] } }] }],
    output: [{ name: 'inner', type: { tensor_type: { elem_type: FLOAT, shape: { dim: [{ dim_value: 300 }] } } } }],
  });
  return onnx.ModelProto.encode({
    ir_version: 8,
    opset_import: [{ domain: '', version: 17 }, { domain: 'local', version: 1 }],
    graph: {
      name: 'main',
      initializer: [{ name: 'w', data_type: FLOAT, dims: [WEIGHT_COUNT], raw_data: floats(WEIGHT_COUNT) }],
      node: [
        { name: 'add', op_type: 'Add', input: ['x', 'w'], output: ['y'] },
        { name: 'choose', op_type: 'If', input: ['cond'], output: ['z'], attribute: [{ name: 'then_branch', type: 5, g: branch('then', 1000) }, { name: 'else_branch', type: 5, g: branch('else', 2000) }] },
        { name: 'call', op_type: 'Scale', domain: 'local', input: ['y'], output: ['s'] },
      ],
      input: [{ name: 'x', type: { tensor_type: vector } }, { name: 'cond', type: { tensor_type: { elem_type: 9, shape: { dim: [] } } } }],
      output: [{ name: 'y', type: { tensor_type: vector } }, { name: 'z' }, { name: 's' }],
    },
    functions: [
      {
        name: 'Scale',
        domain: 'local',
        input: ['a'],
        output: ['b'],
        opset_import: [{ domain: '', version: 17 }],
        node: [
          { name: 'factor', op_type: 'Constant', output: ['f'], attribute: [{ name: 'value', type: 4, t: { data_type: FLOAT, dims: [3], float_data: [0.5, 1.5, 2.5] } }] },
          { name: 'mul', op_type: 'Mul', input: ['a', 'f'], output: ['b'] },
        ],
      },
    ],
  }).finish();
}

/** The worker's description (lazy tensors) and the main thread's copy of it (previews only), as the app has them. */
async function bothSides(): Promise<{ worker: ModelDescription; page: ModelDescription }> {
  const opened = await openModelFile({ fileName: 'weights.onnx', bytes: modelBytes() });
  const worker = opened.model.description;
  return { worker, page: reviveDescription(structuredClone(cloneableDescription(worker))) };
}

function mainGraph(description: ModelDescription): Graph {
  if (description.structure.kind !== 'graph') throw new Error('expected a graph');
  return description.structure.graph;
}

function attributeTensor(graph: Pick<Graph, 'nodes'>, node: string): TensorInfo {
  return graph.nodes.find((n) => n.id === node)!.attributes.find((a) => a.name === 'value')!.value as TensorInfo;
}

function subgraph(graph: Graph, node: string, attribute: string): Graph {
  return graph.nodes.find((n) => n.id === node)!.attributes.find((a) => a.name === attribute)!.value as Graph;
}

describe('locateTensor and findTensor', () => {
  it('name a main-graph initializer by its name', async () => {
    const { worker, page } = await bothSides();
    const location = locateTensor(page, mainGraph(page).initializers.get('w')!);
    expect(location).toEqual({ graphPath: [], tensor: { kind: 'initializer', name: 'w' } });
    expect(findTensor(worker, location!)).toBe(mainGraph(worker).initializers.get('w'));
  });

  it('tell apart same-named initializers of two subgraphs by the path to them', async () => {
    const { worker, page } = await bothSides();
    const location = locateTensor(page, subgraph(mainGraph(page), 'choose', 'else_branch').initializers.get('inner')!);
    expect(location?.graphPath).toEqual([{ kind: 'subgraph', node: 'choose', attribute: 'else_branch' }]);
    expect(findTensor(worker, location!)?.values(1)).toEqual([2000]);
  });

  it("name a node's tensor attribute inside a subgraph", async () => {
    const { worker, page } = await bothSides();
    const location = locateTensor(page, attributeTensor(subgraph(mainGraph(page), 'choose', 'then_branch'), 'then_constant'));
    expect(location?.tensor).toEqual({ kind: 'attribute', node: 'then_constant', attribute: 'value' });
    expect(findTensor(worker, location!)?.values()).toEqual([7n, 8n]);
  });

  it("reach a tensor attribute in a model-local function's body", async () => {
    const { worker, page } = await bothSides();
    const fn = mainGraph(page).functions![0];
    const location = locateTensor(page, attributeTensor(fn, 'factor'));
    expect(location?.graphPath).toEqual([{ kind: 'function', domain: 'local', name: 'Scale' }]);
    expect(findTensor(worker, location!)?.values()).toEqual([0.5, 1.5, 2.5]);
  });

  it('find nothing for a tensor that is not part of the description', async () => {
    const { page } = await bothSides();
    const stranger: TensorInfo = { name: 'w', type: 'float32', shape: [1], byteLength: 4, values: () => [0] };
    expect(locateTensor(page, stranger)).toBeUndefined();
  });

  it('find nothing where a location leads past the graphs there are', async () => {
    const { worker } = await bothSides();
    expect(findTensor(worker, { graphPath: [{ kind: 'subgraph', node: 'add', attribute: 'body' }], tensor: { kind: 'initializer', name: 'w' } })).toBeUndefined();
  });
});

describe('KeptOnnxModels', () => {
  it('decodes more values of a weight than the preview the page was sent', async () => {
    const { worker, page } = await bothSides();
    const models = new KeptOnnxModels();
    models.keep(1, worker, 1_000);
    const location = locateTensor(page, mainGraph(page).initializers.get('w')!)!;
    expect(mainGraph(page).initializers.get('w')!.values()).toHaveLength(64);
    const values = models.values(1, location, 1_024);
    expect(values).toHaveLength(1_024);
    expect(values[1_023]).toBe(1_023);
  });

  it(`decodes at most ${MAX_TENSOR_VALUES} values in one request`, async () => {
    const { worker } = await bothSides();
    const models = new KeptOnnxModels();
    models.keep(1, worker, 1_000);
    expect(models.values(1, { graphPath: [], tensor: { kind: 'initializer', name: 'w' } }, WEIGHT_COUNT)).toHaveLength(MAX_TENSOR_VALUES);
  });

  it('gives values that cross structured clone, int64 as bigints', async () => {
    const { worker } = await bothSides();
    const models = new KeptOnnxModels();
    models.keep(1, worker, 1_000);
    const location = { graphPath: [{ kind: 'subgraph', node: 'choose', attribute: 'then_branch' }], tensor: { kind: 'attribute', node: 'then_constant', attribute: 'value' } } as const;
    expect(structuredClone(models.values(1, location, 64))).toEqual([7n, 8n]);
  });

  it('refuses a model that was closed, asking to reopen it', async () => {
    const { worker } = await bothSides();
    const models = new KeptOnnxModels();
    models.keep(1, worker, 1_000);
    models.release(1);
    expect(() => models.values(1, { graphPath: [], tensor: { kind: 'initializer', name: 'w' } }, 64)).toThrow(/reopen/);
  });

  it('names the location when it leads to no tensor', async () => {
    const { worker } = await bothSides();
    const models = new KeptOnnxModels();
    models.keep(1, worker, 1_000);
    expect(() => models.values(1, { graphPath: [], tensor: { kind: 'initializer', name: 'missing' } }, 64)).toThrow("The model has no tensor at 'missing'.");
  });

  it(`keeps only the latest ${MAX_KEPT_MODELS} models`, async () => {
    const { worker } = await bothSides();
    const models = new KeptOnnxModels();
    for (let handle = 1; handle <= MAX_KEPT_MODELS + 1; handle++) models.keep(handle, worker, 1_000);
    expect(models.has(1)).toBe(false);
    expect(models.has(MAX_KEPT_MODELS + 1)).toBe(true);
  });

  it('lets a model over the size limit go, and says why its weights show only their preview', async () => {
    const { worker } = await bothSides();
    const models = new KeptOnnxModels();
    models.keep(1, worker, MAX_KEPT_BYTES + 1);
    expect(models.has(1)).toBe(false);
    expect(() => models.values(1, { graphPath: [], tensor: { kind: 'initializer', name: 'w' } }, 64)).toThrow(/Only a preview of the weights of models over 128 MB/);
  });
});

describe('OnnxTensorValues', () => {
  it("loads a page tensor's values from the worker's copy of the model", async () => {
    const { worker, page } = await bothSides();
    const models = new KeptOnnxModels();
    models.keep(3, worker, 1_000);
    const engine = {
      tensorValues: async (handle: number, location: Parameters<KeptOnnxModels['values']>[1], limit: number) => structuredClone(models.values(handle, structuredClone(location), limit)),
      close: (handle: number) => models.release(handle),
    };
    const source = new OnnxTensorValues(engine, 3, page);
    const inner = subgraph(mainGraph(page), 'choose', 'then_branch').initializers.get('inner')!;
    expect(await source.load(inner, 1_024)).toEqual(Array.from({ length: 300 }, (_, i) => 1000 + i));
    source.dispose();
    expect(models.has(3)).toBe(false);
  });

  it('rejects with an AppError for a tensor of another model', async () => {
    const { page } = await bothSides();
    const engine = { tensorValues: async () => [], close: () => {} };
    const stranger: TensorInfo = { name: 'w', type: 'float32', shape: [1], byteLength: 4, values: () => [0] };
    await expect(new OnnxTensorValues(engine, 1, page).load(stranger, 64)).rejects.toMatchObject({ code: 'app.unexpected' });
  });
});
