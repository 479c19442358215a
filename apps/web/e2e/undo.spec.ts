import { expect, test } from '@playwright/test';
import { createMapFromHome, step, typeInto } from './editor-helpers';

test('Ctrl+Z undoes the last own edit and Ctrl+Shift+Z redoes it', async ({ page }) => {
  await createMapFromHome(page, 'Undo');
  await typeInto(page, 'Alt+l', 'Lane name', 'Clerk');
  await typeInto(page, 'Alt+n', 'Step label', 'Open post');
  await typeInto(page, 'Enter', 'Step label', 'Scan letter');
  await expect(page.getByTestId('step')).toHaveCount(2);

  // A new step and the name typed into it are one edit: one Ctrl+Z takes the step, its name
  // and its flow back.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('step')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  await expect(step(page, 'Open post')).toBeVisible();

  await page.keyboard.press('Control+Shift+z');
  await page.keyboard.press('Control+y');
  await expect(step(page, 'Scan letter')).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
});
