import { expect, test, CONFORMANCE } from './fixtures.js';

const TREE_IRIS = `${CONFORMANCE}pmml/cases/jpmml-evaluator.rattle/DecisionTreeIris/model.pmml`;

test('a dropped PMML file opens with its kind, its fields and a live prediction', async ({ page, library, model, predict }) => {
  await library.goto();
  await library.drop(TREE_IRIS);

  await model.expectOpen('model');
  await expect(model.kind).toHaveText('TreeModel');
  for (const name of ['Sepal_Length', 'Sepal_Width', 'Petal_Length', 'Petal_Width']) {
    await expect(predict.field(name)).toBeVisible();
  }

  await predict.fill({ Sepal_Length: 5.1, Sepal_Width: 3.5, Petal_Length: 1.4, Petal_Width: 0.2 });
  await predict.expectValue('Predicted_Species', 'setosa');

  await predict.fill({ Petal_Length: 5.5, Petal_Width: 2.1 });
  await predict.expectValue('Predicted_Species', 'virginica');
  await expect(page.getByRole('list', { name: 'Class probabilities' })).toBeVisible();
});

test('the first page does not load the ONNX runtime', async ({ page, library }) => {
  const scripts: string[] = [];
  page.on('request', (request) => scripts.push(request.url()));
  await library.goto();
  await page.waitForLoadState('networkidle');
  expect(scripts.filter((url) => /ort|onnxruntime/i.test(url))).toEqual([]);
});
