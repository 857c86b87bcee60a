import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { onnx } from '../engine/formats/onnx/onnx-proto.generated.js';
import type { ScoreRequest } from './model-scorer.js';
import { onnxScorer } from './onnx-score.js';

const SHARED = new URL('../../../shared/conformance/onnx/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'onnx-score-'));

async function score(modelPath: string, inputPath: string): Promise<{ text: string; warnings: string[]; rows: number }> {
  let text = '';
  const warnings: string[] = [];
  const request: ScoreRequest = {
    modelPath,
    inputPath,
    separator: ',',
    includeAll: false,
    write: async (chunk) => {
      text += chunk;
    },
    warn: (line) => warnings.push(line),
  };
  const { rows } = await onnxScorer.score(request);
  return { text, warnings, rows };
}

describe('onnxScorer', () => {
  it('scores CSV rows of an [N, F] input, one result row each, ZipMap probabilities per class', async () => {
    const input = join(dir, 'iris.csv');
    writeFileSync(input, 'a,b,c,d\n5.1,3.5,1.4,0.2\n6.7,3.0,5.2,2.3\n');
    const { text, rows } = await score(`${SHARED}sklearn-rf-iris-zipmap/model.onnx`, input);
    const lines = text.trim().split('\n');
    expect(rows).toBe(2);
    expect(lines[0]).toBe('output_label,output_probability[0],output_probability[1],output_probability[2]');
    expect(lines[1].split(',')[0]).toBe('0');
    expect(lines[2].split(',')[0]).toBe('2');
  });

  it('scores a JSON object of named arrays and prints the outputs as JSON', async () => {
    const input = join(dir, 'digit.json');
    writeFileSync(input, JSON.stringify({ Input3: new Array(784).fill(0) }));
    const { text } = await score(`${SHARED}mnist-8-cntk/model.onnx`, input);
    const json = JSON.parse(text) as Record<string, { dims: number[]; data: number[] }>;
    expect(json.Plus214_Output_0.dims).toEqual([1, 10]);
    expect(json.Plus214_Output_0.data).toHaveLength(10);
  });

  it('stops with the InferenceError naming the unsupported type', async () => {
    const input = join(dir, 'cast.json');
    writeFileSync(input, JSON.stringify({ input: new Array(12).fill(1) }));
    await expect(score(`${SHARED}onnx-node-cast_FLOAT_to_BFLOAT16/model.onnx`, input)).rejects.toMatchObject({ code: 'inference.unsupportedType' });
  });

  it('does not read external data outside the model folder', async () => {
    const model = join(dir, 'escape.onnx');
    const external = [{ key: 'location', value: '../secret.bin' }];
    writeFileSync(model, onnx.ModelProto.encode({
      ir_version: 8,
      graph: { name: 'g', initializer: [{ name: 'w', data_type: 1, dims: [1], data_location: 1, external_data: external }] },
    }).finish());
    await expect(score(model, join(dir, 'unused.json'))).rejects.toMatchObject({ code: 'format.corrupt', message: expect.stringContaining('outside its own folder') });
  });

  it('reads external data beside the model', async () => {
    const input = join(dir, 'zeros.json');
    writeFileSync(input, JSON.stringify({ input: new Array(784).fill(0) }));
    const { text } = await score(`${SHARED}mnist-cnn-external-data/model.onnx`, input);
    expect(JSON.parse(text).output.dims).toEqual([1, 10]);
  });
});
