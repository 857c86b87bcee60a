import { expect, type Locator, type Page } from '@playwright/test';

/** The model page: title, kind, structure view, field tables and version history. */
export class ModelPage {
  readonly root: Locator;
  readonly kind: Locator;
  readonly structure: Locator;
  readonly history: Locator;
  readonly versions: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('model-page');
    this.kind = page.getByTestId('model-kind');
    this.structure = page.getByTestId('structure');
    this.history = page.getByTestId('history');
    this.versions = this.history.getByTestId('version');
  }

  async expectOpen(name: string): Promise<void> {
    await expect(this.root).toBeVisible();
    await expect(this.page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
  }

  /** Opens one segment of an ensemble in the structure view. */
  async openSegment(id: string): Promise<void> {
    await this.structure.getByRole('button', { name: id, exact: true }).click();
  }

  /** The split conditions of the tree nodes lit up for the current prediction, root first. */
  async litNodes(): Promise<string[]> {
    return this.structure.locator('.card.on-path > title').allTextContents();
  }

  async rename(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Rename model' }).click();
    await this.page.getByRole('textbox', { name: 'Model name' }).fill(name);
    await this.page.getByRole('button', { name: 'Save', exact: true }).click();
  }

  async annotate(version: number, notes: string): Promise<void> {
    const item = this.versions.and(this.page.locator(`[data-version="${version}"]`));
    await item.getByRole('button', { name: /notes/i }).click();
    await item.getByRole('textbox', { name: `Notes for version ${version}` }).fill(notes);
    await item.getByRole('button', { name: 'Save notes' }).click();
    // The editor closes onto the saved text only once the library has stored it: a person sees it, then reloads.
    await expect(item.getByRole('button', { name: notes })).toBeVisible();
  }

  async deleteVersion(version: number): Promise<void> {
    await this.history.getByRole('button', { name: `Delete version ${version}` }).click();
  }

  async deleteModel(): Promise<void> {
    await this.page.getByRole('button', { name: 'Delete model' }).click();
  }
}
