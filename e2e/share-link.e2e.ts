import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { CONFORMANCE, expect, test } from './fixtures.js';
import { LibraryPage } from './pages/library-page.js';
import { ModelPage } from './pages/model-page.js';
import { PredictPanel } from './pages/predict-panel.js';

/** Opens the model page's Share panel and returns the link it made. */
async function shareLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const field = page.getByTestId('share-link');
  await expect(field).toHaveValue(/#share=1\./);
  return field.inputValue();
}

/** A fresh browser profile (empty storage), as the person the link was sent to. */
async function recipient(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  const page = await context.newPage();
  return { context, page, library: new LibraryPage(page), model: new ModelPage(page), predict: new PredictPanel(page) };
}

/** Flips one character of the link's data, as a damaged copy or a hand edit would. */
function tamper(link: string): string {
  const at = link.length - 20;
  return link.slice(0, at) + (link[at] === 'A' ? 'B' : 'A') + link.slice(at + 1);
}

test('a PMML share link opens in a fresh browser with the same inputs and prediction', async ({ page, browser, baseURL, library, model, predict }) => {
  await library.goto();
  await page.getByRole('button', { name: 'Open sample: Iris decision tree' }).click();
  await model.expectOpen('Iris decision tree');
  await predict.fill({ petal_length: 5.5, petal_width: 2.2 });
  await predict.expectValue('class', 'Iris-virginica');
  const link = await shareLink(page);

  const other = await recipient(browser, baseURL);
  await other.page.goto(link);
  await other.model.expectOpen('Iris decision tree');
  await expect(other.predict.field('petal_length')).toHaveValue('5.5');
  await expect(other.predict.field('petal_width')).toHaveValue('2.2');
  await other.predict.expectValue('class', 'Iris-virginica');
  await expect(other.page).not.toHaveURL(/share=/);

  await other.library.goto();
  await expect(other.library.models).toHaveCount(1);
  await other.page.goto(link);
  await expect(other.predict.field('petal_length')).toHaveValue('5.5');
  await other.library.goto();
  await expect(other.library.models).toHaveCount(1);
  await other.context.close();
});

test('a gallery sample has its own share link, which opens the sample with its example inputs in a fresh browser', async ({ page, browser, baseURL, library }) => {
  await library.goto();
  await page.getByRole('button', { name: 'Share link to sample: Insurance claims regression' }).click();
  const field = page.getByTestId('share-link');
  await expect(field).toHaveValue(/#share=1\./);
  const link = await field.inputValue();

  const other = await recipient(browser, baseURL);
  await other.page.goto(link);
  await other.model.expectOpen('Insurance claims regression');
  await expect(other.predict.field('salary')).toHaveValue('42000');
  await other.predict.expectReady();
  await other.context.close();
});

test('an ONNX share link opens in a fresh browser with the same prediction', async ({ page, browser, baseURL, library, model, predict }) => {
  await library.goto();
  await page.getByRole('button', { name: 'Open sample: Iris random forest (scikit-learn)' }).click();
  await model.expectOpen('Iris random forest (scikit-learn)');
  await predict.expectReady();
  const headline = (await predict.headline.textContent()) ?? '';
  expect(headline).not.toBe('');
  const link = await shareLink(page);

  const other = await recipient(browser, baseURL);
  await other.page.goto(link);
  await expect(other.model.root).toHaveAttribute('data-format', 'onnx');
  await other.predict.expectReady();
  await expect(other.predict.headline).toHaveText(headline);
  await other.context.close();
});

test('a damaged share link shows an error and opens nothing', async ({ page, browser, baseURL, library, model }) => {
  await library.goto();
  await page.getByRole('button', { name: 'Open sample: Insurance claims regression' }).click();
  await model.expectOpen('Insurance claims regression');
  const link = await shareLink(page);

  const other = await recipient(browser, baseURL);
  await other.page.goto(tamper(link));
  await expect(other.library.errors).toHaveAttribute('data-code', 'share.corrupt');
  await expect(other.model.root).toHaveCount(0);
  await expect(other.library.models).toHaveCount(0);
  await other.context.close();
});

test('a ?model= link asks first, then downloads the model and fills its inputs', async ({ page, baseURL, model, predict }) => {
  const modelUrl = new URL('/samples/iris-tree.pmml', baseURL).href;
  await page.goto(`/?model=${encodeURIComponent(modelUrl)}&in.petal_length=5.5&in.petal_width=2.2`);
  const prompt = page.getByRole('alertdialog', { name: 'Open a shared model?' });
  await expect(prompt).toContainText('iris-tree.pmml');
  await prompt.getByRole('button', { name: 'Download and open' }).click();

  await expect(model.root).toBeVisible();
  await expect(predict.field('petal_length')).toHaveValue('5.5');
  await predict.expectValue('class', 'Iris-virginica');
});

test('a ?model= link to a file that is not a model says so and opens nothing', async ({ page, baseURL, library, model }) => {
  const notAModel = new URL('/samples/LICENSES.md', baseURL).href;
  await page.goto(`/?model=${encodeURIComponent(notAModel)}`);
  await page.getByRole('button', { name: 'Download and open' }).click();
  await expect(library.errors).toHaveAttribute('data-code', 'format.unsupported');
  await expect(library.errors).toContainText('LICENSES.md');
  await expect(model.root).toHaveCount(0);
});

test('a ?model= link whose host refuses the download explains why nothing opened', async ({ page, library, model }) => {
  // A refused connection and a CORS refusal look the same to a page: fetch fails without a response.
  await page.route('https://models.example/**', (route) => route.abort('connectionrefused'));
  await page.goto(`/?model=${encodeURIComponent('https://models.example/iris.pmml')}`);
  await page.getByRole('button', { name: 'Download and open' }).click();
  await expect(library.errors).toHaveAttribute('data-code', 'app.download');
  await expect(library.errors).toContainText('https://models.example/iris.pmml');
  await expect(library.errors).toContainText('CORS');
  await expect(model.root).toHaveCount(0);
});

test('a model too large for a link is shared by the address where it is hosted', async ({ page, browser, baseURL, library, model }) => {
  const file = `${CONFORMANCE}onnx/ppocr-mobile-v2-cls/model.onnx`;
  await library.goto();
  await library.open(file);
  await model.expectOpen('model');
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'does not fit in a link' })).toBeVisible();
  await page.getByLabel('Address where the model file is hosted').fill('https://models.example/ocr/cls.onnx');
  await page.getByRole('button', { name: 'Make link' }).click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link.length).toBeLessThan(1_000);

  const other = await recipient(browser, baseURL);
  await other.page.route('https://models.example/**', (route) =>
    route.fulfill({ body: readFileSync(file), headers: { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/octet-stream' } }),
  );
  await other.page.goto(link);
  await other.page.getByRole('alertdialog').getByRole('button', { name: 'Download and open' }).click();
  await expect(other.model.root).toHaveAttribute('data-format', 'onnx');
  await expect(other.page.getByText('has changed since the link was made')).toHaveCount(0);
  await other.context.close();
});
