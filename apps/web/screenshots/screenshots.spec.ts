import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import {
  createMapFromHome,
  expectConnected,
  step,
  typeInto,
  viewSettled,
} from '../e2e/editor-helpers';

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

test('screenshots of the 25-step discharge template, tidied, and a step in the properties panel', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Hospital discharge/ }).click();
  await expectConnected(page);
  await expect(page.getByTestId('step')).toHaveCount(25);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  // Tidy up (Shift+T), then let the fit-to-view animation settle.
  await page.keyboard.press('Shift+T');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();
  await expect(page.getByTestId('tidy-up')).toHaveText('Tidy up');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.waitForTimeout(500);

  // A step with times, data keyed in, systems and a note: a taller window shows every field.
  await page.setViewportSize({ width: 1440, height: 1420 });
  await step(page, 'Check support needed at home').click();
  const panel = page.getByTestId('properties-panel');
  await expect(panel.getByTestId('step-properties')).toBeVisible();
  await expect(panel.getByLabel('Label', { exact: true })).toHaveValue(
    'Check support needed at home',
  );
  await expect(panel.getByLabel('Wait before', { exact: true })).toHaveValue('2 h');
  await page.screenshot({ path: join(dir, 'properties-panel.png') });

  // The whole tidied map at once, in a wide window: the panel hidden, then fit to the view.
  await page.keyboard.press('Escape');
  await panel.getByRole('button', { name: /Hide properties/ }).click();
  await page.setViewportSize({ width: 2880, height: 820 });
  await page.locator('.react-flow__controls-fitview').click();
  await viewSettled(page);
  await page.screenshot({ path: join(dir, 'editor-25-steps.png') });
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
