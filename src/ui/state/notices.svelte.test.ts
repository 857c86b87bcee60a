import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Notices, TOAST_MS } from './notices.svelte.js';

describe('Notices toasts', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('ends an offer when its toast times out or is dismissed, not when its action is taken', async () => {
    const notices = new Notices();
    const expired: string[] = [];
    const acted: string[] = [];
    for (const name of ['timed out', 'dismissed', 'undone']) {
      notices.toast({ text: name, actionLabel: 'Undo', action: () => void acted.push(name), onExpire: () => void expired.push(name) });
    }
    const [, dismissed, undone] = notices.toasts;
    notices.dismissToast(dismissed.id);
    await notices.act(undone.id);
    vi.advanceTimersByTime(TOAST_MS);
    expect(expired).toEqual(['dismissed', 'timed out']);
    expect(acted).toEqual(['undone']);
    expect(notices.toasts).toEqual([]);
  });
});
