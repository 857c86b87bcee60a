import { expect, test, CONFORMANCE } from './fixtures.js';

/*
 * jpmml-evaluator.rattle/RandomForestIris: a MiningModel of 7 TreeModels voting (majorityVote). The expected
 * values are rows of the case's expected.csv, computed by R's randomForest.
 */
const CASE = `${CONFORMANCE}pmml/cases/jpmml-evaluator.rattle/RandomForestIris/model.pmml`;

test('changing a field of a tree ensemble changes the vote to what R computed, and the lit path', async ({ page, library, model, predict }) => {
  await library.goto();
  await library.drop(CASE);
  await model.expectOpen('model');
  await expect(model.kind).toHaveText('MiningModel');

  // expected.csv row 1: 5.1, 3.5, 1.4, 0.2 → setosa, 1, 0, 0
  await predict.fill({ Sepal_Length: 5.1, Sepal_Width: 3.5, Petal_Length: 1.4, Petal_Width: 0.2 });
  await predict.expectValue('Predicted_Species', 'setosa');
  await predict.expectNumber('Probability_setosa', 1);
  await model.openSegment('1');
  await expect.poll(async () => (await model.litNodes()).at(-1)).toMatch(/→ setosa$/);
  const litBefore = await model.litNodes();

  // expected.csv row 84: 6, 2.7, 5.1, 1.6 → virginica, 0, 0.285714285714286, 0.714285714285714
  await predict.fill({ Sepal_Length: 6, Sepal_Width: 2.7, Petal_Length: 5.1, Petal_Width: 1.6 });
  await predict.expectValue('Predicted_Species', 'virginica');
  await predict.expectNumber('Probability_versicolor', 0.285714285714286, 1e-13);
  await predict.expectNumber('Probability_virginica', 0.714285714285714, 1e-13);
  await expect.poll(async () => (await model.litNodes()).at(-1)).toMatch(/→ (versicolor|virginica)$/);
  expect(await model.litNodes()).not.toEqual(litBefore);
  expect(page.url()).toMatch(/#\/model\/[^/]+\/1$/);
});
