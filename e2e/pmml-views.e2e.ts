import { expect, test, CONFORMANCE } from './fixtures.js';

/*
 * R's kernlab SVM and naive Bayes on Iris (jpmml-evaluator.rattle); the records and probabilities are rows of each
 * case's expected.csv. The structure pane shows what decided the prediction, and follows the form.
 */
const RATTLE = `${CONFORMANCE}pmml/cases/jpmml-evaluator.rattle`;

test('a support vector machine shows each machine\'s vote for the record, and the votes follow the form', async ({ page, library, model, predict }) => {
  await library.goto();
  await library.open(`${RATTLE}/KernlabSVMIris/model.pmml`);
  await model.expectOpen('model');
  const votes = page.getByRole('complementary').filter({ hasText: 'Votes for this record' });

  // expected.csv row 51: 7, 3.2, 4.7, 1.4 → versicolor with 2 of 3 votes.
  await predict.fill({ Sepal_Length: 7, Sepal_Width: 3.2, Petal_Length: 4.7, Petal_Width: 1.4 });
  await predict.expectNumber('Probability_versicolor', 0.666666666666667, 1e-12);
  await expect(votes.locator('li').first()).toHaveAttribute('data-category', 'versicolor');
  await expect(votes.locator('li').first()).toHaveAttribute('data-votes', '2');

  // Row 101: 6.3, 3.3, 6, 2.5 → virginica with 2 of 3.
  await predict.fill({ Sepal_Length: 6.3, Sepal_Width: 3.3, Petal_Length: 6, Petal_Width: 2.5 });
  await predict.expectValue('Predicted_Species', 'virginica');
  await expect(votes.locator('li').first()).toHaveAttribute('data-category', 'virginica');
  await expect(votes.locator('li').first()).toHaveAttribute('data-votes', '2');
  await expect(model.structure.locator('tr[data-machine] .vote')).toHaveText(['versicolor', 'virginica', 'virginica']);
});

test('a naive Bayes model shows the evidence of each input per class, and an emptied input as ignored', async ({ page, library, model, predict }) => {
  await library.goto();
  await library.open(`${RATTLE}/NaiveBayesIris/model.pmml`);
  await model.expectOpen('model');

  // expected.csv row 51: 7, 3.2, 4.7, 1.4 → versicolor at 0.801865280411382.
  await predict.fill({ Sepal_Length: 7, Sepal_Width: 3.2, Petal_Length: 4.7, Petal_Width: 1.4 });
  await predict.expectNumber('Probability_versicolor', 0.801865280411382, 1e-12);
  await expect(model.structure.getByText('Record classed as')).toContainText('versicolor (80.2%)');

  await page.locator('[data-input="Petal_Width"]').getByRole('checkbox', { name: 'missing' }).check();
  await expect(model.structure.locator('tr[data-evidence="Petal_Width"]')).toContainText('missing: ignored');
});
