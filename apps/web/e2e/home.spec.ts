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

test('the home page lists this browser’s maps to open, and folds away maps made elsewhere', async ({
  page,
  browser,
}) => {
  await createMapFromHome(page, 'Made here');
  const elsewhere = await page.request.post('/api/maps', { data: { title: 'Made elsewhere' } });
  expect(elsewhere.status()).toBe(201);

  await page.goto('/');
  const mine = page.getByTestId('map-list');
  await expect(mine.getByRole('link', { name: 'Made here' })).toBeVisible();
  await expect(mine).not.toContainText('Made elsewhere');
  await expect(mine).toContainText(/\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}/);
  const others = page.getByTestId('map-list-others');
  await expect(others.getByText('Made elsewhere')).toBeHidden(); // folded until asked
  await others.locator('summary').click();
  await expect(others.getByText('Made elsewhere')).toBeVisible();
  await expect(others.getByRole('link')).toHaveCount(0);

  // A browser that made nothing sees no map to open, and says how to get one.
  const fresh = await browser.newContext();
  try {
    const tab = await fresh.newPage();
    await tab.goto('/');
    await expect(tab.getByTestId('maps-empty')).toContainText('No maps made in this browser yet');
    await expect(tab.getByTestId('map-list')).toHaveCount(0);
  } finally {
    await fresh.close();
  }
});
