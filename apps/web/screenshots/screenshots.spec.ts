import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createMapFromHome, expectConnected, typeInto } from '../e2e/editor-helpers';

// Writes the screenshots under docs/screenshots: `npm run screenshots` (not part of npm test).
const dir = join(import.meta.dirname, '..', '..', '..', 'docs', 'screenshots');

test('screenshots of the home page, a template map (as opened and tidied) and the share dialog', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('map-list').or(page.getByTestId('maps-empty'))).toBeVisible();
  await page.screenshot({ path: join(dir, 'home.png') });

  await page.getByRole('button', { name: /Outpatient referral/ }).click();
  await expectConnected(page);
  await expect(page.getByTestId('step')).toHaveCount(42);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.screenshot({ path: join(dir, 'editor-outpatient-referral.png') });

  // Tidy up (Shift+T), then let the fit-to-view animation settle.
  await page.keyboard.press('Shift+T');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();
  await expect(page.getByTestId('tidy-up')).toHaveText('Tidy up');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(dir, 'editor-tidied.png') });

  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByTestId('share-dialog')).toBeVisible();
  await page.screenshot({ path: join(dir, 'share-dialog.png') });
});

test('screenshots of a map captured by keyboard and the shortcuts list', async ({ page }) => {
  await createMapFromHome(page, 'Repeat prescription');
  await typeInto(page, 'l', 'Lane name', 'Patient');
  await typeInto(page, 'l', 'Lane name', 'Receptionist');
  await typeInto(page, 'l', 'Lane name', 'GP');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await typeInto(page, 'n', 'Step label', 'Patient requests repeat prescription');
  await typeInto(page, 'Enter', 'Step label', 'Log request');
  await page.keyboard.press('Alt+ArrowDown');
  await typeInto(page, 'Enter', 'Step label', 'Review medication');
  await page.keyboard.press('Alt+ArrowDown');
  await typeInto(page, 'Enter', 'Step label', 'Safe to issue?');
  await page.keyboard.press('k');
  await typeInto(page, 'Enter', 'Step label', 'Sign prescription');
  await typeInto(page, 'Enter', 'Step label', 'Prescription sent to pharmacy');
  await page.keyboard.press('Alt+ArrowUp');
  await page.keyboard.press('Alt+ArrowUp');
  await page.keyboard.press('k');
  await page.keyboard.press('k');
  await page.keyboard.press('k');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.screenshot({ path: join(dir, 'editor-keyboard-capture.png') });

  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
  await page.screenshot({ path: join(dir, 'shortcuts-dialog.png') });
});
