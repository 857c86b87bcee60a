import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

/*
 * The PWA as a plain static host serves it: scripts/serve-static.mjs sends no COOP/COEP headers, so cross-origin
 * isolation (and WASM threads) can only come from the service worker. Serves the build the e2e web server made
 * (`dist/`, or MODELPORT_DIST).
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = process.env.MODELPORT_DIST ?? 'dist';
const PORT = Number(process.env.MODELPORT_STATIC_PORT ?? 4175);
const ORIGIN = `http://localhost:${PORT}`;
const servers: ChildProcess[] = [];

/** Starts the static server on `dir` and waits until it answers. */
async function serveStatic(dir: string, port: number): Promise<string> {
  const server = spawn(process.execPath, ['scripts/serve-static.mjs', '--dir', dir], { cwd: ROOT, env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
  servers.push(server);
  const origin = `http://localhost:${port}`;
  await expect.poll(() => fetch(`${origin}/`).then((r) => r.status, () => 0), { timeout: 15_000 }).toBe(200);
  return origin;
}

// The page models navigate relative to baseURL: point it at the static server.
test.use({ serviceWorkers: 'allow', baseURL: ORIGIN });

test.beforeAll(async () => {
  await serveStatic(DIST, PORT);
});

test.afterAll(() => {
  for (const server of servers) server.kill();
});

/** Waits until the service worker has installed (precached everything) and controls the page. */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
}

test('after one visit the app runs offline, cross-origin isolated by its service worker', async ({ page, context, library, model, predict }) => {
  await library.goto();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  await waitForServiceWorker(page);
  const threads = page.getByTestId('threads-indicator');
  await expect(threads).toContainText('reload for threads');

  await page.reload();
  expect(await page.evaluate(() => crossOriginIsolated && typeof SharedArrayBuffer === 'function')).toBe(true);
  await expect(threads).toContainText('Threads available');

  await page.getByRole('button', { name: 'Open sample: Iris decision tree' }).click();
  await model.expectOpen('Iris decision tree');
  await predict.expectValue('class', 'Iris-setosa');
  await library.goto();
  await page.getByRole('button', { name: 'Open sample: Iris random forest (scikit-learn)' }).click();
  await model.expectOpen('Iris random forest (scikit-learn)');
  await predict.expectReady();
  const onlineHeadline = (await predict.headline.textContent()) ?? '';

  await context.setOffline(true);
  await library.goto();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await expect(library.models).toHaveCount(2);

  await library.show('Iris decision tree');
  await predict.fill({ petal_length: 5.5, petal_width: 2.2 });
  await predict.expectValue('class', 'Iris-virginica');

  await library.goto();
  await library.show('Iris random forest (scikit-learn)');
  await predict.expectReady();
  await expect(predict.headline).toHaveText(onlineHeadline);

  // The isolation the service worker added reaches onnxruntime-web: it runs the model on two WASM threads.
  const backend = page.getByTestId('backend');
  const threadCount = backend.getByRole('spinbutton', { name: 'Threads' });
  await expect(threadCount).toBeEnabled();
  await threadCount.fill('2');
  await threadCount.press('Enter');
  await expect(backend).toContainText('2 threads');
  await expect(backend).toHaveAttribute('data-status', 'ready');
  await expect(predict.headline).toHaveText(onlineHeadline);
  await context.setOffline(false);
});

test('the app is installable: manifest, icons and a service worker controlling the page', async ({ page, request }) => {
  await page.goto(`${ORIGIN}/`);
  const manifestUrl = new URL((await page.locator('link[rel="manifest"]').getAttribute('href')) ?? '', ORIGIN);
  const manifestResponse = await request.get(manifestUrl.href);
  expect(manifestResponse.headers()['content-type']).toContain('application/manifest+json');
  const manifest = await manifestResponse.json();
  expect(manifest).toMatchObject({ name: 'ModelPort', short_name: 'ModelPort', display: 'standalone', theme_color: '#4f46e5' });
  expect(new URL(manifest.start_url, manifestUrl).href).toBe(`${ORIGIN}/`);

  const icons = manifest.icons as { src: string; sizes: string; type: string; purpose?: string }[];
  expect(icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`).sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
  for (const icon of icons) {
    const response = await request.get(new URL(icon.src, manifestUrl).href);
    expect(response.ok()).toBe(true);
    expect(response.headers()['content-type']).toBe('image/png');
    expect((await response.body()).subarray(1, 4).toString('latin1')).toBe('PNG');
  }

  await waitForServiceWorker(page);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)).toBe(`${ORIGIN}/`);
});

test('a new version shows "update available" and reloads into it when asked, with the library as it was', async ({ page }, testInfo) => {
  const release = testInfo.outputPath('release');
  cpSync(`${ROOT}/${DIST}`, release, { recursive: true });
  const origin = await serveStatic(release, PORT + 10);
  await page.goto(`${origin}/#/`);
  await waitForServiceWorker(page);
  await expect(page.getByRole('status').filter({ hasText: 'ModelPort now works offline.' })).toBeVisible();
  await page.getByRole('button', { name: 'Open sample: Iris decision tree' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Iris decision tree' })).toBeVisible();

  // A deploy changes the service worker script; the browser checks it on the next navigation.
  appendFileSync(`${release}/sw.js`, '\n// next release\n');
  await page.reload();
  const prompt = page.getByRole('alert').filter({ hasText: 'A new version of ModelPort is available.' });
  await expect(prompt).toBeVisible({ timeout: 30_000 });

  await prompt.getByRole('button', { name: 'Reload' }).click();
  await expect(prompt).toBeHidden();
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting === null)).toBe(true);
  await page.goto(`${origin}/#/`);
  await expect(page.getByTestId('model-card').filter({ hasText: 'Iris decision tree' })).toHaveCount(1);
});
