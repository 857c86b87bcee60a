import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test, CONFORMANCE } from './fixtures.js';
import { LibraryPage } from './pages/library-page.js';
import { ModelPage } from './pages/model-page.js';
import { PredictPanel } from './pages/predict-panel.js';

const MNIST = `${CONFORMANCE}onnx/mnist-8-cntk`;

/**
 * The digit of ref_ortnode_set_0 (a 7): its input_0.pb is a TensorProto whose raw_data, 784 little-endian
 * float32 pixels (0–255), ends the message — the 13 bytes before it hold the type and dims.
 */
function mnistDigit(): number[][][][] {
  const bytes = readFileSync(`${MNIST}/ref_ortnode_set_0/input_0.pb`);
  const raw = bytes.subarray(bytes.length - 784 * 4);
  const pixels = Array.from({ length: 784 }, (_, i) => raw.readFloatLE(i * 4));
  return [[Array.from({ length: 28 }, (_, row) => pixels.slice(row * 28, row * 28 + 28))]];
}

/** Drops the digit on MNIST's image input as a person's image would have it: dark ink on white paper, a PNG file. */
async function dropSeven(page: Page): Promise<void> {
  const ink = mnistDigit()[0][0].flat().map((v) => 255 - v);
  await page.getByRole('group', { name: 'Input3' }).evaluate(async (zone, pixels) => {
    const canvas = new OffscreenCanvas(28, 28);
    const context = canvas.getContext('2d')!;
    const image = context.createImageData(28, 28);
    pixels.forEach((v, i) => image.data.set([v, v, v, 255], i * 4));
    context.putImageData(image, 0, 0);
    const file = new File([await canvas.convertToBlob({ type: 'image/png' })], 'seven.png', { type: 'image/png' });
    const dataTransfer = new DataTransfer();
    dataTransfer.items.add(file);
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer, bubbles: true, cancelable: true }));
  }, ink);
}

test('an ONNX CNN shows its graph, finds nodes, runs in the browser and decodes more of a weight on demand', async ({ page, library, model, predict }) => {
  await library.goto();
  await library.drop(`${MNIST}/model.onnx`);
  await model.expectOpen('model');
  await expect(model.kind).toHaveText('ONNX graph');

  const nodes = model.structure.getByRole('button', { name: /^Conv\b/ });
  await expect(nodes).toHaveCount(2);
  await model.structure.getByRole('searchbox').fill('MaxPool');
  await expect(model.structure.locator('.node.match')).toHaveCount(2);

  await expect(page.getByTestId('backend')).toHaveAttribute('data-status', 'ready', { timeout: 45_000 });
  await predict.expectReady();
  await expect(predict.value('Plus214_Output_0')).toHaveAttribute('data-value', /^(-?[\d.e-]+,){9}-?[\d.e-]+$/);

  // A weight's values: a preview first, then more of them decoded on demand (Parameter87 holds 16×8×5×5 = 3200).
  await nodes.nth(1).click();
  await page.getByRole('button', { name: 'Show values' }).first().click();
  const values = page.getByTestId('tensor-values').first();
  const count = async () => ((await values.textContent()) ?? '').split(',').length;
  await expect.poll(count).toBeGreaterThanOrEqual(64);
  const previewCount = await count();
  await page.getByRole('button', { name: 'Show more' }).first().click();
  await expect.poll(count).toBeGreaterThan(previewCount);

  await predict.fillTensorJson('Input3', mnistDigit());
  await expect(predict.headline).toHaveText('7');
});

test('a labels file names the classes of a CNN, a file that does not fit is refused, and the labels stay after a reload', async ({ page, library, model, predict }) => {
  await library.goto();
  await library.open(`${MNIST}/model.onnx`);
  await model.expectOpen('model');
  await predict.fillTensorJson('Input3', mnistDigit());
  await expect(predict.headline).toHaveText('7');

  const labelsFile = page.getByLabel('Class labels file');
  const digits = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
  await labelsFile.setInputFiles({ name: 'digits.txt', mimeType: 'text/plain', buffer: Buffer.from(digits.slice(0, 9).join('\n')) });
  await expect(page.getByRole('alert')).toContainText('9 labels, but the model scores 10 classes');
  await expect(predict.headline).toHaveText('7');

  await labelsFile.setInputFiles({ name: 'digits.txt', mimeType: 'text/plain', buffer: Buffer.from(digits.join('\n')) });
  await expect(predict.headline).toHaveText('seven');
  await expect(page.getByTestId('class-labels')).toContainText('10 added labels');

  await page.reload();
  await model.expectOpen('model');
  await predict.fillTensorJson('Input3', mnistDigit());
  await expect(predict.headline).toHaveText('seven');
  await page.getByRole('button', { name: 'Remove labels' }).click();
  await expect(predict.headline).toHaveText('7');
});

test('an image of a digit dropped on the image input is read as that digit', async ({ page, library, model, predict }) => {
  await library.goto();
  await library.open(`${MNIST}/model.onnx`);
  await model.expectOpen('model');
  await predict.expectReady();

  await dropSeven(page);

  await expect(page.getByRole('img', { name: 'Input for Input3' })).toBeVisible();
  await expect(predict.headline).toHaveText('7');
});

test('an ONNX model dropped with its external data file runs, and stays runnable after a reload', async ({ page, library, model, predict }) => {
  const folder = `${CONFORMANCE}onnx/mnist-cnn-external-data`;
  await library.goto();
  await library.drop(`${folder}/model.onnx.data`, `${folder}/model.onnx`);
  await model.expectOpen('model');
  await expect(library.errors).toHaveCount(0);
  await expect(page.getByTestId('backend')).toHaveAttribute('data-status', 'ready', { timeout: 45_000 });
  await predict.expectReady();

  await page.reload();
  await expect(page.getByTestId('backend')).toHaveAttribute('data-status', 'ready', { timeout: 45_000 });
  await predict.expectReady();
});

test('a model dropped without its external data says what is missing, and dropping it with the data completes that version', async ({ page, library, model, predict }) => {
  const folder = `${CONFORMANCE}onnx/mnist-cnn-external-data`;
  await library.goto();
  await library.drop(`${folder}/model.onnx`);
  await model.expectOpen('model');
  await expect(page.getByRole('alert')).toContainText('model.onnx.data');

  await library.drop(`${folder}/model.onnx.data`, `${folder}/model.onnx`);
  await expect(page.getByTestId('backend')).toHaveAttribute('data-status', 'ready', { timeout: 45_000 });
  await predict.expectReady();
  await expect(page.getByText('v1 of 1')).toBeVisible();

  await page.reload();
  await expect(page.getByTestId('backend')).toHaveAttribute('data-status', 'ready', { timeout: 45_000 });
  await predict.expectReady();
});

test('a model opened from a URL brings the external data beside it, and exports as a zip that opens again elsewhere', async ({ page, browser, baseURL, library, model, predict }) => {
  const folder = `${CONFORMANCE}onnx/mnist-cnn-external-data`;
  await page.route('https://models.example/cnn/**', (route) =>
    route.fulfill({ body: readFileSync(`${folder}/${new URL(route.request().url()).pathname.replace('/cnn/', '')}`), headers: { 'Access-Control-Allow-Origin': '*' } }),
  );
  await library.goto();
  await page.getByRole('textbox', { name: 'Model URL' }).fill('https://models.example/cnn/model.onnx');
  await page.getByRole('button', { name: 'Open URL' }).click();
  await model.expectOpen('model');
  await expect(page.getByTestId('backend')).toHaveAttribute('data-status', 'ready', { timeout: 45_000 });
  await predict.expectReady();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const zip = await download;
  expect(zip.suggestedFilename()).toBe('model.zip');

  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  const other = await context.newPage();
  const otherLibrary = new LibraryPage(other);
  await otherLibrary.goto();
  await otherLibrary.fileInput.setInputFiles(await zip.path());
  await new ModelPage(other).expectOpen('model');
  await expect(other.getByTestId('backend')).toHaveAttribute('data-status', 'ready', { timeout: 45_000 });
  await new PredictPanel(other).expectReady();
  await context.close();
});

test('an input whose dims are all open ([?, ?]) takes the rows a person types, of the size the model needs', async ({ page, library, model, predict }) => {
  // sklearn-onnx-treecl: a TreeEnsembleClassifier over 20 features whose input is declared [None, None]. Its
  // reference input holds 3 rows of 20 float32 values (the TensorProto's raw_data ends the message); onnxruntime-node
  // labels them 1, 1, 2 (output_0.pb).
  const CASE = `${CONFORMANCE}onnx/sklearn-onnx-treecl`;
  const raw = readFileSync(`${CASE}/ref_ortnode_set_0/input_0.pb`).subarray(-60 * 4);
  const rows = [0, 1, 2].map((row) => Array.from({ length: 20 }, (_, i) => raw.readFloatLE((row * 20 + i) * 4)));
  await library.goto();
  await library.open(`${CASE}/model.onnx`);
  await model.expectOpen('model');
  await expect(page.getByText('Open size along axis 0, axis 1')).toBeVisible();
  // It opens on a row of the 20 features the trees split on, so the first prediction is a real one.
  await predict.expectReady();
  expect(JSON.parse(await predict.field('input').inputValue())).toEqual([Array(20).fill(0)]);

  await predict.field('input').fill(JSON.stringify(rows));
  await predict.expectReady();
  await predict.expectValue('label_0', '1,1,2');
  await expect(predict.value('proba_0')).toContainText('float32 [3×3]');
});

test('a dropped image shows its normalisation, and editing the numbers re-reads the image and predicts again', async ({ page, library, model, predict }) => {
  await library.goto();
  await library.open(`${MNIST}/model.onnx`);
  await model.expectOpen('model');
  await predict.expectReady();

  await dropSeven(page);
  await expect(predict.headline).toHaveText('7');

  // A grey float input starts at raw bytes: scale 1, mean 0, std 1.
  const editor = page.locator('[data-input="Input3"]');
  const preset = editor.getByLabel('Normalisation', { exact: true });
  const mean = editor.getByLabel('Mean', { exact: true });
  await expect(preset).toHaveValue('0-255');
  await expect(editor.getByLabel('Scale', { exact: true })).toHaveValue('1');
  await expect(mean).toHaveValue('0');
  await expect(editor.getByLabel('Std', { exact: true })).toHaveValue('1');
  const scores = predict.value('Plus214_Output_0');
  const asDropped = (await scores.getAttribute('data-value'))!;

  await mean.fill('255');
  await expect(preset).toHaveValue('custom');
  await expect(scores).not.toHaveAttribute('data-value', asDropped);

  await mean.fill('0, 1');
  await expect(editor.getByText("Mean needs one number (grey); '0, 1' has 2.")).toBeVisible();

  await preset.selectOption('0-255');
  await expect(mean).toHaveValue('0');
  await expect(scores).toHaveAttribute('data-value', asDropped);
  await expect(predict.headline).toHaveText('7');
});
