import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/** The library page and the app-wide ways to open files. */
export class LibraryPage {
  readonly fileInput: Locator;
  readonly models: Locator;
  readonly errors: Locator;

  constructor(private readonly page: Page) {
    this.fileInput = page.locator('input[type=file][aria-label="Model files"]');
    this.models = page.getByTestId('model-card');
    this.errors = page.getByTestId('error');
  }

  async goto(): Promise<void> {
    await this.page.goto('/#/');
    await expect(this.page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
  }

  /** Opens files through the file input, as "Open model" does. */
  async open(...paths: string[]): Promise<void> {
    await this.fileInput.setInputFiles(paths);
  }

  /** Opens a file under another name (e.g. to add a version of a model named after a file). */
  async openAs(path: string, name: string): Promise<void> {
    await this.fileInput.setInputFiles({ name, mimeType: 'application/octet-stream', buffer: readFileSync(path) });
  }

  /** Drops files onto the page, as a person dragging them from their desktop. */
  async drop(...paths: string[]): Promise<void> {
    const files = paths.map((path) => ({ name: basename(path), bytes: [...readFileSync(path)] }));
    const dataTransfer = await this.page.evaluateHandle((list) => {
      const transfer = new DataTransfer();
      for (const file of list) transfer.items.add(new File([new Uint8Array(file.bytes)], file.name));
      return transfer;
    }, files);
    const target = this.page.locator('main');
    await target.dispatchEvent('dragenter', { dataTransfer });
    await target.dispatchEvent('dragover', { dataTransfer });
    await target.dispatchEvent('drop', { dataTransfer });
  }

  model(name: string): Locator {
    return this.models.filter({ has: this.page.getByRole('heading', { name, exact: true }) });
  }

  async show(name: string): Promise<void> {
    await this.model(name).getByRole('link').click();
  }
}
