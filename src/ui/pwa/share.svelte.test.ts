import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeShareFragment, encodeShareFragment, sha256Hex } from '../../engine/index.js';
import type { AppError } from '../state/app-error.js';
import type { LibraryState } from '../state/library.svelte.js';
import type { Notices } from '../state/notices.svelte.js';
import type { Opener } from '../state/opener.svelte.js';
import type { OpenedModel } from '../state/session.svelte.js';
import type { Workbench } from '../state/workbench.svelte.js';
import { ShareLinks } from './share.svelte.js';

const modelBytes = new TextEncoder().encode('<PMML version="4.4"/>');

/** The app services ShareLinks talks to, recording what it asked of them. */
function harness() {
  const opened: File[] = [];
  const names: (string | undefined)[] = [];
  const errors: AppError[] = [];
  const opener = {
    progress: null,
    openFiles: async (files: File[], name?: string) => void (opened.push(...files), names.push(name)),
  } as unknown as Opener;
  const library = {
    models: [{ name: 'Churn', latest: { format: 'onnx' } }],
    readVersion: async () => ({ bytes: modelBytes.slice().buffer }),
  } as unknown as LibraryState;
  const notices = { error: (e: AppError) => void errors.push(e), toast: () => undefined } as unknown as Notices;
  return { share: new ShareLinks(opener, library, notices), opened, names, errors };
}

async function page(sha256: string) {
  const fills: Record<string, string | null>[] = [];
  const entries = { petal_length: { text: '5.5', isMissing: false }, colour: { text: 'red', isMissing: true } };
  const bench = { tabular: { entries, fill: (values: Record<string, string | null>) => void fills.push(values) } } as unknown as Workbench;
  const opened = {
    record: { name: 'Iris' },
    version: { id: 'v1', fileName: 'iris.pmml', format: 'pmml', sha256 },
  } as unknown as OpenedModel;
  return { bench, opened, fills };
}

let address: string;
beforeEach(() => {
  address = 'https://app.example/';
  vi.stubGlobal('location', {
    get href() {
      return address;
    },
    origin: 'https://app.example',
    pathname: '/',
  });
  vi.stubGlobal('history', { state: null, replaceState: (_: unknown, __: string, url: string) => (address = `https://app.example${url}`) });
  vi.stubGlobal('HashChangeEvent', class extends Event {});
  vi.stubGlobal('dispatchEvent', () => true);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ShareLinks', () => {
  it('opens an inline link through the opener under its name and clears it from the address', async () => {
    const { share, opened, names } = harness();
    address = `https://app.example/#${await encodeShareFragment({ name: 'Iris', fileName: 'iris.pmml', format: 'pmml', source: { kind: 'inline', bytes: modelBytes }, inputs: {} })}`;
    await share.openFromAddress();
    expect(opened.map((f) => f.name)).toEqual(['iris.pmml']);
    expect(names).toEqual(['Iris']);
    expect(new Uint8Array(await opened[0].arrayBuffer())).toEqual(modelBytes);
    expect(address).toBe('https://app.example/#/');
  });

  it('leaves the naming to the opener when the recipient has a model of that name in another format', async () => {
    const { share, names } = harness();
    address = `https://app.example/#${await encodeShareFragment({ name: 'Churn', fileName: 'churn.pmml', format: 'pmml', source: { kind: 'inline', bytes: modelBytes }, inputs: {} })}`;
    await share.openFromAddress();
    expect(names).toEqual([undefined]);
  });

  it('reports a damaged link and opens nothing', async () => {
    const { share, opened, errors } = harness();
    const fragment = await encodeShareFragment({ name: 'Iris', fileName: 'iris.pmml', format: 'pmml', source: { kind: 'inline', bytes: modelBytes }, inputs: {} });
    address = `https://app.example/#${fragment.slice(0, -4)}`;
    await share.openFromAddress();
    expect(errors.map((e) => e.code)).toEqual(['share.corrupt']);
    expect(opened).toEqual([]);
  });

  it('waits for the person to agree before downloading a ?model= link', async () => {
    const { share, opened } = harness();
    address = 'https://app.example/?model=https%3A%2F%2Fmodels.example%2Firis.pmml';
    await share.openFromAddress();
    expect(share.pendingDownload).toMatchObject({ host: 'models.example', url: 'https://models.example/iris.pmml' });
    expect(opened).toEqual([]);
    share.cancelDownload();
    expect(share.pendingDownload).toBeNull();
  });

  it('fills the shown model with the link inputs once, and only the model the link carried', async () => {
    const { share } = harness();
    const sha256 = await sha256Hex(modelBytes);
    address = `https://app.example/#${await encodeShareFragment({ name: 'Iris', fileName: 'iris.pmml', format: 'pmml', source: { kind: 'inline', bytes: modelBytes }, inputs: { petal_length: '5.5', colour: null } })}`;
    await share.openFromAddress();

    const other = await page('0'.repeat(64));
    share.attach(other.opened, other.bench)();
    expect(other.fills).toEqual([]);

    const shared = await page(sha256);
    share.attach(shared.opened, shared.bench)();
    share.attach(shared.opened, shared.bench)();
    expect(shared.fills).toEqual([{ petal_length: '5.5', colour: null }]);
  });

  it('fills the page already showing the shared model, which the opener does not re-create', async () => {
    const { share } = harness();
    const shown = await page(await sha256Hex(modelBytes));
    share.attach(shown.opened, shown.bench);
    address = `https://app.example/#${await encodeShareFragment({ name: 'Iris', fileName: 'iris.pmml', format: 'pmml', source: { kind: 'inline', bytes: modelBytes }, inputs: { petal_length: '6.1' } })}`;
    await share.openFromAddress();
    expect(shown.fills).toEqual([{ petal_length: '6.1' }]);
  });

  it('creates a link carrying the version bytes and the form, with missing fields as null', async () => {
    const { share } = harness();
    const { opened, bench } = await page(await sha256Hex(modelBytes));
    const created = await share.createLink(opened, bench);
    expect(created).toMatchObject({ ok: true, isInline: true });
    const payload = await decodeShareFragment(new URL((created as { url: string }).url).hash);
    expect(payload).toMatchObject({ name: 'Iris', fileName: 'iris.pmml', inputs: { petal_length: '5.5', colour: null } });
  });

  it('refuses a hosted-model link to an address that is not http(s)', async () => {
    const { share } = harness();
    const { opened, bench } = await page(await sha256Hex(modelBytes));
    expect(await share.createLink(opened, bench, 'ftp://files.example/iris.pmml')).toMatchObject({ ok: false, code: 'share.corrupt' });
  });
});
