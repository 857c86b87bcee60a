/**
 * Whether onnxruntime-web can run WASM threads here, and in words why not. Threads need SharedArrayBuffer, which
 * browsers only expose to cross-origin isolated pages (https://web.dev/articles/coop-coep); on hosts without
 * COOP/COEP headers, ModelPort's service worker adds them, which takes effect from the next page load.
 */

/** What the browser reports; read with {@link readThreadEnvironment}, or built by tests. */
export interface ThreadEnvironment {
  readonly isCrossOriginIsolated: boolean;
  readonly hasSharedArrayBuffer: boolean;
  readonly hardwareConcurrency: number;
  /** The browser supports service workers (secure context, not disabled). */
  readonly hasServiceWorker: boolean;
  /** A service worker controls this page, so a reload would come back isolated. */
  readonly isControlled: boolean;
}

export interface ThreadSupport {
  readonly isAvailable: boolean;
  /** A short label for the indicator. */
  readonly label: string;
  /** A sentence saying why, for the tooltip and screen readers. */
  readonly reason: string;
  /** True when reloading the page would turn threads on. */
  readonly isReloadHelpful: boolean;
}

export function describeThreadSupport(env: ThreadEnvironment): ThreadSupport {
  const cores = Math.max(1, env.hardwareConcurrency || 1);
  if (env.isCrossOriginIsolated && env.hasSharedArrayBuffer) {
    return cores > 1
      ? { isAvailable: true, label: `Threads available · ${cores} cores`, reason: `WASM threads are available: the page is cross-origin isolated and the device reports ${cores} CPU cores.`, isReloadHelpful: false }
      : { isAvailable: false, label: 'Single thread', reason: 'The page is cross-origin isolated, but the device reports a single CPU core, so models run on one thread.', isReloadHelpful: false };
  }
  if (env.isCrossOriginIsolated) {
    return { isAvailable: false, label: 'Single thread', reason: 'This browser does not provide SharedArrayBuffer, so models run on one thread.', isReloadHelpful: false };
  }
  if (env.isControlled) {
    return {
      isAvailable: false,
      label: 'Single thread — reload for threads',
      reason: 'This page loaded before the offline service worker was active, so it is not cross-origin isolated (no SharedArrayBuffer). Reload to run models on several threads.',
      isReloadHelpful: true,
    };
  }
  if (env.hasServiceWorker) {
    return {
      isAvailable: false,
      label: 'Single thread',
      reason: 'The page is not cross-origin isolated (no SharedArrayBuffer) yet. Once the app is installed for offline use, the next load enables threads.',
      isReloadHelpful: false,
    };
  }
  return {
    isAvailable: false,
    label: 'Single thread',
    reason: 'The page is not cross-origin isolated (no SharedArrayBuffer) and this browser cannot run the service worker that would isolate it (it needs HTTPS), so models run on one thread.',
    isReloadHelpful: false,
  };
}

/** Reads the {@link ThreadEnvironment} from the browser's globals. */
export function readThreadEnvironment(): ThreadEnvironment {
  const serviceWorker = 'serviceWorker' in navigator ? navigator.serviceWorker : undefined;
  return {
    isCrossOriginIsolated: globalThis.crossOriginIsolated === true,
    hasSharedArrayBuffer: typeof SharedArrayBuffer === 'function',
    hardwareConcurrency: navigator.hardwareConcurrency ?? 1,
    hasServiceWorker: serviceWorker !== undefined,
    isControlled: Boolean(serviceWorker?.controller),
  };
}
