import { describe, expect, it } from 'vitest';
import { besideUrl } from './file-reading.js';

describe('besideUrl', () => {
  it('finds a data file beside its model, for absolute and page-relative model addresses', () => {
    const page = 'https://app.example/index.html';
    expect(besideUrl('https://models.example/cnn/model.onnx', 'model.onnx.data', page)).toBe('https://models.example/cnn/model.onnx.data');
    expect(besideUrl('https://models.example/cnn/model.onnx', 'weights/w.bin', page)).toBe('https://models.example/cnn/weights/w.bin');
    expect(besideUrl('/samples/cnn.onnx', 'cnn.data', page)).toBe('https://app.example/samples/cnn.data');
  });
});
