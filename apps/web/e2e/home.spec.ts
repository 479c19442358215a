import { expect, test } from '@playwright/test';
import { createMapFromHome } from './editor-helpers';

test('the home page creates a map and opens it on an empty state that says what to do', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'procmap' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Outpatient referral' })).toBeVisible();

  await createMapFromHome(page, 'Discharge planning');

  await expect(page.getByTestId('map-title')).toHaveText('Discharge planning');
  const empty = page.getByTestId('empty-state');
  await expect(empty).toContainText('Press L to add a lane');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
});

test('a template opens with its lanes and steps', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Invoice approval/ }).click();
  await expect(page).toHaveURL(/\/m\/[^/]+#token=/);
  await expect(page.getByTestId('lane')).toHaveCount(4);
  await expect(page.getByTestId('step')).toHaveCount(15);
  await expect(page.getByTestId('empty-state')).toHaveCount(0);
});
