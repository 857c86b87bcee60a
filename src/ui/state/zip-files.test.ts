import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isZip } from './file-reading.js';
import { filesOfZip } from './zip-files.js';

describe('filesOfZip', () => {
  it('gives each file of the archive under its base name, without folders', async () => {
    const zip = zipSync({ 'cnn.onnx': new Uint8Array([1, 2]), 'weights/': new Uint8Array(), 'weights/cnn.onnx.data': new Uint8Array([3]), '__MACOSX/._cnn.onnx': new Uint8Array([9]) });
    expect(isZip(zip)).toBe(true);
    const files = filesOfZip(zip, 'cnn.zip');
    expect(files.map((f) => f.name)).toEqual(['cnn.onnx', 'cnn.onnx.data']);
    expect([...new Uint8Array(await files[1].arrayBuffer())]).toEqual([3]);
  });

  it('names the archive when it is damaged', () => {
    const zip = zipSync({ 'a.pmml': new Uint8Array(100) }).slice(0, 40);
    expect(() => filesOfZip(zip, 'broken.zip')).toThrow(/'broken.zip' is not a zip archive that can be read/);
  });

  it('tells a zip from other bytes by its signature', () => {
    expect(isZip(new TextEncoder().encode('<PMML/>'))).toBe(false);
  });
});
