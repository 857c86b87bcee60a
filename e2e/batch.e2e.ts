import { readFileSync } from 'node:fs';
import { expect, test, CONFORMANCE } from './fixtures.js';

const CASE = `${CONFORMANCE}pmml/cases/jpmml-evaluator.rattle/RandomForestIris`;

test('a CSV file is scored row by row and the download matches what R computed', async ({ page, library, model }) => {
  await library.goto();
  await library.open(`${CASE}/model.pmml`);
  await model.expectOpen('model');

  const batch = page.getByTestId('batch');
  await batch.getByLabel('CSV file to score').setInputFiles(`${CASE}/input.csv`);
  await expect(batch).toContainText('150 rows of input.csv scored');

  const download = page.waitForEvent('download');
  await batch.getByRole('button', { name: 'Download results' }).click();
  const scored = readFileSync(await (await download).path(), 'utf8').trim().split(/\r?\n/).map((line) => line.split(','));
  const expected = readFileSync(`${CASE}/expected.csv`, 'utf8').trim().split(/\r?\n/).map((line) => line.split(','));

  const column = (name: string) => scored[0].indexOf(name);
  expect(scored).toHaveLength(151);
  for (let row = 1; row <= 150; row++) {
    expect(scored[row][column('Predicted_Species')]).toBe(expected[row][1]);
    expect(Number(scored[row][column('Probability_virginica')])).toBeCloseTo(Number(expected[row][4]), 12);
  }
});
