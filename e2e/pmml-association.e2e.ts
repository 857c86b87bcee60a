import { expect, test, CONFORMANCE } from './fixtures.js';

/*
 * jpmml-evaluator.rattle/AssociationRulesShopping: a transactional AssociationModel (MiningSchema group field
 * `transaction`, active field `item`). Expected values are rows of the case's expected.csv, computed by R's arules.
 */
const CASE = `${CONFORMANCE}pmml/cases/jpmml-evaluator.rattle/AssociationRulesShopping`;

test('a basket of several items is scored as one transaction, in the form and from a CSV file', async ({ page, library, model, predict }) => {
  await library.goto();
  await library.open(`${CASE}/model.pmml`);
  await model.expectOpen('model');
  const basket = page.getByRole('group', { name: 'item: items in the transaction' });

  // expected.csv row 2, transaction 10236: frozenmeal, beer → rule 1 (the form starts with the first item, beer).
  await expect(basket.getByRole('checkbox', { name: 'beer', exact: true })).toBeChecked();
  await basket.getByRole('checkbox', { name: 'frozenmeal', exact: true }).check();
  await predict.expectValue('ruleId', '1');
  await predict.expectNumber('support', 0.155484558040469, 1e-12);
  await predict.expectNumber('confidence', 0.858823529411765, 1e-12);
  // The rules view puts the rule that recommends an item for this basket first.
  await expect(model.structure.locator('tr[data-rule]').first()).toHaveAttribute('data-state', 'recommends');
  await expect(model.structure.locator('tr[data-rule="1"]')).toHaveAttribute('data-state', 'recommends');

  // Row 3, transaction 10360: fish, cannedveg, beer, frozenmeal → no rule.
  await basket.getByRole('checkbox', { name: 'fish', exact: true }).check();
  await basket.getByRole('checkbox', { name: 'cannedveg', exact: true }).check();
  await expect(predict.value('ruleId')).not.toHaveAttribute('data-value', '1');

  // The file has one row per item; its first 3 transactions come back as 3 rows, as R scored them.
  const batch = page.getByTestId('batch');
  await batch.getByLabel('CSV file to score').setInputFiles(`${CASE}/input.csv`);
  await expect(batch).toContainText('rows of input.csv scored');
  await expect(batch.locator('tbody tr').nth(1)).toContainText('[frozenmeal, beer]');
});
