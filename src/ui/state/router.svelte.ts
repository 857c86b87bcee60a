/** The pages of the app, as the URL hash names them. */
export type Route =
  | { readonly page: 'library' }
  | { readonly page: 'model'; readonly modelId: string; readonly version?: number };

/** Parses `#/` and `#/model/<id>/<version>`; anything else is the library. */
export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'model' && parts[1]) {
    const version = Number(parts[2]);
    return { page: 'model', modelId: parts[1], version: Number.isInteger(version) && version > 0 ? version : undefined };
  }
  return { page: 'library' };
}

/** The hash for a route, the inverse of {@link parseHash}. */
export function routeHash(route: Route): string {
  if (route.page === 'library') return '#/';
  const version = route.version === undefined ? '' : `/${route.version}`;
  return `#/model/${encodeURIComponent(route.modelId)}${version}`;
}

/** Hash routing: the current route follows `location.hash`; navigation writes it. */
export class Router {
  route = $state.raw<Route>(parseHash(location.hash));

  constructor() {
    window.addEventListener('hashchange', () => this.#show(parseHash(location.hash)));
  }

  go(route: Route): void {
    const hash = routeHash(route);
    if (location.hash !== hash) location.hash = hash;
    this.#show(route);
  }

  /** A new page starts at its top, as after a link in a multi-page site. */
  #show(route: Route): void {
    const isNewPage = route.page !== this.route.page || (route.page === 'model' && this.route.page === 'model' && route.modelId !== this.route.modelId);
    this.route = route;
    if (isNewPage) window.scrollTo(0, 0);
  }
}
