import { describe, expect, it } from 'vitest';
import { isolationHeadersPlugin, withIsolationHeaders } from './isolation-headers.js';

describe('isolation headers', () => {
  it('adds COOP and COEP and keeps status, body and other headers', async () => {
    const original = new Response('<html></html>', { status: 200, statusText: 'OK', headers: { 'Content-Type': 'text/html' } });
    const isolated = withIsolationHeaders(original);
    expect(isolated.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(isolated.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
    expect(isolated.headers.get('Content-Type')).toBe('text/html');
    expect(isolated.status).toBe(200);
    expect(await isolated.text()).toBe('<html></html>');
  });

  it('keeps a 404 a 404', () => {
    expect(withIsolationHeaders(new Response('missing', { status: 404 })).status).toBe(404);
  });

  it('leaves responses it cannot rebuild alone', () => {
    const opaque = { type: 'opaque', status: 0 } as Response;
    expect(withIsolationHeaders(opaque)).toBe(opaque);
  });

  it('applies through the Workbox plugin hook', async () => {
    const response = await isolationHeadersPlugin.handlerWillRespond({ response: new Response('x') });
    expect(response.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
  });
});
