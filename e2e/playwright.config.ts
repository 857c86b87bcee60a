import { defineConfig } from '@playwright/test';

const isCi = Boolean(process.env.CI);
const port = 4173;

/*
 * End-to-end tests drive the production build (`vite build` + `vite preview`), as a person's browser would see
 * it. Playwright cannot download browsers on this project's machines, so Debian's Chromium is launched with the
 * flags measured in shared/TOOLCHAIN.md (no sandbox as root, no GPU, software WebGPU for the WebGPU code paths).
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.e2e.ts',
  forbidOnly: isCi,
  retries: isCi ? 1 : 0,
  workers: isCi ? 1 : 2,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: isCi ? [['list'], ['html', { open: 'never', outputFolder: '../playwright-report' }]] : 'list',
  outputDir: '../test-results',
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'on-first-retry',
    // Tests that are not about the PWA skip the service worker, so each does not download the precache again.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--enable-unsafe-webgpu',
      ],
    },
  },
  webServer: {
    // The pid Playwright stops must be vite's own (an npx wrapper would leave vite running).
    command: `npm run build && node node_modules/vite/bin/vite.js preview --port ${port} --strictPort`,
    cwd: '..',
    port,
    reuseExistingServer: !isCi,
    timeout: 180_000,
  },
});
