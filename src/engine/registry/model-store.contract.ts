import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../errors.js';
import type { ModelStore, NewModelFile } from './model-store.js';

/** How the contract builds the implementation under test. */
export interface ModelStoreHarness {
  /** A fresh, empty store whose clock is `now`. */
  create(now: () => number): Promise<ModelStore>;
  /** A fresh, empty store that refuses to hold more than `quotaBytes` bytes of model content. */
  createWithQuota(quotaBytes: number): Promise<ModelStore>;
}

const encoder = new TextEncoder();

function pmml(name: string, body: string, extra: Partial<NewModelFile> = {}): NewModelFile {
  return { name, fileName: `${name}.pmml`, bytes: encoder.encode(`<PMML>${body}</PMML>`), format: 'pmml', kind: 'TreeModel', ...extra };
}

async function expectStoreError(promise: Promise<unknown>, code: StoreError['code']): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  expect((error as StoreError).code).toBe(code);
}

/** The behaviour every {@link ModelStore} implementation must have. */
export function runModelStoreContract(name: string, harness: ModelStoreHarness): void {
  describe(`ModelStore contract: ${name}`, () => {
    let store: ModelStore;
    let clock: number;

    beforeEach(async () => {
      clock = 1_000;
      store = await harness.create(() => (clock += 1_000));
    });
    afterEach(() => store.close());

    it('starts empty', async () => {
      expect(await store.list()).toEqual([]);
    });

    it('stores a new model with its first version and metadata', async () => {
      const { model, version, isDuplicate } = await store.add(pmml('Iris', 'a', { producer: 'sklearn', notes: 'first' }));
      expect(isDuplicate).toBe(false);
      expect(model).toMatchObject({ name: 'Iris', versionCount: 1 });
      expect(version).toMatchObject({
        modelId: model.id,
        number: 1,
        fileName: 'Iris.pmml',
        format: 'pmml',
        kind: 'TreeModel',
        producer: 'sklearn',
        notes: 'first',
        size: 14,
        addedAt: 2_000,
        externalData: [],
      });
      expect(version.sha256).toMatch(/^[0-9a-f]{64}$/);
    });

    it('computes the SHA-256 of the bytes', async () => {
      const { version } = await store.add({ ...pmml('Abc', ''), bytes: encoder.encode('abc') });
      expect(version.sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    });

    it('adds a version when a file is added under a known name', async () => {
      const first = await store.add(pmml('Iris', 'a'));
      const second = await store.add(pmml('Iris', 'b'));
      expect(second.model.id).toBe(first.model.id);
      expect(second.version.number).toBe(2);
      expect(second.model.versionCount).toBe(2);
      const record = await store.get(first.model.id);
      expect(record.versions.map((v) => v.number)).toEqual([2, 1]);
    });

    it('returns the existing version instead of storing the same bytes twice', async () => {
      const first = await store.add(pmml('Iris', 'same'));
      const again = await store.add(pmml('Other name', 'same'));
      expect(again.isDuplicate).toBe(true);
      expect(again.version.id).toBe(first.version.id);
      expect(again.model.id).toBe(first.model.id);
      expect(await store.list()).toHaveLength(1);
    });

    it('stores bytes added twice at the same moment once', async () => {
      const [first, second] = await Promise.all([store.add(pmml('Iris', 'race')), store.add(pmml('Iris', 'race'))]);
      expect(second.version.id).toBe(first.version.id);
      expect([first.isDuplicate, second.isDuplicate].sort()).toEqual([false, true]);
      expect((await store.list())[0].versionCount).toBe(1);
    });

    it('finds a live version by its hash', async () => {
      const { version } = await store.add(pmml('Iris', 'a'));
      expect((await store.findBySha256(version.sha256.toUpperCase()))?.id).toBe(version.id);
      expect(await store.findBySha256('0'.repeat(64))).toBeUndefined();
    });

    it('lists models with their latest version, most recently updated first, without bytes', async () => {
      await store.add(pmml('Older', 'a'));
      await store.add(pmml('Newer', 'b'));
      await store.add(pmml('Older', 'c'));
      const list = await store.list();
      expect(list.map((m) => [m.name, m.versionCount, m.latest.number])).toEqual([
        ['Older', 2, 2],
        ['Newer', 1, 1],
      ]);
      expect(JSON.stringify(list)).not.toContain('bytes');
    });

    it('names a model after its file when no name is given', async () => {
      const { model } = await store.add({ ...pmml('', 'a'), fileName: 'models/credit-score.v2.pmml' });
      expect(model.name).toBe('credit-score.v2');
    });

    const cnn = (data?: number[]): NewModelFile => ({
      name: 'Cnn',
      fileName: 'cnn.onnx',
      bytes: new Uint8Array([8, 7, 6]),
      format: 'onnx',
      kind: 'ONNX graph',
      externalData: data === undefined ? [] : [{ path: 'cnn.onnx.data', bytes: new Uint8Array(data) }],
    });

    it('returns the stored bytes and external data of a version', async () => {
      const { version } = await store.add(cnn([1, 2, 3, 4]));
      expect(version.size).toBe(7);
      expect(version.externalData).toEqual([{ path: 'cnn.onnx.data', size: 4, sha256: '9f64a747e1b97f131fabb6b447296c9b6f0201e79fb3c5356e6c77e89b6a806a' }]);
      const content = await store.readVersion(version.id);
      expect([...new Uint8Array(content.bytes)]).toEqual([8, 7, 6]);
      expect(content.externalData.map((f) => [f.path, [...new Uint8Array(f.bytes)]])).toEqual([
        ['cnn.onnx.data', [1, 2, 3, 4]],
      ]);
    });

    it('stores the same graph with other external data (retrained weights) as a new version', async () => {
      await store.add(cnn([1, 2, 3, 4]));
      const second = await store.add(cnn([5, 6, 7, 8]));
      expect(second).toMatchObject({ isDuplicate: false, version: { number: 2 } });
      expect([...new Uint8Array((await store.readVersion(second.version.id)).externalData[0].bytes)]).toEqual([5, 6, 7, 8]);
      expect((await store.add(cnn([5, 6, 7, 8]))).isDuplicate).toBe(true);
    });

    it('completes a version stored without its external data when the data comes with the same model', async () => {
      const first = await store.add(cnn());
      const completed = await store.add(cnn([1, 2, 3, 4]));
      expect(completed).toMatchObject({ isDuplicate: false, version: { id: first.version.id, number: 1, size: 7 } });
      expect((await store.readVersion(first.version.id)).externalData.map((f) => f.path)).toEqual(['cnn.onnx.data']);
      expect((await store.get(first.model.id)).versions).toHaveLength(1);
    });

    it('keeps its own copy of the bytes it was given', async () => {
      const bytes = new Uint8Array([1, 2, 3]);
      const { version } = await store.add({ ...pmml('Copy', ''), bytes });
      bytes[0] = 99;
      expect(new Uint8Array((await store.readVersion(version.id)).bytes)[0]).toBe(1);
    });

    it('renames a model', async () => {
      const { model } = await store.add(pmml('Iris', 'a'));
      expect((await store.rename(model.id, '  Iris classifier ')).name).toBe('Iris classifier');
      expect((await store.get(model.id)).name).toBe('Iris classifier');
    });

    it('refuses a name another model already has', async () => {
      await store.add(pmml('Taken', 'a'));
      const { model } = await store.add(pmml('Mine', 'b'));
      await expectStoreError(store.rename(model.id, 'Taken'), 'store.conflict');
    });

    it('annotates a version with notes', async () => {
      const { model, version } = await store.add(pmml('Iris', 'a'));
      await store.annotate(version.id, 'validated on 2024 data');
      expect((await store.get(model.id)).versions[0].notes).toBe('validated on 2024 data');
    });

    it('keeps the class labels added to a version until they are removed', async () => {
      const { model, version } = await store.add(pmml('Iris', 'a'));
      expect((await store.setClassLabels(version.id, ['setosa', 'versicolor', 'virginica'])).classLabels).toEqual(['setosa', 'versicolor', 'virginica']);
      expect((await store.get(model.id)).versions[0].classLabels).toEqual(['setosa', 'versicolor', 'virginica']);
      await store.setClassLabels(version.id, undefined);
      expect((await store.get(model.id)).versions[0]).not.toHaveProperty('classLabels');
    });

    it('deletes a version and restores it with the undo token', async () => {
      const { model } = await store.add(pmml('Iris', 'a'));
      const { version: v2 } = await store.add(pmml('Iris', 'b'));
      const undo = await store.deleteVersion(v2.id);
      expect(undo).toMatchObject({ kind: 'version', id: v2.id, label: 'Iris v2' });
      expect((await store.get(model.id)).versions.map((v) => v.number)).toEqual([1]);
      await expectStoreError(store.readVersion(v2.id), 'store.notFound');
      await store.restore(undo);
      expect((await store.get(model.id)).versions.map((v) => v.number)).toEqual([2, 1]);
    });

    it('discards a deleted version for good once its undo offer is over, and leaves a restored one alone', async () => {
      const { model } = await store.add(pmml('Iris', 'a'));
      const { version: v2 } = await store.add(pmml('Iris', 'b'));
      const undo = await store.deleteVersion(v2.id);
      await store.discard(undo);
      await expectStoreError(store.restore(undo), 'store.notFound');
      expect((await store.get(model.id)).versions.map((v) => v.number)).toEqual([1]);

      const { version: v3 } = await store.add(pmml('Iris', 'c'));
      const restored = await store.deleteVersion(v3.id);
      await store.restore(restored);
      await store.discard(restored);
      expect((await store.get(model.id)).versions.map((v) => v.number)).toEqual([3, 1]);
    });

    it('discards a deleted model with its versions and bytes', async () => {
      const { model, version } = await store.add(pmml('Iris', 'a'));
      const undo = await store.deleteModel(model.id);
      await store.discard(undo);
      await expectStoreError(store.restore(undo), 'store.notFound');
      await expectStoreError(store.readVersion(version.id), 'store.notFound');
      expect((await store.add(pmml('Iris', 'a'))).isDuplicate).toBe(false);
    });

    it('hides a model whose last version is deleted', async () => {
      const { model, version } = await store.add(pmml('Iris', 'a'));
      await store.deleteVersion(version.id);
      expect(await store.list()).toEqual([]);
      await expectStoreError(store.get(model.id), 'store.notFound');
    });

    it('deletes a model and restores it with the undo token', async () => {
      const { model } = await store.add(pmml('Iris', 'a'));
      await store.add(pmml('Iris', 'b'));
      const undo = await store.deleteModel(model.id);
      expect(undo).toMatchObject({ kind: 'model', id: model.id, label: 'Iris' });
      expect(await store.list()).toEqual([]);
      await store.restore(undo);
      expect((await store.list()).map((m) => [m.name, m.versionCount])).toEqual([['Iris', 2]]);
    });

    it('starts a new model when a deleted model name is reused', async () => {
      const first = await store.add(pmml('Iris', 'a'));
      await store.deleteModel(first.model.id);
      const second = await store.add(pmml('Iris', 'b'));
      expect(second.model.id).not.toBe(first.model.id);
      expect(second.version.number).toBe(1);
    });

    it('suffixes the name of a restored model whose name was taken meanwhile', async () => {
      const first = await store.add(pmml('Iris', 'a'));
      const undo = await store.deleteModel(first.model.id);
      await store.add(pmml('Iris', 'b'));
      await store.restore(undo);
      expect((await store.list()).map((m) => m.name).sort()).toEqual(['Iris', 'Iris (2)']);
    });

    it('brings back a deleted version when the same bytes are added again', async () => {
      const { version } = await store.add(pmml('Iris', 'a'));
      await store.deleteVersion(version.id);
      const again = await store.add(pmml('Iris', 'a'));
      expect(again).toMatchObject({ isDuplicate: true, version: { id: version.id } });
      expect(await store.list()).toHaveLength(1);
    });

    it('purges soft-deleted records so they can no longer be restored', async () => {
      const { model } = await store.add(pmml('Iris', 'a'));
      const kept = await store.add(pmml('Kept', 'k'));
      const undo = await store.deleteModel(model.id);
      expect(await store.purgeDeleted()).toBe(1);
      await expectStoreError(store.restore(undo), 'store.notFound');
      expect((await store.list()).map((m) => m.id)).toEqual([kept.model.id]);
    });

    it('purges only what was deleted before the given time', async () => {
      const a = await store.add(pmml('A', 'a'));
      const b = await store.add(pmml('B', 'b'));
      const early = await store.deleteModel(a.model.id);
      await store.deleteModel(b.model.id);
      expect(await store.purgeDeleted(early.deletedAt)).toBe(1);
      await expectStoreError(store.restore(early), 'store.notFound');
    });

    it('never reuses a version number', async () => {
      await store.add(pmml('Iris', 'a'));
      const { version: v2 } = await store.add(pmml('Iris', 'b'));
      await store.deleteVersion(v2.id);
      await store.purgeDeleted();
      expect((await store.add(pmml('Iris', 'c'))).version.number).toBe(3);
    });

    it('exports a version with its file name and a MIME type', async () => {
      const { version } = await store.add(pmml('Iris', 'a'));
      const file = await store.exportVersion(version.id);
      expect(file.fileName).toBe('Iris.pmml');
      expect(file.mimeType).toBe('application/xml');
      expect(new TextDecoder().decode(file.bytes)).toBe('<PMML>a</PMML>');
    });

    it('exports an ONNX version with external data as a zip of the model and its data files at their paths', async () => {
      const { version } = await store.add(cnn([1, 2, 3, 4]));
      const file = await store.exportVersion(version.id);
      expect(file).toMatchObject({ fileName: 'cnn.zip', mimeType: 'application/zip' });
      const entries = unzipSync(new Uint8Array(file.bytes));
      expect(Object.fromEntries(Object.entries(entries).map(([path, bytes]) => [path, [...bytes]]))).toEqual({ 'cnn.onnx': [8, 7, 6], 'cnn.onnx.data': [1, 2, 3, 4] });
    });

    it('reports unknown ids as not found', async () => {
      await expectStoreError(store.get('nope'), 'store.notFound');
      await expectStoreError(store.readVersion('nope'), 'store.notFound');
      await expectStoreError(store.deleteModel('nope'), 'store.notFound');
      await expectStoreError(store.annotate('nope', 'x'), 'store.notFound');
      await expectStoreError(store.setClassLabels('nope', ['a']), 'store.notFound');
    });

    it('fails a save over quota with store.quota and leaves nothing half-written', async () => {
      const small = await harness.createWithQuota(64);
      try {
        await small.add(pmml('Fits', 'a'));
        await expectStoreError(small.add({ ...pmml('Fits', ''), bytes: new Uint8Array(100) }), 'store.quota');
        const list = await small.list();
        expect(list.map((m) => [m.name, m.versionCount])).toEqual([['Fits', 1]]);
        expect((await small.add(pmml('Fits', 'b'))).version.number).toBe(2);
      } finally {
        small.close();
      }
    });
  });
}
