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
