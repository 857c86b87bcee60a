import { expect, test, CONFORMANCE } from './fixtures.js';
import { LibraryPage } from './pages/library-page.js';

const TREE_IRIS = `${CONFORMANCE}pmml/cases/jpmml-evaluator.rattle/DecisionTreeIris/model.pmml`;
const FOREST_IRIS = `${CONFORMANCE}pmml/cases/jpmml-evaluator.rattle/RandomForestIris/model.pmml`;

test('a second file under the same name becomes version 2, and both stay after a reload', async ({ page, library, model }) => {
  await library.goto();
  await library.openAs(TREE_IRIS, 'iris.pmml');
  await model.expectOpen('iris');
  await library.openAs(FOREST_IRIS, 'iris.pmml');
  await expect(page).toHaveURL(/\/2$/);
  await expect(model.versions).toHaveCount(2);
  await expect(model.kind).toHaveText('MiningModel');

  await model.annotate(1, 'First try: a single tree');
  await page.reload();
  await model.expectOpen('iris');
  await expect(model.versions).toHaveCount(2);
  await expect(model.history).toContainText('First try: a single tree');

  await library.goto();
  await expect(library.model('iris')).toContainText('2 versions');
});

test('deleting the shown version shows the one left, and undo brings it back', async ({ page, library, model }) => {
  await library.goto();
  await library.openAs(TREE_IRIS, 'iris.pmml');
  await library.openAs(FOREST_IRIS, 'iris.pmml');
  await expect(model.kind).toHaveText('MiningModel');

  await model.deleteVersion(2);
  await expect(model.versions).toHaveCount(1);
  await expect(model.kind).toHaveText('TreeModel');

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(model.versions).toHaveCount(2);
});

test('a model can be renamed, deleted and brought back with undo', async ({ page, library, model }) => {
  await library.goto();
  await library.openAs(TREE_IRIS, 'flowers.pmml');
  await model.expectOpen('flowers');
  await model.rename('Iris tree');
  await model.expectOpen('Iris tree');

  await model.deleteModel();
  await expect(library.model('Iris tree')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(library.model('Iris tree')).toHaveCount(1);
});

test('a model added and deleted in one tab shows and goes in another, and a second tab keeps the first tab\'s undo', async ({ page, context, library, model }) => {
  await library.goto();
  const other = await context.newPage();
  const otherLibrary = new LibraryPage(other);
  await otherLibrary.goto();

  await library.openAs(TREE_IRIS, 'flowers.pmml');
  await model.expectOpen('flowers');
  await expect(otherLibrary.model('flowers')).toHaveCount(1);

  await model.deleteModel();
  await expect(otherLibrary.model('flowers')).toHaveCount(0);
  // A tab opened now must not purge the delete whose Undo the first tab still offers.
  const third = await context.newPage();
  await new LibraryPage(third).goto();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(library.model('flowers')).toHaveCount(1);
  await expect(otherLibrary.model('flowers')).toHaveCount(1);
});
