import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { InferenceError } from '../../errors.js';
import { startModelSession } from './model-session.js';
import { openOnnxModel } from './onnx-model.js';
import { onnx } from './onnx-proto.generated.js';
import { createOrtRunner } from './ort-runner.js';
import { appendGraphOutputs, planOutputs } from './output-plan.js';
import { createTensorData, tensorValues } from './tensor-data.js';
import { decodeTensorFile } from './test-data.js';

const SHARED = new URL('../../../../../shared/conformance/onnx/', import.meta.url);
const read = (path: string) => new Uint8Array(readFileSync(new URL(path, SHARED)));
const runner = createOrtRunner(ort);
const IRIS = [5.1, 3.5, 1.4, 0.2, 6.7, 3.0, 5.2, 2.3];

describe('planOutputs', () => {
  it('fetches the tensor behind a ZipMap and adds it as a graph output', () => {
    const model = openOnnxModel(read('sklearn-rf-iris-zipmap/model.onnx'));
    const { plans, addedOutputs } = planOutputs(model);
    expect(plans).toEqual([
      { kind: 'tensor', name: 'output_label', fetch: 'output_label' },
      { kind: 'zipmap', name: 'output_probability', fetch: 'probabilities', labels: [0, 1, 2] },
    ]);
    expect(addedOutputs).toEqual(['probabilities']);
    const rewritten = onnx.ModelProto.decode(appendGraphOutputs(model.bytes, addedOutputs));
    expect(rewritten.graph?.output?.map((output) => output.name)).toEqual(['output_label', 'output_probability', 'probabilities']);
    expect(rewritten.graph?.node?.length).toBe(model.proto.graph?.node?.length);
  });
});

describe('startModelSession on onnxruntime-web (Node)', () => {
  it('runs MNIST and matches the onnxruntime-node reference', async () => {
    const model = openOnnxModel(read('mnist-8-cntk/model.onnx'));
    const session = await startModelSession(runner, model);
    const input = decodeTensorFile(read('mnist-8-cntk/ref_ortnode_set_0/input_0.pb'), false);
    const expected = decodeTensorFile(read('mnist-8-cntk/ref_ortnode_set_0/output_0.pb'), false);
    if (input.kind !== 'tensor' || expected.kind !== 'tensor') {
      throw new Error('tensors expected');
    }
    const result = await session.run({ Input3: input.tensor });
    const scores = tensorValues(result.outputs[0].tensor) as number[];
    const want = tensorValues(expected.tensor) as number[];
    scores.forEach((score, index) => expect(Math.abs(score - want[index])).toBeLessThanOrEqual(1e-5 + 1e-4 * Math.abs(want[index])));
    expect(scores.indexOf(Math.max(...scores))).toBe(7);
    expect(session.backend).toBe('wasm');
    expect(session.timings.createMs).toBeGreaterThan(0);
    expect(session.timings.firstRunMs).toBeGreaterThan(0);
    await session.release();
  });

  it('returns a ZipMap output as its probabilities with class labels', async () => {
    const session = await startModelSession(runner, openOnnxModel(read('sklearn-logreg-iris-zipmap/model.onnx')), { warmUp: false });
    const result = await session.run({ float_input: createTensorData('float32', [2, 4], IRIS) });
    const [label, probability] = result.outputs;
    expect(tensorValues(label.tensor)).toEqual([0n, 2n]);
    expect(probability).toMatchObject({ name: 'output_probability', fetchedAs: 'probabilities', labels: [0, 1, 2] });
    expect(probability.tensor.dims).toEqual([2, 3]);
    const first = (tensorValues(probability.tensor) as number[]).slice(0, 3);
    expect(first.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 5);
    expect(first.indexOf(Math.max(...first))).toBe(0);
    expect(result.skipped).toEqual([]);
    await session.release();
  });

  it('loads external data given beside the model', async () => {
    const model = openOnnxModel(read('mnist-cnn-external-data/model.onnx'));
    const externalData = new Map([['model.onnx.data', read('mnist-cnn-external-data/model.onnx.data')]]);
    const session = await startModelSession(runner, model, { externalData });
    expect(session.timings.warmUpError).toBeUndefined();
    await session.release();
  });

  it('refuses a bfloat16 model before creating a session', async () => {
    const model = openOnnxModel(read('onnx-node-cast_FLOAT_to_BFLOAT16/model.onnx'));
    await expect(startModelSession(runner, model)).rejects.toMatchObject({ name: 'InferenceError', code: 'inference.unsupportedType' });
  });

  it('refuses a model none of whose outputs is a tensor', async () => {
    const bytes = onnx.ModelProto.encode({
      ir_version: 8,
      opset_import: [{ domain: '', version: 17 }],
      graph: {
        name: 'g',
        node: [{ op_type: 'SequenceConstruct', input: ['x'], output: ['s'] }],
        input: [{ name: 'x', type: { tensor_type: { elem_type: 1, shape: { dim: [{ dim_value: 2 }] } } } }],
        output: [{ name: 's', type: { sequence_type: { elem_type: { tensor_type: { elem_type: 1 } } } } }],
      },
    }).finish();
    await expect(startModelSession(runner, openOnnxModel(bytes))).rejects.toMatchObject({ code: 'inference.nonTensor' });
  });

  it('wraps a run failure in an InferenceError', async () => {
    const session = await startModelSession(runner, openOnnxModel(read('onnx-node-and2d/model.onnx')), { warmUp: false });
    const wrongShape = { x: createTensorData('bool', [2], [true, false]), y: createTensorData('bool', [3], [true, false, true]) };
    await expect(session.run(wrongShape)).rejects.toBeInstanceOf(InferenceError);
    await session.release();
  });
});
