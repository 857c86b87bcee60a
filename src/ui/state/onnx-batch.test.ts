import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import type { TensorSpec } from '../../engine/model/description.js';
import type { Feeds } from '../../engine/formats/onnx/feeds.js';
import { openOnnxModel } from '../../engine/formats/onnx/onnx-model.js';
import { createOrtRunner } from '../../engine/formats/onnx/ort-runner.js';
import { startModelSession } from '../../engine/formats/onnx/model-session.js';
import { createTensorData, tensorValues } from '../../engine/formats/onnx/tensor-data.js';
import type { BatchProgress } from './batch-scorer.js';
import { OnnxBatchScorer, type RunFeeds } from './onnx-batch.js';

const INPUTS: TensorSpec[] = [{ name: 'x', type: 'float32', isTensor: true, shape: ['N', 2] }];

/** A model that sums each row: output `sum` [N]. Records every chunk it is given. */
function summingModel() {
  const chunks: number[][] = [];
  const run: RunFeeds = async (feeds: Feeds) => {
    const values = tensorValues(feeds.x).map(Number);
    chunks.push(values);
    const sums = Array.from({ length: feeds.x.dims[0] }, (_, row) => values[row * 2] + values[row * 2 + 1]);
    return { outputs: [{ name: 'sum', tensor: createTensorData('float32', [sums.length], sums) }] };
  };
  return { run, chunks };
}

describe('OnnxBatchScorer', () => {
  it('is offered only for a model whose single input is [N, F]', () => {
    const { run } = summingModel();
    expect(OnnxBatchScorer.forInputs(INPUTS, run)).toBeInstanceOf(OnnxBatchScorer);
    expect(OnnxBatchScorer.forInputs([{ name: 'image', type: 'float32', isTensor: true, shape: [1, 3, 8, 8] }], run)).toBeUndefined();
  });

  it('runs the rows in chunks and reports progress after each', async () => {
    const { run, chunks } = summingModel();
    const progress: BatchProgress[] = [];
    const reply = await OnnxBatchScorer.forInputs(INPUTS, run, 2)!.scoreCsv('a,b\n1,2\n3,4\n5,6\n', { onProgress: (p) => progress.push(p) });
    expect(chunks).toEqual([[1, 2, 3, 4], [5, 6]]);
    expect(progress).toEqual([{ done: 2, total: 3 }, { done: 3, total: 3 }]);
    expect(reply.rowCount).toBe(3);
  });

  it('writes the input columns and one column per output, for preview and download', async () => {
    const reply = await OnnxBatchScorer.forInputs(INPUTS, summingModel().run)!.scoreCsv('a,b\n1,2\n3,4\n');
    expect(reply.header).toEqual(['a', 'b']);
    expect(reply.resultNames).toEqual(['sum']);
    expect(reply.preview.map((row) => row.values)).toEqual([[3], [7]]);
    expect(reply.csv.split(/\r?\n/)).toEqual(['a,b,sum,error', '1,2,3,', '3,4,7,']);
  });

  it('scores a file without a header row, naming its columns after the input', async () => {
    const reply = await OnnxBatchScorer.forInputs(INPUTS, summingModel().run)!.scoreCsv('1,2\n3,4\n');
    expect(reply.rowCount).toBe(2);
    expect(reply.csv.split(/\r?\n/)[0]).toBe('x[0],x[1],sum,error');
  });

  it('gives a row with a bad cell its place in the file and the reason in the error column, and scores the rest', async () => {
    const { run, chunks } = summingModel();
    const reply = await OnnxBatchScorer.forInputs(INPUTS, run, 2)!.scoreCsv('a,b\n1,2\n3,4\n5,oops\n7,8\n');
    expect(reply.failed).toBe(1);
    expect(chunks).toEqual([[1, 2, 3, 4], [7, 8]]);
    expect(reply.preview.map((row) => [row.values, row.error])).toEqual([
      [[3], undefined],
      [[7], undefined],
      [[null], "Row 4, column 2 ('b') holds \"oops\", which is not a number."],
      [[15], undefined],
    ]);
    expect(reply.csv.split(/\r?\n/)[3]).toBe('5,oops,,"Row 4, column 2 (\'b\') holds ""oops"", which is not a number."');
  });

  it('names a row with the wrong number of columns in its error', async () => {
    const reply = await OnnxBatchScorer.forInputs(INPUTS, summingModel().run)!.scoreCsv('1,2\n3,4,5\n');
    expect(reply.preview[1].error).toBe("Row 2 has 3 values, but input 'x' takes 2 values per row.");
  });

  it('names the rows of a chunk the runtime could not run in their errors', async () => {
    const run: RunFeeds = () => Promise.reject({ code: 'inference.failed', message: 'Out of memory.' });
    const reply = await OnnxBatchScorer.forInputs(INPUTS, run, 2)!.scoreCsv('1,2\n3,4\n');
    expect(reply.failed).toBe(2);
    expect(reply.preview[0].error).toBe('Rows 1–2 could not be scored: Out of memory.');
  });

  it('stops before the next chunk once cancelled', async () => {
    const { run, chunks } = summingModel();
    const controller = new AbortController();
    const scoring = OnnxBatchScorer.forInputs(INPUTS, run, 1)!.scoreCsv('1,2\n3,4\n5,6\n', { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(scoring).rejects.toMatchObject({ name: 'AbortError' });
    expect(chunks).toHaveLength(1);
  });

  it('labels a scikit-learn classifier\'s classes and probabilities as the CLI prints them', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('../../../../shared/conformance/onnx/sklearn-logreg-iris-zipmap/model.onnx', import.meta.url)));
    const model = openOnnxModel(bytes);
    const session = await startModelSession(createOrtRunner(ort), model, { warmUp: false });
    try {
      const scorer = OnnxBatchScorer.forInputs(model.description.inputTensors, (feeds) => session.run(feeds))!;
      const reply = await scorer.scoreCsv('sepal_length,sepal_width,petal_length,petal_width\n5.1,3.5,1.4,0.2\n6.7,3.0,5.2,2.3\n');
      expect(reply.resultNames).toEqual(['output_label', 'output_probability[0]', 'output_probability[1]', 'output_probability[2]']);
      expect(reply.preview.map((row) => row.values[0])).toEqual([0, 2]);
    } finally {
      await session.release();
    }
  });
});
