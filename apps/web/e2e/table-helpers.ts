import { expect, type Page } from '@playwright/test';
import { storedMap } from './editor-helpers';

/* What the table view's specs share: the grid, its rows and cells, and the steps as stored. */

/** Stored fields of a step the tests read back (beyond StoredMap's). */
export interface StoredStep {
  readonly id: string;
  readonly roleId: string;
  readonly label: string;
  readonly kind: string;
  readonly processTime?: number;
  readonly waitTime?: number;
  readonly valueClass?: string;
}

export async function storedStep(page: Page, id: string): Promise<StoredStep | undefined> {
  const map = await storedMap(page);
  return (map.steps as readonly StoredStep[]).find((s) => s.id === id);
}

export async function storedSteps(page: Page): Promise<readonly StoredStep[]> {
  return (await storedMap(page)).steps as readonly StoredStep[];
}

/** Opens the table by its key and waits for its grid. */
export async function openTable(page: Page): Promise<void> {
  await page.keyboard.press('Alt+g');
  await expect(page.getByTestId('table-view')).toBeVisible();
  await expect(page.getByTestId('table-toggle')).toHaveAttribute('aria-pressed', 'true');
}

export const grid = (page: Page) => page.getByRole('grid', { name: 'Table' });
export const rows = (page: Page) => page.getByTestId('table-row');
/** The row of the step named `label`. */
export const row = (page: Page, label: string) =>
  rows(page).filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
export const focused = (page: Page) => page.locator(':focus');
