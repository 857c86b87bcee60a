import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_PEEK_BYTES } from '../model-format.js';
import { looksLikeOnnxModel } from './model-proto-scan.js';
import { onnxFormat } from './onnx-format.js';
import { onnx } from './onnx-proto.generated.js';

const SHARED = new URL('../../../../../shared/conformance/onnx/', import.meta.url);
const head = (name: string) => new Uint8Array(readFileSync(new URL(`${name}/model.onnx`, SHARED))).subarray(0, MAX_PEEK_BYTES);
const text = (value: string) => new TextEncoder().encode(value);

describe('ONNX detection', () => {
  it.each(['mnist-8-cntk', 'silero-vad-v4-legacy', 'sklearn-rf-iris-zipmap', 'onnx-light-resnet50', 'onnx-node-if', 'mnist-cnn-external-data'])(
    'recognises %s by its first bytes',
    (name) => {
      expect(looksLikeOnnxModel(head(name))).toBe(true);
    },
  );

  it.each([
    ['PMML', text('<?xml version="1.0"?><PMML version="4.4"></PMML>')],
    ['JSON', text('{"inputs": [1, 2]}')],
    ['ZIP', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00])],
    ['a TensorProto', onnx.TensorProto.encode({ name: 'x', data_type: 1, dims: [2], float_data: [1, 2] }).finish()],
    ['nothing', new Uint8Array()],
  ])('rejects %s', (_name, bytes) => {
    expect(looksLikeOnnxModel(bytes)).toBe(false);
  });

  it('matches any file named .onnx, whatever its bytes', () => {
    expect(onnxFormat.match(text('garbage'), 'Model.ONNX')).toBe(true);
    expect(onnxFormat.match(text('garbage'), 'model.bin')).toBe(false);
  });

  it('opens a model through the format descriptor', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('onnx-node-if/model.onnx', SHARED)));
    const model = await onnxFormat.open({ fileName: 'model.onnx', bytes });
    expect(model.description.kind).toBe('ONNX graph');
  });
});
