import { expect, type Locator, type Page } from '@playwright/test';

/** The "Try it" panel: the generated input form and the live result. */
export class PredictPanel {
  readonly result: Locator;

  constructor(private readonly page: Page) {
    this.result = page.getByTestId('prediction');
  }

  field(name: string): Locator {
    return this.page.getByLabel(name, { exact: true });
  }

  /** Sets inputs by field name: a select gets the option, anything else is typed. */
  async fill(values: Readonly<Record<string, string | number>>): Promise<void> {
    for (const [name, value] of Object.entries(values)) {
      const field = this.field(name);
      const tag = await field.evaluate((element) => element.tagName);
      if (tag === 'SELECT') await field.selectOption(String(value));
      else await field.fill(String(value));
    }
  }

  /** The value of one result field (exact, from `data-value`). */
  value(name: string): Locator {
    return this.result.locator(`[data-field="${name}"]`);
  }

  async expectValue(name: string, expected: string): Promise<void> {
    await expect(this.value(name)).toHaveAttribute('data-value', expected);
  }

  /** Waits until the result shows a number within `tolerance` (relative) of `expected`. */
  async expectNumber(name: string, expected: number, tolerance = 1e-9): Promise<void> {
    await expect
      .poll(async () => {
        const actual = Number(await this.value(name).getAttribute('data-value'));
        return Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected));
      })
      .toBe(true);
  }

  /** The value the result panel shows first (a scalar result, or the most probable class). */
  get headline(): Locator {
    return this.result.getByTestId('headline');
  }

  /** Types a tensor as JSON into the editor of an image-shaped input. */
  async fillTensorJson(name: string, values: unknown): Promise<void> {
    await this.page.getByRole('button', { name: 'Edit values as JSON' }).click();
    await this.field(name).fill(JSON.stringify(values));
  }

  async expectReady(): Promise<void> {
    await expect(this.result).toHaveAttribute('data-state', 'ready');
  }
}
