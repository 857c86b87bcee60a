import { describe, expect, it } from 'vitest';
import { ShareLinkError } from '../errors.js';
import {
  buildShareUrl,
  decodeShareFragment,
  encodeShareFragment,
  hasShareFragment,
  MAX_INLINE_COMPRESSED_BYTES,
  readShareUrl,
  type SharePayload,
} from './share-link.js';

const modelText = '<PMML version="4.4"><Header/></PMML>';
const inline: SharePayload = {
  name: 'Tiny',
  fileName: 'tiny.pmml',
  format: 'pmml',
  source: { kind: 'inline', bytes: new TextEncoder().encode(modelText) },
  inputs: { x: '1.5', colour: 'red' },
  backend: 'wasm',
};

/** Link strings written by released versions. They must keep decoding to the same payload forever. */
const FROZEN_V1 = {
  inline:
    'share=1.uP1ANAmGGLI7.LY1LboMwFEVZSvXGiMSA_UxEGXfQSB10A88_1So2kSH9RVla99aH1OE5Vzq3qqrfG2RKHk7wGvM31BDivNPG1FxSmne1lEQby39e36iVihnF0LXHdtAonfCoNaKhEMgaUlL5YITAYDs0xmqthJRHh2yxF4OUGNzeij9816kaYr5ctxVON_jitGgkr3aZl2thLN7BvQZD9t1nx-KT1gT38eV8fn748GWNS36EvulhGp88OV8O03jY1-kP',
  url: 'share=1.7mgTbeM9HQHb.Y2BgOFitlJeYm6pkpeSUma7g7OenpKOUlpkDEkjOy9PLz8urAInkF-UmlgDFoPzijEQjUzMgPzGJMggyK7MKaJuBjlJpUQ7QxIySkoJiK3391IrE3IKcVL38onT93PyU1JxifSQHZeYVlJYUK1lV19YCAA',
};

async function failure(promise: Promise<unknown>): Promise<ShareLinkError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ShareLinkError);
  return error as ShareLinkError;
}

function modelTextOf(payload: SharePayload): string {
  if (payload.source.kind !== 'inline') throw new Error('expected an inline model');
  return new TextDecoder().decode(payload.source.bytes);
}

/** A deterministic byte sequence that DEFLATE cannot shrink. */
function noise(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = 0x12345678;
  for (let i = 0; i < length; i += 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

describe('share link round trips', () => {
  it('carries an inline model, its inputs, name and backend', async () => {
    const decoded = await decodeShareFragment(await encodeShareFragment(inline));
    expect(modelTextOf(decoded)).toBe(modelText);
    expect(decoded).toMatchObject({ name: 'Tiny', fileName: 'tiny.pmml', format: 'pmml', inputs: { x: '1.5', colour: 'red' }, backend: 'wasm' });
    expect(decoded.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('carries a model URL with the hash of the model behind it', async () => {
    const payload: SharePayload = {
      name: 'Big',
      fileName: 'big.onnx',
      format: 'onnx',
      source: { kind: 'url', url: 'https://example.org/big.onnx' },
      sha256: 'cd'.repeat(32),
      inputs: {},
    };
    expect(await decodeShareFragment(await encodeShareFragment(payload))).toEqual(payload);
  });

  it('keeps fields left missing apart from empty text', async () => {
    const payload = { ...inline, inputs: { x: null, note: '' } };
    expect((await decodeShareFragment(await encodeShareFragment(payload))).inputs).toEqual({ x: null, note: '' });
  });

  it('keeps non-ASCII names and values', async () => {
    const payload = { ...inline, name: 'Modèle – 模型', inputs: { 'größe': 'α β' } };
    expect(await decodeShareFragment(await encodeShareFragment(payload))).toMatchObject({ name: 'Modèle – 模型', inputs: { 'größe': 'α β' } });
  });

  it('builds a full URL that readShareUrl reads back, replacing any fragment of the base', async () => {
    const url = await buildShareUrl('https://app.example/modelport/#/model/abc', inline);
    expect(url.startsWith('https://app.example/modelport/#share=1.')).toBe(true);
    expect(modelTextOf((await readShareUrl(url))!)).toBe(modelText);
  });

  it('compresses text models well below their size', async () => {
    const big = { ...inline, source: { kind: 'inline' as const, bytes: new TextEncoder().encode(modelText.repeat(2_000)) } };
    expect((await encodeShareFragment(big)).length).toBeLessThan(2_000);
  });
});

describe('share links of released versions', () => {
  it('decodes the frozen version 1 inline link', async () => {
    const decoded = await decodeShareFragment(FROZEN_V1.inline);
    expect(modelTextOf(decoded)).toBe(modelText);
    expect(decoded).toMatchObject({ name: 'Tiny', fileName: 'tiny.pmml', format: 'pmml', inputs: { x: '1.5', colour: 'red' }, backend: 'wasm' });
  });

  it('decodes the frozen version 1 URL link', async () => {
    expect(await decodeShareFragment(`#${FROZEN_V1.url}`)).toEqual({
      name: 'Big CNN',
      fileName: 'cnn.onnx',
      format: 'onnx',
      source: { kind: 'url', url: 'https://example.org/models/cnn.onnx' },
      sha256: 'ab'.repeat(32),
      inputs: {},
    });
  });
});

describe('broken share links', () => {
  const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);

  it('detects a changed character anywhere in the data', async () => {
    const fragment = await encodeShareFragment(inline);
    const dataStart = fragment.lastIndexOf('.') + 1;
    for (const at of [dataStart, dataStart + 40, fragment.length - 2, fragment.length - 1]) {
      expect((await failure(decodeShareFragment(flip(fragment, at)))).code).toBe('share.corrupt');
    }
  });

  it('detects a changed checksum', async () => {
    const fragment = await encodeShareFragment(inline);
    expect((await failure(decodeShareFragment(flip(fragment, 'share=1.'.length)))).code).toBe('share.corrupt');
  });

  it('detects a link cut short', async () => {
    const fragment = await encodeShareFragment(inline);
    for (const length of [fragment.length - 1, fragment.length - 10, 30, 'share=1.'.length]) {
      expect((await failure(decodeShareFragment(fragment.slice(0, length)))).code).toBe('share.corrupt');
    }
  });

  it('rejects characters outside base64url', async () => {
    const fragment = await encodeShareFragment(inline);
    expect((await failure(decodeShareFragment(`${fragment.slice(0, -1)}*`))).code).toBe('share.corrupt');
  });

  it('refuses to point a link at an address that is not http(s)', async () => {
    const payload: SharePayload = { ...inline, source: { kind: 'url', url: 'file:///home/me/model.onnx' }, sha256: 'ab'.repeat(32) };
    expect((await failure(encodeShareFragment(payload))).code).toBe('share.corrupt');
  });

  it('names a link from a newer format version', async () => {
    const fragment = (await encodeShareFragment(inline)).replace('share=1.', 'share=2.');
    const error = await failure(decodeShareFragment(fragment));
    expect(error.code).toBe('share.version');
    expect(error.message).toContain('link format 2');
  });

  it('names a newer format version even when its layout differs', async () => {
    expect((await failure(decodeShareFragment('share=3.a.b.c.d'))).code).toBe('share.version');
  });

  it('refuses to inline a model that does not compress under the limit', async () => {
    const payload = { ...inline, source: { kind: 'inline' as const, bytes: noise(MAX_INLINE_COMPRESSED_BYTES + 1_000) } };
    expect((await failure(encodeShareFragment(payload))).code).toBe('share.tooLarge');
  });

  it('refuses a model of many megabytes', async () => {
    const payload = { ...inline, source: { kind: 'inline' as const, bytes: noise(16 * 1024 * 1024) } };
    expect((await failure(encodeShareFragment(payload))).code).toBe('share.tooLarge');
  });

  it('inlines a model just under the limit', async () => {
    const payload = { ...inline, source: { kind: 'inline' as const, bytes: noise(MAX_INLINE_COMPRESSED_BYTES - 1_000) } };
    expect((await decodeShareFragment(await encodeShareFragment(payload))).source).toMatchObject({ kind: 'inline' });
  });
});

describe('reading a page address', () => {
  it('returns undefined when the address has no share link', async () => {
    expect(await readShareUrl('https://app.example/#/model/abc')).toBeUndefined();
    expect(hasShareFragment('#/model/abc')).toBe(false);
  });

  it('reads the hand-written ?model= form with inputs and backend', async () => {
    const payload = await readShareUrl(
      'https://app.example/?model=https%3A%2F%2Fdata.example%2Fm%2Firis%20tree.pmml&in.sepal_length=5.1&in.species%20hint=x&backend=wasm',
    );
    expect(payload).toEqual({
      name: 'iris tree',
      fileName: 'iris tree.pmml',
      source: { kind: 'url', url: 'https://data.example/m/iris%20tree.pmml' },
      inputs: { sepal_length: '5.1', 'species hint': 'x' },
      backend: 'wasm',
    });
  });

  it('refuses a ?model= address that is not http(s)', async () => {
    expect((await failure(readShareUrl('https://app.example/?model=javascript:alert(1)'))).code).toBe('share.corrupt');
    expect((await failure(readShareUrl('https://app.example/?model=not%20a%20url'))).code).toBe('share.corrupt');
  });
});
