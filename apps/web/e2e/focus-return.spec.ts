import { expect, test } from '@playwright/test';
import { makeMap, openLink, step, threeLaneMap } from './editor-helpers';

/* Dialogs give focus back to what opened them; the window's title names the map. */

test('closing a dialog returns focus to its button, or to the map when a key opened it', async ({
  page,
}) => {
  const map = await makeMap(page, threeLaneMap('Blue Badge application'));
  await openLink(page, map.editUrl);
  await expect(page).toHaveTitle('Blue Badge application — procmap');

  for (const name of ['Share', 'Export']) {
    const button = page.getByRole('button', { name, exact: true });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(button).toBeFocused();
  }

  // A key on the map opens the shortcuts; closing them gives the keys back to the map.
  await step(page, 'Book clinic').click();
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts-dialog')).toHaveCount(0);
  await expect(page.locator('body')).not.toBeFocused();
  // The next key acts on the map again: typing renames the selected step.
  await page.keyboard.type('R');
  await expect(page.getByRole('textbox', { name: 'Step label' })).toBeFocused();
  await page.keyboard.press('Escape');
});

test('a refused link names itself in the window title', async ({ page }) => {
  await page.goto('/m/no-such-map#token=x');
  await expect(page).toHaveTitle('This link doesn’t open a map — procmap');
});
