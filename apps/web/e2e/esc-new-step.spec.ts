import { expect, test } from '@playwright/test';
import { makeMap, openLink, step, storedMap, threeLaneMap } from './editor-helpers';

/* Esc while naming a step just added takes the add back: no "Unnamed step" is left behind. */

test('Enter then Esc leaves the map as it was, with nothing to redo', async ({ page }) => {
  const map = await makeMap(page, threeLaneMap('Esc takes it back'));
  await openLink(page, map.editUrl);
  await step(page, 'Book clinic').click();
  await page.keyboard.press('Enter');
  const field = page.getByRole('textbox', { name: 'Step label' });
  await expect(field).toBeFocused();
  await expect(page.getByTestId('step')).toHaveCount(6);
  await page.keyboard.type('Half a na');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('step')).toHaveCount(5);
  await expect(page.getByText('Unnamed step')).toHaveCount(0);
  await expect(page.getByTestId('status-line')).toContainText('Esc took it back');
  await page.keyboard.press('Control+y');
  await expect(page.getByTestId('step')).toHaveCount(5);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  const stored = await storedMap(page);
  expect(stored.steps).toHaveLength(5);
  expect(stored.flows).toHaveLength(4);
});
