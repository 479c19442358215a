import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe';
import { createMapFromHome, lane, makeMap, openLink, step, threeLaneMap } from './editor-helpers';

/*
 * axe-core on every screen and dialog, WCAG 2.2 A and AA: zero violations, and the contrast of
 * the map's own text (step cards, lane headers, badges, heat) actually examined.
 */

const outpatient = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '../../../examples/outpatient-referral.procmap.json'),
    'utf8',
  ),
);

test('the home page', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'New map' })).toBeVisible();
  await expectAccessible(page, 'the home page');
});

test('an empty map', async ({ page }) => {
  await createMapFromHome(page, 'Empty');
  await expectAccessible(page, 'an empty map');
});

test('a map with data, findings and comments, its panels and dialogs', async ({ page }) => {
  const made = await makeMap(page, { ...outpatient, id: undefined });
  await openLink(page, made.editUrl);
  const stepText = '[data-testid="step-label"]';
  const laneText = '[data-testid="lane-name"]';
  await expectAccessible(page, 'the editor', {
    examined: [
      stepText,
      laneText,
      '[data-testid="finding-badge"]',
      '[data-testid="comment-marker"]',
    ],
  });

  // A step selected: the properties panel.
  const writeReferral = outpatient.steps.find((s: { id: string }) => s.id === 'write-referral');
  await step(page, writeReferral.label).click();
  await expectAccessible(page, 'a selected step and its properties', { examined: [stepText] });

  // The analysis panel, and the heat overlay on the map.
  await page.getByRole('tab', { name: /Analysis/ }).click();
  await expectAccessible(page, 'the analysis panel');
  await page.getByLabel('Wait', { exact: true }).check();
  await expect(page.locator('[data-heat]').first()).toBeVisible();
  await expectAccessible(page, 'the heat overlay', { examined: ['[data-heat]'] });
  await page.getByRole('radio', { name: 'Off', exact: true }).check();

  // The comments panel.
  await page.getByRole('tab', { name: /Comments/ }).click();
  await expectAccessible(page, 'the comments panel');

  // Every dialog.
  for (const [button, name] of [
    ['Share', 'Share'],
    ['Export', 'Export'],
    ['Keyboard shortcuts', 'Keyboard shortcuts'],
  ] as const) {
    await page.getByRole('button', { name: button, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expectAccessible(page, `the ${name} dialog`, { include: '[role="dialog"], dialog' });
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  }
});

test('the outline, the lane menu, the connect and delete-lane dialogs, view only', async ({
  page,
}) => {
  const made = await makeMap(page, threeLaneMap('Referral'));
  await openLink(page, made.editUrl);
  const stepText = '[data-testid="step-label"]';

  // The map focused with a step selected: the focus ring on the step card.
  await step(page, 'Triage referral').click();
  await expectAccessible(page, 'the map with focus on a step', { examined: [stepText] });

  // Connect to… from the keyboard.
  await page.keyboard.press('Alt+Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectAccessible(page, 'the connect dialog', { include: '[role="dialog"], dialog' });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // A lane's menu, and deleting a lane that has steps.
  await lane(page, 'GP').hover();
  await page.getByRole('button', { name: 'Lane actions: GP' }).click();
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await expectAccessible(page, 'the lane menu', { include: '[role="menu"]' });
  await menu.getByRole('menuitem', { name: /Delete lane/ }).click();
  await expect(page.getByTestId('delete-lane-dialog')).toBeVisible();
  await expectAccessible(page, 'the delete-lane dialog', { include: '[role="dialog"], dialog' });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('delete-lane-dialog')).toHaveCount(0);

  // The outline.
  await page.keyboard.press('Alt+v');
  await expect(page.getByTestId('outline')).toBeVisible();
  await expectAccessible(page, 'the outline', { examined: ['[data-testid="outline"] h3'] });
  await page.keyboard.press('Alt+v');

  // The same map through its view-only link.
  await openLink(page, made.viewUrl);
  await expect(page.getByText('View only', { exact: true })).toBeVisible();
  await expectAccessible(page, 'a view-only map', { examined: [stepText] });
});

test('a link that opens no map', async ({ page }) => {
  await page.goto('/m/no-such-map#token=x');
  await expect(page).toHaveTitle(/doesn’t open a map/);
  await expectAccessible(page, 'the refused-link page');
});
