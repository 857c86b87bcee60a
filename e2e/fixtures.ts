import { test as base, expect } from '@playwright/test';
import { LibraryPage } from './pages/library-page.js';
import { ModelPage } from './pages/model-page.js';
import { PredictPanel } from './pages/predict-panel.js';

/** Real model files shared by every helper; read from beside the repository, never copied into it. */
export const CONFORMANCE = new URL('../../shared/conformance/', import.meta.url).pathname;

export const test = base.extend<{ library: LibraryPage; model: ModelPage; predict: PredictPanel }>({
  library: async ({ page }, use) => {
    await use(new LibraryPage(page));
  },
  model: async ({ page }, use) => {
    await use(new ModelPage(page));
  },
  predict: async ({ page }, use) => {
    await use(new PredictPanel(page));
  },
});

export { expect };
