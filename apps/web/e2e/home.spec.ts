import { expect, test } from '@playwright/test';
import { createMapFromHome, expectConnected, openLink } from './editor-helpers';

test('the home page creates a map and opens it on an empty state that says what to do', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'procmap' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Outpatient referral' })).toBeVisible();

  await createMapFromHome(page, 'Discharge planning');

  await expect(page.getByTestId('map-title')).toHaveText('Discharge planning');
  const empty = page.getByTestId('empty-state');
  await expect(empty).toContainText('Press Alt+L to add a lane');
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

test('the home page lists only the maps this browser made or opened, without asking the server for its list', async ({
  page,
  browser,
}) => {
  // The server lists its maps to nobody but its admin: the page never asks.
  const listRequests: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/maps' && request.method() === 'GET')
      listRequests.push(request.url());
  });
  await createMapFromHome(page, 'Made here');
  const elsewhere = await page.request.post('/api/maps', { data: { title: 'Made elsewhere' } });
  expect(elsewhere.status()).toBe(201);
  const shared = await page.request.post('/api/maps', { data: { title: 'Opened here' } });
  expect(shared.status()).toBe(201);
  const { viewUrl } = (await shared.json()) as { viewUrl: string };

  await page.goto('/');
  const mine = page.getByTestId('map-list');
  await expect(mine.getByRole('link', { name: 'Made here' })).toBeVisible();
  await expect(mine).toContainText(/\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}/);
  await expect(mine).not.toContainText('Opened here');
  await expect(page.getByText('Made elsewhere')).toHaveCount(0);

  // Opening a link puts its map on the list, with the title the server gives and that link.
  await openLink(page, viewUrl);
  await page.goto('/');
  const opened = mine.getByRole('listitem').filter({ hasText: 'Opened here' });
  await expect(opened).toContainText('view only');
  await expect(mine.getByRole('listitem').first()).toContainText('Opened here');
  await opened.getByRole('link', { name: 'Opened here' }).click();
  await expect(page).toHaveURL(new URL(viewUrl).pathname + new URL(viewUrl).hash);
  await expectConnected(page);

  // A map can be taken off the list; it stays on the server.
  await page.goto('/');
  await opened.getByRole('button', { name: 'Forget Opened here in this browser' }).click();
  await expect(mine.getByRole('listitem')).toHaveCount(1);
  await expect(mine).toContainText('Made here');
  expect(listRequests).toEqual([]);

  // A browser that made and opened nothing lists nothing, and says how to get a map.
  const fresh = await browser.newContext();
  try {
    const tab = await fresh.newPage();
    await tab.goto('/');
    await expect(tab.getByTestId('maps-empty')).toContainText(
      'No maps made or opened in this browser yet',
    );
    await expect(tab.getByTestId('map-list')).toHaveCount(0);
    await expect(tab.getByText('Made here')).toHaveCount(0);
  } finally {
    await fresh.close();
  }
});
