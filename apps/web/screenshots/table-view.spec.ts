import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { makeMap, openLink } from '../e2e/editor-helpers';

// Writes the table view's screenshot under docs/screenshots: `npm run screenshots`.
const dir = join(import.meta.dirname, '..', '..', '..', 'docs', 'screenshots');
const example = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'examples',
  'invoice-approval.procmap.json',
);

test.beforeEach(async ({ page }) => {
  // Whoever takes the screenshots has given their name already (no first-visit prompt).
  await page.addInitScript(() =>
    localStorage.setItem(
      'procmap:identity',
      JSON.stringify({ name: 'Sam Facilitator', color: '#0369a1', chosen: true }),
    ),
  );
});

test('screenshot of the table view: the steps of a process as a grid, one cell just saved', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const made = await makeMap(page, JSON.parse(readFileSync(example, 'utf8')));
  await openLink(page, made.editUrl);
  await page.keyboard.press('Alt+g');
  await expect(page.getByTestId('table-view')).toBeVisible();
  // The panel folded away: the grid has the window's width, every column in view.
  await page.getByRole('button', { name: /Hide properties/ }).click();
  // A wait filled in by keyboard: the status says it, the keyboard goes down a row.
  const cell = page.getByTestId('table-row').nth(2).getByTestId('cell-waitTime');
  await cell.click();
  await page.keyboard.type('4 h');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('table-status')).toContainText('now 4 h');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.screenshot({ path: join(dir, 'table-view.png') });
});
