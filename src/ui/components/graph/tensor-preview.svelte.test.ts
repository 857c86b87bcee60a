import { describe, expect, it } from 'vitest';
import type { TensorInfo } from '../../../engine/model/description.js';
import type { TensorValuesSource } from '../../state/onnx-tensor-values.js';
import { TensorPreviewState, VALUE_PAGES } from './tensor-preview.svelte.js';

/** A weight whose description carries only a 64-value preview, as the page gets it from the engine worker. */
function weight(count: number, extra: Partial<TensorInfo> = {}): TensorInfo {
  return { name: 'w', type: 'float32', shape: [count], byteLength: count * 4, values: (limit = 64) => Array.from({ length: Math.min(limit, 64, count) }, (_, i) => i), ...extra };
}

/** A source that decodes `stored` values and records the limits asked for. */
function source(stored: number): TensorValuesSource & { asked: number[] } {
  const asked: number[] = [];
  return {
    asked,
    load: async (_tensor, limit) => {
      asked.push(limit);
      return Array.from({ length: Math.min(limit, stored) }, (_, i) => i);
    },
  };
}

describe('TensorPreviewState', () => {
  it('pages through 64, 1,024 and 16,384 values from the source', async () => {
    const values = source(50_000);
    const preview = new TensorPreviewState(weight(50_000), values);
    await preview.show();
    expect(preview.values).toHaveLength(64);
    await preview.more();
    expect(preview.values).toHaveLength(1_024);
    await preview.more();
    expect(preview.values).toHaveLength(16_384);
    expect(values.asked).toEqual([...VALUE_PAGES]);
    expect(preview.canShowMore).toBe(false);
    expect(preview.isComplete).toBe(false);
  });

  it('is loading until the source answers', async () => {
    let answer: (values: number[]) => void = () => {};
    const preview = new TensorPreviewState(weight(100), { load: () => new Promise((resolve) => (answer = resolve)) });
    const shown = preview.show();
    expect(preview.isLoading).toBe(true);
    answer([1, 2]);
    await shown;
    expect(preview.isLoading).toBe(false);
    expect(preview.text).toBe('1, 2');
  });

  it("shows the source's error and lets the person try again", async () => {
    let fails = true;
    const preview = new TensorPreviewState(weight(100), {
      load: async () => {
        if (fails) throw { code: 'app.unexpected', message: 'The model is no longer open in the engine; reopen it to see more values.' };
        return [1];
      },
    });
    await preview.show();
    expect(preview.error).toMatch(/reopen/);
    expect(preview.values).toBeUndefined();
    fails = false;
    await preview.show();
    expect(preview.error).toBeNull();
    expect(preview.values).toEqual([1]);
  });

  it('offers nothing beyond the description preview without a source', async () => {
    const preview = new TensorPreviewState(weight(1_000));
    await preview.show();
    expect(preview.values).toHaveLength(64);
    expect(preview.isComplete).toBe(false);
    expect(preview.canShowMore).toBe(false);
  });

  it('stops offering more once fewer values come back than were asked for (a sparse tensor)', async () => {
    const preview = new TensorPreviewState(weight(10_000, { isSparse: true }), source(40));
    await preview.show();
    expect(preview.isComplete).toBe(true);
    expect(preview.canShowMore).toBe(false);
  });

  it('is complete when the whole tensor fits in the first page', async () => {
    const preview = new TensorPreviewState(weight(10), source(10));
    await preview.show();
    expect(preview.isComplete).toBe(true);
  });

  it('writes int64 values as whole numbers', async () => {
    const preview = new TensorPreviewState(weight(2, { type: 'int64' }), { load: async () => [7n, -9007199254740993n] });
    await preview.show();
    expect(preview.text).toBe('7, -9007199254740993');
  });
});
