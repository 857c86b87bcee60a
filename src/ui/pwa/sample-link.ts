import { buildShareUrl, sha256Hex, ShareLinkError } from '../../engine/index.js';
import { toAppError } from '../state/app-error.js';
import { readUrl } from '../state/file-reading.js';
import type { Sample } from '../state/samples.js';
import type { CreatedLink } from './share.svelte.js';

/** A gallery sample's link: the sample inside it with its example inputs, or its address here when too large. */
export async function sampleLink(sample: Sample, base = `${location.origin}${location.pathname}`): Promise<CreatedLink> {
  const common = { name: sample.name, fileName: sample.url.replace(/^.*\//, ''), format: sample.format, inputs: sample.exampleInputs };
  try {
    const { bytes } = await readUrl(sample.url, () => undefined);
    try {
      return { ok: true, url: await buildShareUrl(base, { ...common, source: { kind: 'inline', bytes: new Uint8Array(bytes) } }), isInline: true };
    } catch (error) {
      if (!(error instanceof ShareLinkError && error.code === 'share.tooLarge')) throw error;
      const source = { kind: 'url' as const, url: new URL(sample.url, location.href).href };
      return { ok: true, url: await buildShareUrl(base, { ...common, source, sha256: await sha256Hex(bytes) }), isInline: false };
    }
  } catch (error) {
    const appError = toAppError(error);
    return { ok: false, code: appError.code, message: appError.message };
  }
}
