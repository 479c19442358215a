import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import {
  expectConnected,
  makeMap,
  openLink,
  step,
  storedMap,
  threeLaneMap,
  renameStep as rename,
} from './editor-helpers';

/*
 * Links the server refuses: a mistyped token or an unknown map shows a page saying so (no
 * editor, nothing kept on this device), and a map this browser held whose link stops working
 * says so and keeps the edits the server never received, to save as a file or copy elsewhere.
 */

/** Names of this origin's IndexedDB databases (each opened map keeps one). */
const databases = (page: Page) =>
  page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));

test('a link with a wrong token shows a page saying so, and opens and keeps nothing', async ({
  page,
}) => {
  const map = await makeMap(page, threeLaneMap('Blue Badge'));
  const url = new URL(map.editUrl);
  await page.goto(`${url.pathname}#token=not-the-right-token`);
  const refused = page.getByTestId('link-refused');
  await expect(
    refused.getByRole('heading', { name: 'This link doesn’t open a map' }),
  ).toBeVisible();
  await expect(refused).toContainText('mistyped, or revoked');
  await expect(refused).toContainText('Ask whoever shared it for a new link');
  await expect(page.getByTestId('canvas')).toHaveCount(0);
  await expect(page.getByTestId('connection-status')).toHaveCount(0);
  // Typing finds nothing to edit, and no copy of the map was made on this device.
  await page.keyboard.press('Alt+l');
  await page.keyboard.press('Alt+n');
  await page.keyboard.type('Typed into nothing');
  await expect(page.getByRole('textbox')).toHaveCount(0);
  expect(await databases(page)).not.toContain(`procmap-map-${map.id}`);
  await refused.getByRole('link', { name: 'Go to your maps' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('a link to a map that does not exist, or without a token, says the same', async ({ page }) => {
  await page.goto('/m/no-such-map-here#token=abc');
  await expect(page.getByRole('heading', { name: 'This link doesn’t open a map' })).toBeVisible();
  const map = await makeMap(page, threeLaneMap('No token'));
  await page.goto(new URL(map.editUrl).pathname);
  await expect(page.getByRole('heading', { name: 'This link doesn’t open a map' })).toBeVisible();
  expect(await databases(page)).toEqual([]);
});

test('a good link opens as before, and a server that is down is waited for, not refused', async ({
  page,
}) => {
  const map = await makeMap(page, threeLaneMap('Waited for'));
  const url = new URL(map.editUrl);
  let down = true;
  await page.route('**/api/maps/*/access*', (route) =>
    down
      ? route.fulfill({ status: 503, contentType: 'application/json', body: '{}' })
      : route.continue(),
  );
  await page.goto(url.pathname + url.hash);
  await expect(page.getByTestId('map-opening')).toContainText('Trying again');
  await expect(page.getByTestId('link-refused')).toHaveCount(0);
  const tryNow = page.getByRole('button', { name: 'Try now' });
  await expect(tryNow).toBeVisible();
  down = false;
  // The page's own next try may open the map before the click lands (the button is then gone):
  // either way the map opens. A click that fails while the button is still there is a failure.
  await tryNow.click({ timeout: 5_000 }).catch(async (error: unknown) => {
    if (await tryNow.isVisible()) throw error;
  });
  await expectConnected(page);
  await expect(page.getByTestId('step')).toHaveCount(5);
});

test('a held map whose link stops working keeps the edits the server never got, to save or copy', async ({
  page,
  context,
  request,
}) => {
  const map = await makeMap(page, threeLaneMap('Revoked while offline'));
  await openLink(page, map.editUrl);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  await context.setOffline(true);
  await expect(page.getByTestId('connection-status')).toHaveText('Offline');
  await rename(page, 'Book clinic', 'Book clinic by phone');
  await expect(page.getByTestId('save-status')).toHaveText('Saved on this device');

  // Meanwhile the link stops opening the map (here: the map is deleted on the server).
  const token = new URLSearchParams(new URL(map.editUrl).hash.slice(1)).get('token') as string;
  const deleted = await request.delete(`/api/maps/${map.id}?token=${encodeURIComponent(token)}`);
  expect(deleted.status()).toBe(204);

  await context.setOffline(false);
  const banner = page.getByTestId('link-refused-banner');
  await expect(banner).toContainText('This link no longer opens the map');
  await expect(banner).toContainText('never reached the server');
  await expect(page.getByTestId('connection-status')).toHaveText('Link refused');
  await expect(page.getByTestId('save-status')).toHaveText('Not saved on the server');
  // Nothing more can be edited here, but what is here stays on screen.
  await expect(step(page, 'Book clinic by phone')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Add lane' })).toHaveCount(0);

  const download = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Save as a map file' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Revoked-while-offline.procmap.json');
  const saved = JSON.parse(await readFile(await file.path(), 'utf8')) as {
    steps: { label: string }[];
  };
  expect(saved.steps.map((s) => s.label)).toContain('Book clinic by phone');

  await banner.getByRole('button', { name: 'Copy into a new map' }).click();
  await expect(page).not.toHaveURL(new RegExp(map.id));
  await expectConnected(page);
  await expect(step(page, 'Book clinic by phone')).toHaveCount(1);
  expect((await storedMap(page)).steps.map((s) => s.label)).toContain('Book clinic by phone');
});
