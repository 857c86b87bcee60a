import { writeFileSync } from 'node:fs';
import { expect, test, CONFORMANCE } from './fixtures.js';

const TREE_IRIS = `${CONFORMANCE}pmml/cases/jpmml-evaluator.rattle/DecisionTreeIris/model.pmml`;

test('a corrupt file shows an error naming it, and the app keeps working', async ({ page, library, model, predict }, testInfo) => {
  const corrupt = testInfo.outputPath('broken.pmml');
  writeFileSync(corrupt, '<?xml version="1.0"?>\n<PMML version="4.4" xmlns="http://www.dmg.org/PMML-4_4">\n  <Header>\n    <Application name="hand"');
  const notAModel = testInfo.outputPath('notes.txt');
  writeFileSync(notAModel, 'just some words');

  await library.goto();
  await library.drop(corrupt, notAModel);
  await expect(library.errors).toHaveCount(2);
  await expect(library.errors.filter({ hasText: 'broken.pmml' })).toBeVisible();
  await expect(library.errors.filter({ hasText: 'notes.txt' })).toHaveAttribute('data-code', 'format.unsupported');
  await expect(page).toHaveURL(/#\/$/);

  await library.drop(TREE_IRIS);
  await model.expectOpen('model');
  await predict.fill({ Petal_Length: 1.4 });
  await predict.expectValue('Predicted_Species', 'setosa');
  await page.getByTestId('error').first().getByRole('button', { name: 'Dismiss' }).click();
  await expect(library.errors).toHaveCount(1);
});
