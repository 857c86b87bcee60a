import { describe, expect, it } from 'vitest';
import { openOnnxModel } from './onnx-model.js';
import { buildLargeModel } from './synthetic-model.fixture.js';

const MODEL_BYTES = 128 * 1024 * 1024;

describe('opening a large model', () => {
  it('holds no copy of the weights: memory grows by far less than the model size', () => {
    const bytes = buildLargeModel(MODEL_BYTES);
    const before = process.memoryUsage();
    const model = openOnnxModel(bytes);
    const after = process.memoryUsage();
    const grown = after.arrayBuffers - before.arrayBuffers + (after.heapUsed - before.heapUsed);
    expect(grown).toBeLessThan(0.2 * bytes.length);
    const weights = model.description.structure.kind === 'graph' ? model.description.structure.graph.initializers.get('w0') : undefined;
    expect(weights?.byteLength).toBe(16 * 1024 * 1024);
  });
});
