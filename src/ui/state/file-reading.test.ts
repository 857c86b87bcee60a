import { describe, expect, it } from 'vitest';
import { besideUrl, readStream } from './file-reading.js';

describe('besideUrl', () => {
  it('finds a data file beside its model, for absolute and page-relative model addresses', () => {
    const page = 'https://app.example/index.html';
    expect(besideUrl('https://models.example/cnn/model.onnx', 'model.onnx.data', page)).toBe('https://models.example/cnn/model.onnx.data');
    expect(besideUrl('https://models.example/cnn/model.onnx', 'weights/w.bin', page)).toBe('https://models.example/cnn/weights/w.bin');
    expect(besideUrl('/samples/cnn.onnx', 'cnn.data', page)).toBe('https://app.example/samples/cnn.data');
  });
});

describe('readStream', () => {
  const streamOf = (...chunks: number[][]) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new Uint8Array(chunk));
        controller.close();
      },
    });

  it('reads chunks into one buffer of the announced size, reporting progress', async () => {
    const progress: number[] = [];
    const bytes = await readStream(streamOf([1, 2], [3], [4, 5]), 5, (loaded) => progress.push(loaded));
    expect([...new Uint8Array(bytes)]).toEqual([1, 2, 3, 4, 5]);
    expect(progress).toEqual([2, 3, 5]);
  });

  it('joins the chunks when the size is unknown, more than announced, or less', async () => {
    expect([...new Uint8Array(await readStream(streamOf([1, 2], [3]), 0, () => undefined))]).toEqual([1, 2, 3]);
    expect([...new Uint8Array(await readStream(streamOf([1, 2], [3, 4]), 3, () => undefined))]).toEqual([1, 2, 3, 4]);
    expect([...new Uint8Array(await readStream(streamOf([1], [2]), 5, () => undefined))]).toEqual([1, 2]);
  });
});
