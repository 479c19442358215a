import { expect, test } from '@playwright/test';
import { createMapFromHome, makeMap, openLink, threeLaneMap } from './editor-helpers';

test('the creator sees both links; a co-facilitator on another browser gets the view-only link too', async ({
  page,
  browser,
}) => {
  await createMapFromHome(page, 'Shared workshop');
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByTestId('share-dialog');
  const editUrl = await dialog.getByTestId('share-edit-link').inputValue();
  const viewUrl = await dialog.getByTestId('share-view-link').inputValue();
  expect(editUrl).toContain('#token=');
  expect(viewUrl).toContain('#token=');
  expect(viewUrl).not.toBe(editUrl);

  // Another browser (nothing remembered there) opens the edit link: it is given the same view link.
  const other = await browser.newContext();
  try {
    const colleague = await other.newPage();
    await openLink(colleague, editUrl);
    await colleague.getByRole('button', { name: 'Share' }).click();
    const theirs = colleague.getByTestId('share-dialog');
    await expect(theirs.getByTestId('share-view-link')).toHaveValue(
      new URL(viewUrl, colleague.url()).href,
    );
    await expect(theirs.getByTestId('share-edit-link')).toHaveValue(
      new URL(editUrl, colleague.url()).href,
    );

    // That link opens the map view-only; a viewer's dialog offers only the link they have.
    const viewer = await other.newPage();
    await openLink(viewer, viewUrl);
    await expect(viewer.getByText('View only', { exact: true })).toBeVisible();
    await viewer.getByRole('button', { name: 'Share' }).click();
    const viewers = viewer.getByTestId('share-dialog');
    await expect(viewers.getByTestId('share-current-link')).toHaveValue(viewer.url());
    await expect(viewers.getByTestId('share-edit-link')).toHaveCount(0);
    await expect(viewers.getByTestId('share-view-link')).toHaveCount(0);
  } finally {
    await other.close();
  }
});

test('a map opened from its edit link in a fresh browser shares its view link after asking the server', async ({
  page,
  browser,
}) => {
  const made = await makeMap(page, threeLaneMap('Made elsewhere'));
  const fresh = await browser.newContext();
  try {
    const tab = await fresh.newPage();
    await openLink(tab, made.editUrl);
    await tab.getByRole('button', { name: 'Share' }).click();
    await expect(tab.getByTestId('share-view-link')).toHaveValue(made.viewUrl);
    await expect(tab.getByTestId('share-view-error')).toHaveCount(0);
  } finally {
    await fresh.close();
  }
});
