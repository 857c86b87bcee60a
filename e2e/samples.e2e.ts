import { expect, test } from './fixtures.js';

test('a gallery sample opens with its example inputs and predicts', async ({ page, library, model, predict }) => {
  await library.goto();
  await page.getByRole('button', { name: 'Open sample: Iris decision tree' }).click();

  await model.expectOpen('Iris decision tree');
  await expect(predict.field('petal_length')).toHaveValue('1.4');
  await predict.expectValue('class', 'Iris-setosa');

  await predict.fill({ petal_length: 5.5, petal_width: 2.2 });
  await predict.expectValue('class', 'Iris-virginica');
});

test('the MNIST sample opens on a real test digit and reads it as a 7', async ({ page, library, model, predict }) => {
  await library.goto();
  await page.getByRole('button', { name: 'Open sample: MNIST digit CNN' }).click();
  await model.expectOpen('MNIST digit CNN');
  await expect(predict.headline).toHaveText('7', { timeout: 45_000 });
  await expect(page.getByTestId('values-preview')).toBeVisible();

  // Another backend or thread count opens a new session, reading the model again from the library.
  const backend = page.getByTestId('backend');
  await backend.getByRole('combobox').selectOption('wasm');
  await backend.getByRole('spinbutton').fill('2');
  await backend.getByRole('spinbutton').press('Tab');
  await expect(backend).toHaveAttribute('data-status', 'ready', { timeout: 45_000 });
  await expect(backend).toContainText('2 threads');
  await expect(predict.headline).toHaveText('7');
});

test('a model opens from a URL', async ({ page, library, model, predict }) => {
  await library.goto();
  await page.getByRole('textbox', { name: 'Model URL' }).fill(new URL('/samples/claims-regression.pmml', page.url()).href);
  await page.getByRole('button', { name: 'Open URL' }).click();
  await model.expectOpen('claims-regression');
  await expect(model.kind).toHaveText('RegressionModel');
  await predict.expectReady();
});
