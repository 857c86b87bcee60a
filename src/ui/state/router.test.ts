import { describe, expect, it } from 'vitest';
import { parseHash, routeHash } from './router.svelte.js';

describe('hash routes', () => {
  it('reads the library and model routes', () => {
    expect(parseHash('')).toEqual({ page: 'library' });
    expect(parseHash('#/')).toEqual({ page: 'library' });
    expect(parseHash('#/model/abc/2')).toEqual({ page: 'model', modelId: 'abc', version: 2 });
    expect(parseHash('#/model/abc')).toEqual({ page: 'model', modelId: 'abc', version: undefined });
  });

  it('round-trips ids that need escaping', () => {
    const route = { page: 'model', modelId: 'a/b c', version: 3 } as const;
    expect(parseHash(routeHash(route))).toEqual(route);
  });
});
