import { describe, expect, it } from 'vitest';
import { describeThreadSupport, type ThreadEnvironment } from './thread-support.js';

const isolated: ThreadEnvironment = { isCrossOriginIsolated: true, hasSharedArrayBuffer: true, hardwareConcurrency: 8, hasServiceWorker: true, isControlled: true };
const plain: ThreadEnvironment = { isCrossOriginIsolated: false, hasSharedArrayBuffer: false, hardwareConcurrency: 8, hasServiceWorker: true, isControlled: false };

describe('thread support', () => {
  it('reports threads with the core count when the page is isolated', () => {
    expect(describeThreadSupport(isolated)).toMatchObject({ isAvailable: true, label: 'Threads available · 8 cores', isReloadHelpful: false });
  });

  it('says one core means one thread even when isolated', () => {
    expect(describeThreadSupport({ ...isolated, hardwareConcurrency: 1 })).toMatchObject({ isAvailable: false, label: 'Single thread' });
  });

  it('offers a reload when the service worker controls a page that loaded before it', () => {
    const support = describeThreadSupport({ ...plain, isControlled: true });
    expect(support).toMatchObject({ isAvailable: false, isReloadHelpful: true });
    expect(support.reason).toContain('Reload');
  });

  it('explains that the first visit is single-threaded until the service worker is installed', () => {
    expect(describeThreadSupport(plain).reason).toContain('next load');
  });

  it('names HTTPS when the browser cannot run a service worker', () => {
    expect(describeThreadSupport({ ...plain, hasServiceWorker: false }).reason).toContain('HTTPS');
  });

  it('names SharedArrayBuffer when an isolated page lacks it', () => {
    expect(describeThreadSupport({ ...isolated, hasSharedArrayBuffer: false }).reason).toContain('SharedArrayBuffer');
  });
});
