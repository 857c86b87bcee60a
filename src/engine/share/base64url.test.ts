import { describe, expect, it } from 'vitest';
import { decodeBase64url, encodeBase64url } from './base64url.js';

describe('base64url', () => {
  it('encodes the RFC 4648 test vectors without padding', () => {
    const vectors = ['', 'Zg', 'Zm8', 'Zm9v', 'Zm9vYg', 'Zm9vYmE', 'Zm9vYmFy'];
    const texts = ['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'];
    expect(texts.map((t) => encodeBase64url(new TextEncoder().encode(t)))).toEqual(vectors);
  });

  it('uses - and _ instead of + and /', () => {
    expect(encodeBase64url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
  });

  it('round-trips every byte value', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(decodeBase64url(encodeBase64url(bytes))).toEqual(bytes);
  });

  it('rejects characters outside the alphabet and impossible lengths', () => {
    expect(decodeBase64url('ab+c')).toBeUndefined();
    expect(decodeBase64url('abcde')).toBeUndefined();
  });

  it('rejects a last character whose unused bits are set', () => {
    expect(decodeBase64url('Zh')).toBeUndefined();
    expect(decodeBase64url('Zg')).toEqual(new Uint8Array([0x66]));
  });
});
