import { Deflate, Inflate } from 'fflate';
import { ShareLinkError } from '../errors.js';
import type { FormatId } from '../model/description.js';
import { decodeBase64url, encodeBase64url } from './base64url.js';

/**
 * Share links: a model, the inputs typed into its form and the chosen backend, packed into a URL.
 *
 * Link format 1 lives in the URL **fragment** (never sent to a server): `#share=1.<check>.<body>` where
 * - `body` is base64url(DEFLATE(frame)), and frame = uint32 big-endian header length, the header as UTF-8 JSON,
 *   then the model bytes when the model travels inline;
 * - `check` is base64url of the first {@link CHECK_BYTES} bytes of SHA-256(frame): a damaged, truncated or edited
 *   link fails it. (It is an integrity check, not a signature: whoever edits a link can recompute it.)
 *
 * Models up to {@link MAX_INLINE_COMPRESSED_BYTES} compressed travel inline. Larger ones are shared by URL: the
 * header then carries `url`, and the model's SHA-256 lets the opener confirm it fetched the same file.
 *
 * A hand-written query form is also read: `?model=<url>[&name=<name>][&backend=<backend>][&in.<field>=<value>…]`.
 *
 * Frozen link strings of each released format version are kept in the tests and must stay decodable.
 */

/** The link format this code writes. */
export const SHARE_LINK_VERSION = 1;

/**
 * Compressed model size above which a model is not inlined: 64 KiB becomes about 87 KB of link text, which
 * browsers accept (Chromium allows 2 MB URLs) and which still pastes into chat apps and e-mail.
 */
export const MAX_INLINE_COMPRESSED_BYTES = 64 * 1024;

/** Largest model a link may inflate to, so a crafted link cannot exhaust memory (DEFLATE expands up to 1032×). */
export const MAX_INFLATED_BYTES = 32 * 1024 * 1024;

/** Bytes of SHA-256 kept as the link checksum: 72 bits, 12 characters. */
export const CHECK_BYTES = 9;

/** The fragment parameter that carries a share link. */
const FRAGMENT_KEY = 'share';

/** Where the shared model comes from. */
export type ShareSource = { readonly kind: 'inline'; readonly bytes: Uint8Array } | { readonly kind: 'url'; readonly url: string };

/** Everything a share link carries. */
export interface SharePayload {
  /** The model's name in the registry. */
  readonly name: string;
  readonly fileName: string;
  /** Absent only in hand-written `?model=` links: the opener detects the format from the fetched bytes. */
  readonly format?: FormatId;
  readonly source: ShareSource;
  /** SHA-256 of the model bytes, lower-case hex; absent only in hand-written `?model=` links. */
  readonly sha256?: string;
  /** Raw form values by input field name, as typed; `null` marks a field left missing. */
  readonly inputs: Readonly<Record<string, string | null>>;
  /** The execution backend chosen for ONNX (`wasm`, `webgpu`, …), when one was. */
  readonly backend?: string;
}

interface HeaderV1 {
  readonly name: string;
  readonly file: string;
  readonly format: FormatId;
  readonly sha256: string;
  readonly size: number;
  readonly url?: string;
  readonly inputs: Record<string, string | null>;
  readonly backend?: string;
}

/**
 * Packs a payload into a fragment (without `#`): `share=1.<check>.<body>`.
 * @throws ShareLinkError `share.tooLarge` when an inline model compresses to more than
 *   {@link MAX_INLINE_COMPRESSED_BYTES}: share it by URL instead.
 */
export async function encodeShareFragment(payload: SharePayload): Promise<string> {
  if (!payload.format) throw new ShareLinkError('A share link needs the model format.', 'share.corrupt');
  const model = payload.source.kind === 'inline' ? payload.source.bytes : new Uint8Array(0);
  const modelSha256 = payload.source.kind === 'inline' ? await sha256Hex(model) : payload.sha256;
  if (!modelSha256) throw new ShareLinkError('A model shared by URL needs its SHA-256.', 'share.corrupt');
  if (payload.source.kind === 'url' && !isWebAddress(payload.source.url)) {
    throw new ShareLinkError(`'${payload.source.url}' is not an http(s) address, so a link cannot point to it.`, 'share.corrupt');
  }
  const header: HeaderV1 = {
    name: payload.name,
    file: payload.fileName,
    format: payload.format,
    sha256: modelSha256,
    size: model.length,
    ...(payload.source.kind === 'url' ? { url: payload.source.url } : {}),
    inputs: { ...payload.inputs },
    ...(payload.backend ? { backend: payload.backend } : {}),
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const frame = new Uint8Array(4 + headerBytes.length + model.length);
  new DataView(frame.buffer).setUint32(0, headerBytes.length);
  frame.set(headerBytes, 4);
  frame.set(model, 4 + headerBytes.length);
  const body = deflateBounded(frame);
  if (!body) {
    throw new ShareLinkError(
      `The model '${payload.name}' does not fit in a link: compressed, it is larger than the ${formatKiB(MAX_INLINE_COMPRESSED_BYTES)} a link can carry. Share the URL of a copy hosted online instead.`,
      'share.tooLarge',
    );
  }
  const check = encodeBase64url((await sha256(frame)).subarray(0, CHECK_BYTES));
  return `${FRAGMENT_KEY}=${SHARE_LINK_VERSION}.${check}.${encodeBase64url(body)}`;
}

/** `base` (its own fragment dropped) with the share fragment of `payload`. */
export async function buildShareUrl(base: string, payload: SharePayload): Promise<string> {
  return `${base.replace(/#.*$/, '')}#${await encodeShareFragment(payload)}`;
}

/** True when a URL fragment (with or without `#`) holds a share link, valid or not. */
export function hasShareFragment(fragment: string): boolean {
  return new URLSearchParams(fragment.replace(/^#/, '')).has(FRAGMENT_KEY);
}

/**
 * Reads the share link in a page address: the fragment form, else the `?model=` query form.
 * Returns `undefined` when the address carries no share link.
 * @throws ShareLinkError `share.corrupt` (damaged, truncated or edited), `share.version` (made by a newer
 *   ModelPort) or `share.tooLarge`. Never returns partly decoded data.
 */
export async function readShareUrl(href: string): Promise<SharePayload | undefined> {
  const url = new URL(href);
  if (hasShareFragment(url.hash)) return decodeShareFragment(url.hash);
  if (url.searchParams.has('model')) return readModelQuery(url.searchParams);
  return undefined;
}

/** Decodes `share=<version>.<check>.<body>` (with or without `#`). */
export async function decodeShareFragment(fragment: string): Promise<SharePayload> {
  const value = new URLSearchParams(fragment.replace(/^#/, '')).get(FRAGMENT_KEY) ?? '';
  const parts = value.split('.');
  if (!/^\d+$/.test(parts[0])) throw corrupt('it is not in the form share=<version>.<checksum>.<data>');
  // The version comes first: a later format may lay out the rest differently.
  const version = Number(parts[0]);
  if (version !== SHARE_LINK_VERSION) {
    throw new ShareLinkError(
      `This link was made by a newer version of ModelPort (link format ${version}); this version reads format ${SHARE_LINK_VERSION}. Reload the page to update, then open the link again.`,
      'share.version',
    );
  }
  if (parts.length !== 3) throw corrupt('it is not in the form share=<version>.<checksum>.<data>');
  const check = decodeBase64url(parts[1]);
  const body = decodeBase64url(parts[2]);
  if (!check || check.length !== CHECK_BYTES || !body) throw corrupt('it contains characters a link cannot have');
  if (body.length > MAX_INLINE_COMPRESSED_BYTES) {
    throw new ShareLinkError(`The link carries ${formatKiB(body.length)} of data, more than the ${formatKiB(MAX_INLINE_COMPRESSED_BYTES)} a link may hold.`, 'share.tooLarge');
  }
  const frame = inflateBounded(body);
  const actual = (await sha256(frame)).subarray(0, CHECK_BYTES);
  if (!actual.every((byte, i) => byte === check[i])) throw corrupt('its checksum does not match its content');
  return parseFrame(frame);
}

async function parseFrame(frame: Uint8Array): Promise<SharePayload> {
  if (frame.length < 4) throw corrupt('its content is too short');
  const headerLength = new DataView(frame.buffer, frame.byteOffset).getUint32(0);
  if (4 + headerLength > frame.length) throw corrupt('its header is cut short');
  let header: HeaderV1;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(frame.subarray(4, 4 + headerLength)));
  } catch (error) {
    throw corrupt('its header is not readable', error);
  }
  if (!isHeaderV1(header)) throw corrupt('its header lacks required fields');
  const model = frame.slice(4 + headerLength);
  if (model.length !== header.size) throw corrupt('the model inside is not the declared size');
  const common = {
    name: header.name,
    fileName: header.file,
    format: header.format,
    sha256: header.sha256,
    inputs: header.inputs,
    ...(header.backend === undefined ? {} : { backend: header.backend }),
  };
  if (header.url !== undefined) return { ...common, source: { kind: 'url', url: header.url } };
  if ((await sha256Hex(model)) !== header.sha256) throw corrupt('the model inside does not match its SHA-256');
  return { ...common, source: { kind: 'inline', bytes: model } };
}

function readModelQuery(params: URLSearchParams): SharePayload {
  const raw = params.get('model') ?? '';
  let modelUrl: URL;
  try {
    modelUrl = new URL(raw);
  } catch (error) {
    throw corrupt(`its model address '${raw}' is not a URL`, error);
  }
  if (modelUrl.protocol !== 'https:' && modelUrl.protocol !== 'http:') {
    throw corrupt(`its model address '${raw}' is not an http(s) URL`);
  }
  const fileName = decodeURIComponent(modelUrl.pathname.split('/').pop() ?? '') || 'model';
  const inputs: Record<string, string> = {};
  for (const [key, value] of params) if (key.startsWith('in.') && key.length > 3) inputs[key.slice(3)] = value;
  const backend = params.get('backend');
  return {
    name: params.get('name') || fileName.replace(/\.[^.]*$/, '') || 'Shared model',
    fileName,
    source: { kind: 'url', url: modelUrl.href },
    inputs,
    ...(backend ? { backend } : {}),
  };
}

function isWebAddress(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

function isHeaderV1(value: unknown): value is HeaderV1 {
  if (typeof value !== 'object' || value === null) return false;
  const h = value as Record<string, unknown>;
  const isString = (v: unknown) => typeof v === 'string';
  return (
    isString(h.name) &&
    isString(h.file) &&
    (h.format === 'pmml' || h.format === 'onnx') &&
    isString(h.sha256) &&
    /^[0-9a-f]{64}$/.test(h.sha256 as string) &&
    Number.isInteger(h.size) &&
    (h.url === undefined || isString(h.url)) &&
    (h.backend === undefined || isString(h.backend)) &&
    typeof h.inputs === 'object' &&
    h.inputs !== null &&
    !Array.isArray(h.inputs) &&
    Object.values(h.inputs).every((v) => v === null || isString(v))
  );
}

/**
 * Compresses with raw DEFLATE, giving up (undefined) as soon as the output passes
 * {@link MAX_INLINE_COMPRESSED_BYTES}, so a large model costs no more work than the part that fits.
 */
function deflateBounded(frame: Uint8Array): Uint8Array | undefined {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const deflater = new Deflate({ level: 9 }, (chunk) => {
    total += chunk.length;
    chunks.push(chunk);
  });
  const step = 64 * 1024;
  for (let offset = 0; offset === 0 || offset < frame.length; offset += step) {
    deflater.push(frame.subarray(offset, offset + step), offset + step >= frame.length);
    if (total > MAX_INLINE_COMPRESSED_BYTES) return undefined;
  }
  return concat(chunks, total);
}

/** Inflates raw DEFLATE, refusing to produce more than {@link MAX_INFLATED_BYTES}. */
function inflateBounded(body: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > MAX_INFLATED_BYTES) {
      throw new ShareLinkError(`The link expands to more than ${formatKiB(MAX_INFLATED_BYTES)}, more than a link may hold.`, 'share.tooLarge');
    }
    chunks.push(chunk);
  });
  try {
    inflater.push(body, true);
  } catch (error) {
    if (error instanceof ShareLinkError) throw error;
    throw corrupt('its data is damaged or cut short', error);
  }
  return concat(chunks, total);
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function corrupt(reason: string, cause?: unknown): ShareLinkError {
  return new ShareLinkError(
    `This share link is broken: ${reason}. It may have been cut short when it was copied; ask for the link again.`,
    'share.corrupt',
    cause === undefined ? undefined : { cause },
  );
}

async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return [...(await sha256(bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function formatKiB(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
