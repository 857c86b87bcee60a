/**
 * Cross-origin isolation for static hosts that cannot send headers (the coi-serviceworker technique,
 * https://github.com/gzuidhof/coi-serviceworker): the service worker adds COOP/COEP to the responses it serves,
 * so after the first visit the page is `crossOriginIsolated`, SharedArrayBuffer exists and onnxruntime-web can
 * use WASM threads (https://web.dev/articles/coop-coep).
 */

/** The headers a host would send; the same values as `server.headers` in vite.config.ts. */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * A copy of `response` carrying the isolation headers. Opaque responses (cross-origin `no-cors`) cannot be read
 * or rebuilt and are returned as they are.
 */
export function withIsolationHeaders(response: Response): Response {
  if (response.type === 'opaque' || response.type === 'opaqueredirect' || response.status === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** A Workbox plugin applying {@link withIsolationHeaders} to every response a strategy hands to the page. */
export const isolationHeadersPlugin = {
  handlerWillRespond: async ({ response }: { response: Response }): Promise<Response> => withIsolationHeaders(response),
};
