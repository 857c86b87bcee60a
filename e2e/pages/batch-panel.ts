import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';

/** The model page's "Score a file" panel: a CSV in, a results table and a download out. */
export class BatchPanel {
  readonly root: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('batch');
  }

  /** Chooses a CSV file to score: a path, or a file the test writes (`name` and text). */
  async score(file: string | { readonly name: string; readonly text: string }): Promise<void> {
    const input = this.root.getByLabel('CSV file to score');
    if (typeof file === 'string') await input.setInputFiles(file);
    else await input.setInputFiles({ name: file.name, mimeType: 'text/csv', buffer: Buffer.from(file.text) });
  }

  /** Clicks "Download results" and reads the saved CSV as rows of cells (no cell of these tests holds a comma). */
  async downloadResults(): Promise<string[][]> {
    const download = this.page.waitForEvent('download');
    await this.root.getByRole('button', { name: 'Download results' }).click();
    return readFileSync(await (await download).path(), 'utf8').trim().split(/\r?\n/).map((line) => line.split(','));
  }
}
