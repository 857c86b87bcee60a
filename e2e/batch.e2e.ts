import { readFileSync } from 'node:fs';
import { expect, test, CONFORMANCE } from './fixtures.js';
import { BatchPanel } from './pages/batch-panel.js';

const CASE = `${CONFORMANCE}pmml/cases/jpmml-evaluator.rattle/RandomForestIris`;
const LOGREG = `${CONFORMANCE}onnx/sklearn-logreg-iris-zipmap`;

/**
 * The 38 iris rows of ref_ortnode_set_0 as CSV with a header: its input_0.pb is a TensorProto whose raw_data,
 * 38 × 4 little-endian float32, ends the message (the 9 bytes before it hold the type and dims).
 */
function logregCsv(): string {
  const bytes = readFileSync(`${LOGREG}/ref_ortnode_set_0/input_0.pb`);
  const raw = bytes.subarray(bytes.length - 38 * 4 * 4);
  const rows = Array.from({ length: 38 }, (_, row) => Array.from({ length: 4 }, (_, column) => raw.readFloatLE((row * 4 + column) * 4)));
  return ['sepal_length,sepal_width,petal_length,petal_width', ...rows.map((row) => row.join(','))].join('\n');
}

test('a CSV file is scored row by row and the download matches what R computed', async ({ page, library, model }) => {
  await library.goto();
  await library.open(`${CASE}/model.pmml`);
  await model.expectOpen('model');

  const batch = new BatchPanel(page);
  await batch.score(`${CASE}/input.csv`);
  await expect(batch.root).toContainText('150 rows of input.csv scored');

  const scored = await batch.downloadResults();
  const expected = readFileSync(`${CASE}/expected.csv`, 'utf8').trim().split(/\r?\n/).map((line) => line.split(','));

  const column = (name: string) => scored[0].indexOf(name);
  expect(scored).toHaveLength(151);
  for (let row = 1; row <= 150; row++) {
    expect(scored[row][column('Predicted_Species')]).toBe(expected[row][1]);
    expect(Number(scored[row][column('Probability_virginica')])).toBeCloseTo(Number(expected[row][4]), 12);
  }
});

test('an ONNX classifier scores a CSV file in its worker and the download has its labels and class probabilities', async ({ page, library, model }) => {
  await library.goto();
  await library.open(`${LOGREG}/model.onnx`);
  await model.expectOpen('model');
  await expect(page.getByTestId('backend')).toHaveAttribute('data-status', 'ready', { timeout: 45_000 });

  const batch = new BatchPanel(page);
  await batch.score({ name: 'iris.csv', text: logregCsv() });
  await expect(batch.root).toContainText('38 rows of iris.csv scored');

  const scored = await batch.downloadResults();
  const { labels } = JSON.parse(readFileSync(`${LOGREG}/expected_labels.json`, 'utf8')) as { labels: number[] };
  expect(scored[0]).toEqual([
    'sepal_length', 'sepal_width', 'petal_length', 'petal_width',
    'output_label', 'output_probability[0]', 'output_probability[1]', 'output_probability[2]', 'error',
  ]);
  expect(scored.slice(1).map((row) => Number(row[4]))).toEqual(labels);
  expect(scored.slice(1).every((row) => row[8] === '')).toBe(true);
  for (const row of scored.slice(1)) {
    expect(Number(row[5]) + Number(row[6]) + Number(row[7])).toBeCloseTo(1, 5);
  }
});
