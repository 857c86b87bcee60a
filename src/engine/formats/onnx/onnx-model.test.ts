import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../../errors.js';
import type { Graph } from '../../model/description.js';
import { openOnnxModel, requireExternalData } from './onnx-model.js';
import { onnx } from './onnx-proto.generated.js';

const SHARED = new URL('../../../../../shared/conformance/onnx/', import.meta.url);
const readCase = (name: string, file = 'model.onnx') => new Uint8Array(readFileSync(new URL(`${name}/${file}`, SHARED)));
const graphOf = (bytes: Uint8Array): Graph => {
  const { structure } = openOnnxModel(bytes).description;
  if (structure.kind !== 'graph') {
    throw new Error('not a graph');
  }
  return structure.graph;
};

describe('openOnnxModel structure', () => {
  it('describes MNIST: metadata, input and output shapes, nodes and weights', () => {
    const { description, opsets } = openOnnxModel(readCase('mnist-8-cntk'));
    expect(description.format).toBe('onnx');
    expect(description.producer).toBe('CNTK');
    expect(description.formatVersion).toBe('3');
    expect(opsets.get('ai.onnx')).toBe(8);
    expect(description.inputTensors).toEqual([{ name: 'Input3', type: 'float32', isTensor: true, shape: [1, 1, 28, 28] }]);
    expect(description.outputTensors).toEqual([{ name: 'Plus214_Output_0', type: 'float32', isTensor: true, shape: [1, 10] }]);
    const graph = graphOf(readCase('mnist-8-cntk'));
    expect(graph.nodes.map((node) => node.opType)).toContain('Conv');
    const weights = graph.initializers.get('Parameter193');
    expect(weights).toMatchObject({ type: 'float32', shape: [16, 4, 4, 10], byteLength: 16 * 4 * 4 * 10 * 4 });
    expect(weights?.values(2)).toHaveLength(2);
    expect(weights?.values(1)[0]).toBeCloseTo(0.0916328803, 8);
  });

  it('keeps symbolic dimensions by name', () => {
    const { description } = openOnnxModel(readCase('silero-vad-v4-legacy'));
    expect(description.inputTensors[0]).toMatchObject({ name: 'input', shape: ['batch', 'sequence'] });
    expect(description.inputTensors[1]).toMatchObject({ name: 'sr', type: 'int64', shape: [] });
  });

  it('describes If branches as subgraphs', () => {
    const graph = graphOf(readCase('silero-vad-v4-legacy'));
    const ifNode = graph.nodes.find((node) => node.opType === 'If');
    const branch = ifNode?.attributes.find((attribute) => attribute.name === 'then_branch');
    expect(branch?.type).toBe('graph');
    expect((branch?.value as Graph).nodes.length).toBeGreaterThan(10);
  });

  it('names non-tensor outputs by their ONNX type and reads ZipMap class labels', () => {
    const { description } = openOnnxModel(readCase('sklearn-rf-iris-zipmap'));
    expect(description.outputTensors[1]).toEqual({ name: 'output_probability', type: 'seq(map(int64,tensor(float32)))', isTensor: false });
    const zipMap = graphOf(readCase('sklearn-rf-iris-zipmap')).nodes.find((node) => node.opType === 'ZipMap');
    expect(zipMap?.domain).toBe('ai.onnx.ml');
    expect(zipMap?.attributes).toEqual([{ name: 'classlabels_int64s', type: 'ints', value: [0, 1, 2] }]);
  });

  it('decodes int64 and string initializer values on demand', () => {
    const bytes = onnx.ModelProto.encode({
      ir_version: 8,
      opset_import: [{ domain: '', version: 13 }],
      graph: {
        name: 'g',
        initializer: [
          { name: 'ids', data_type: 7, dims: [3], int64_data: [1, -2, 3] },
          { name: 'words', data_type: 8, dims: [2], string_data: [new TextEncoder().encode('a'), new TextEncoder().encode('bé')] },
          { name: 'half', data_type: 10, dims: [1], raw_data: new Uint8Array([0x00, 0x3c]) },
        ],
      },
    }).finish();
    const graph = graphOf(bytes);
    expect(graph.initializers.get('ids')?.values()).toEqual([1n, -2n, 3n]);
    expect(graph.initializers.get('words')?.values()).toEqual(['a', 'bé']);
    expect(graph.initializers.get('half')?.values()).toEqual([1]);
  });

  it('describes sparse initializers with their dense shape and stored values', () => {
    const bytes = onnx.ModelProto.encode({
      ir_version: 8,
      graph: {
        name: 'g',
        sparse_initializer: [{ dims: [3, 4], values: { name: 's', data_type: 1, dims: [2], float_data: [5, 6] }, indices: { data_type: 7, dims: [2], int64_data: [1, 7] } }],
      },
    }).finish();
    const sparse = graphOf(bytes).initializers.get('s');
    expect(sparse).toMatchObject({ type: 'float32', shape: [3, 4], isSparse: true });
    expect(sparse?.values()).toEqual([5, 6]);
  });

  it('describes model-local functions', () => {
    const bytes = onnx.ModelProto.encode({
      ir_version: 8,
      opset_import: [{ domain: '', version: 17 }, { domain: 'local', version: 1 }],
      graph: { name: 'g', node: [{ op_type: 'Double', domain: 'local', input: ['x'], output: ['y'] }] },
      functions: [{ name: 'Double', domain: 'local', input: ['a'], output: ['b'], node: [{ op_type: 'Add', input: ['a', 'a'], output: ['b'] }] }],
    }).finish();
    const [fn] = graphOf(bytes).functions ?? [];
    expect(fn).toMatchObject({ name: 'Double', domain: 'local', inputs: ['a'], outputs: ['b'] });
    expect(fn.nodes.map((node) => node.opType)).toEqual(['Add']);
  });

  it('leaves raw weights as views into the model bytes', () => {
    const raw = new Uint8Array(4096).fill(7);
    const bytes = onnx.ModelProto.encode({
      ir_version: 8,
      graph: { name: 'g', initializer: [{ name: 'w', data_type: 2, dims: [4096], raw_data: raw }] },
    }).finish();
    const { proto } = openOnnxModel(bytes);
    const rawData = proto.graph?.initializer?.[0].raw_data;
    expect(rawData?.buffer).toBe(bytes.buffer);
  });
});

describe('openOnnxModel errors', () => {
  it('rejects a truncated model with a FormatError', () => {
    const bytes = readCase('mnist-8-cntk');
    expect(() => openOnnxModel(bytes.subarray(0, 2000), { fileName: 'mnist.onnx' })).toThrow(FormatError);
    expect(() => openOnnxModel(bytes.subarray(0, 2000), { fileName: 'mnist.onnx' })).toThrow(/'mnist\.onnx'.*truncated or corrupt/);
  });

  it('rejects random bytes with a FormatError', () => {
    let seed = 42;
    const random = Uint8Array.from({ length: 1000 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff);
    expect(() => openOnnxModel(random)).toThrow(FormatError);
  });

  it('rejects a protobuf that is not a model', () => {
    const tensor = onnx.TensorProto.encode({ name: 'x', data_type: 1, dims: [2], float_data: [1, 2] }).finish();
    expect(() => openOnnxModel(tensor, { fileName: 'input_0.pb' })).toThrow(/not an ONNX model/);
  });

  it('rejects an empty file', () => {
    expect(() => openOnnxModel(new Uint8Array())).toThrow(FormatError);
  });

  it('lists external data files and names the missing one', () => {
    const model = openOnnxModel(readCase('mnist-cnn-external-data'));
    expect(model.externalDataFiles).toEqual(['model.onnx.data']);
    expect(() => requireExternalData(model, new Map())).toThrow(/'model\.onnx\.data', which was not provided/);
    const weights = graphOf(readCase('mnist-cnn-external-data')).initializers.get('conv1.weight');
    expect(weights?.externalLocation).toBe('model.onnx.data');
    expect(() => weights?.values(1)).toThrow(FormatError);
  });

  it('reads external weights when the file is given', () => {
    const data = readCase('mnist-cnn-external-data', 'model.onnx.data');
    const model = openOnnxModel(readCase('mnist-cnn-external-data'), { externalData: new Map([['model.onnx.data', data]]) });
    const graph = model.description.structure.kind === 'graph' ? model.description.structure.graph : undefined;
    const values = graph?.initializers.get('conv1.weight')?.values(4);
    expect(values).toHaveLength(4);
    expect(values?.every((value) => typeof value === 'number' && Number.isFinite(value))).toBe(true);
  });
});
