import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InferenceError } from '../../errors.js';
import { openOnnxModel } from './onnx-model.js';
import { onnx } from './onnx-proto.generated.js';
import { toInferenceError } from './ort-errors.js';
import { assertRunnable, findRunBlockers } from './runnability.js';

const SHARED = new URL('../../../../../shared/conformance/onnx/', import.meta.url);
const openCase = (name: string) => openOnnxModel(new Uint8Array(readFileSync(new URL(`${name}/model.onnx`, SHARED))));

/** A one-node model `y = op(x)` with float tensors, for the cases no shared model covers. */
function oneNodeModel(op: { op_type: string; domain?: string }, opsets: { domain: string; version: number }[]) {
  const tensor = (name: string) => ({ name, type: { tensor_type: { elem_type: 1, shape: { dim: [{ dim_value: 2 }] } } } });
  const bytes = onnx.ModelProto.encode({
    ir_version: 8,
    opset_import: opsets,
    graph: { name: 'g', node: [{ ...op, input: ['x'], output: ['y'] }], input: [tensor('x')], output: [tensor('y')] },
  }).finish();
  return openOnnxModel(bytes);
}

describe('findRunBlockers', () => {
  it('finds nothing in a model onnxruntime-web runs', () => {
    expect(findRunBlockers(openCase('silero-vad-v4-legacy'))).toEqual([]);
    expect(findRunBlockers(openCase('sklearn-rf-iris-zipmap'))).toEqual([]);
  });

  it.each([
    ['onnx-node-cast_FLOAT_to_BFLOAT16', 'bfloat16'],
    ['onnx-node-cast_FLOAT_to_FLOAT8E4M3FN', 'float8e4m3fn'],
  ])('names the element type of %s', (name, type) => {
    const [blocker] = findRunBlockers(openCase(name));
    expect(blocker.code).toBe('inference.unsupportedType');
    expect(blocker.message).toContain(`'${type}'`);
  });

  it('refuses sequence inputs', () => {
    expect(findRunBlockers(openCase('onnx-node-sequence_insert_at_front')).map((blocker) => blocker.code)).toEqual(['inference.nonTensor']);
  });

  it('names a custom operator domain', () => {
    const model = oneNodeModel({ op_type: 'StringLower', domain: 'ai.onnx.contrib' }, [{ domain: '', version: 17 }, { domain: 'ai.onnx.contrib', version: 1 }]);
    expect(() => assertRunnable(model)).toThrow(expect.objectContaining({ code: 'inference.customOp', message: expect.stringContaining("'ai.onnx.contrib'") }));
  });

  it('does not count calls of model-local functions as custom operators', () => {
    const tensor = (name: string) => ({ name, type: { tensor_type: { elem_type: 1, shape: { dim: [{ dim_value: 2 }] } } } });
    const bytes = onnx.ModelProto.encode({
      ir_version: 8,
      opset_import: [{ domain: '', version: 17 }, { domain: 'local', version: 1 }],
      graph: { name: 'g', node: [{ op_type: 'Double', domain: 'local', input: ['x'], output: ['y'] }], input: [tensor('x')], output: [tensor('y')] },
      functions: [{ name: 'Double', domain: 'local', input: ['a'], output: ['b'], node: [{ op_type: 'Add', input: ['a', 'a'], output: ['b'] }], opset_import: [{ domain: '', version: 17 }] }],
    }).finish();
    expect(findRunBlockers(openOnnxModel(bytes))).toEqual([]);
  });

  it('names an operator set newer than the runtime', () => {
    const model = oneNodeModel({ op_type: 'Relu' }, [{ domain: '', version: 27 }]);
    expect(findRunBlockers(model)).toEqual([{ code: 'inference.opset', message: expect.stringContaining('operator set 27') }]);
  });
});

describe('IR version', () => {
  it('names an IR version newer than the runtime reads', () => {
    const bytes = onnx.ModelProto.encode({ ir_version: 14, opset_import: [{ domain: '', version: 17 }], graph: { name: 'g' } }).finish();
    expect(findRunBlockers(openOnnxModel(bytes))).toEqual([{ code: 'inference.opset', message: expect.stringContaining('IR version 14') }]);
  });
});

describe('toInferenceError', () => {
  it.each([
    ['unsupported data type: 16', 'inference.unsupportedType'],
    ['Fatal error: ai.onnx.contrib:StringLower(-1) is not a registered function/op', 'inference.customOp'],
    ['ONNX Runtime only *guarantees* support for models stamped with official released onnx opset versions. Opset 27 is under development', 'inference.opset'],
    ['Reading data from non-tensor typed value is not supported.', 'inference.nonTensor'],
    ['no available backend found. ERR: [webgpu] backend not found.', 'inference.backend'],
    ['Unsupported model IR version: 14, max supported IR version: 13', 'inference.opset'],
    ['something else', 'inference.failed'],
  ])('maps "%s" to %s', (text, code) => {
    const error = toInferenceError(new Error(text), 'create a session');
    expect(error).toBeInstanceOf(InferenceError);
    expect(error.code).toBe(code);
    expect(error.message).toContain(text);
  });

  it('keeps the cause of a runtime error without the C API call, error code, source position and C++ signature', () => {
    const text =
      'failed to call OrtRun(). ERROR_CODE: 1, ERROR_MESSAGE: /mnt/azure/_work/1/s/onnxruntime/core/providers/cpu/ml/tree_ensemble_common.h:624 ' +
      'void onnxruntime::ml::detail::TreeEnsembleCommon<float, float, float>::ComputeAgg(concurrency::ThreadPool *, const Tensor *, Tensor *, Tensor *, const AGG &) const ' +
      '[InputType = float, ThresholdType = float, OutputType = float, AGG = onnxruntime::ml::detail::TreeAggregatorClassifier<float, float, float>] ' +
      'One path in the graph requests feature 19 but input tensor has 1 features.';
    const error = toInferenceError(new Error(text), 'run the model');
    expect(error.message).toBe('Could not run the model: the runtime reported an error. onnxruntime-web said: One path in the graph requests feature 19 but input tensor has 1 features.');
    expect((error.cause as Error).message).toBe(text);
  });

  it('keeps a node failure, which names the node, whole after the error code', () => {
    const cause = "Non-zero status code returned while running Pad node. Name:'Pad_537' Status Message: Pad reflect requires axis length >= 2 after slicing.";
    expect(toInferenceError(new Error(`failed to call OrtRun(). ERROR_CODE: 2, ERROR_MESSAGE: ${cause}`), 'run the model').message).toContain(`said: ${cause}`);
  });
});
