import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import {
  createMapFromHome,
  expectConnected,
  step,
  typeInto,
  viewSettled,
} from '../e2e/editor-helpers';

// Writes the screenshots under docs/screenshots: `npm run screenshots` (not part of npm test).
const dir = join(import.meta.dirname, '..', '..', '..', 'docs', 'screenshots');

/** Whoever takes the screenshots has given their name already (no first-visit prompt). */
const asPerson = (name: string, color: string) => (page: Page) =>
  page.addInitScript(
    ([n, c]) =>
      localStorage.setItem('procmap:identity', JSON.stringify({ name: n, color: c, chosen: true })),
    [name, color] as const,
  );

test.beforeEach(async ({ page }) => {
  await asPerson('Sam Facilitator', '#0369a1')(page);
});

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

  // Tidy up (Alt+T), then let the fit-to-view animation settle.
  await page.keyboard.press('Alt+t');
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

  // Tidy up (Alt+T), then let the fit-to-view animation settle.
  await page.keyboard.press('Alt+t');
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
  await typeInto(page, 'Alt+l', 'Lane name', 'Patient');
  await typeInto(page, 'Alt+l', 'Lane name', 'Receptionist');
  await typeInto(page, 'Alt+l', 'Lane name', 'GP');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await typeInto(page, 'Alt+n', 'Step label', 'Patient requests repeat prescription');
  await typeInto(page, 'Enter', 'Step label', 'Log request');
  await page.keyboard.press('Alt+ArrowDown');
  await typeInto(page, 'Enter', 'Step label', 'Review medication');
  await page.keyboard.press('Alt+ArrowDown');
  await typeInto(page, 'Enter', 'Step label', 'Safe to issue?');
  await page.keyboard.press('Alt+k');
  await typeInto(page, 'Enter', 'Step label', 'Sign prescription');
  await typeInto(page, 'Enter', 'Step label', 'Prescription sent to pharmacy');
  await page.keyboard.press('Alt+ArrowUp');
  await page.keyboard.press('Alt+ArrowUp');
  await page.keyboard.press('Alt+k');
  await page.keyboard.press('Alt+k');
  await page.keyboard.press('Alt+k');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.screenshot({ path: join(dir, 'editor-keyboard-capture.png') });

  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
  await page.screenshot({ path: join(dir, 'shortcuts-dialog.png') });
});

test('screenshots of the analysis panel with the heat overlay, and two people on one map', async ({
  page,
  browser,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Hospital discharge/ }).click();
  await expectConnected(page);
  await page.keyboard.press('Alt+t');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();
  await expect(page.getByTestId('tidy-up')).toHaveText('Tidy up');
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await expect(page.getByTestId('finding').first()).toBeVisible();
  await page.getByLabel('Wait', { exact: true }).check();
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(dir, 'analysis-panel.png') });

  // A colleague joins: her avatar, her named cursor and her selection show here.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const amy = await context.newPage();
  await asPerson('Amy (ward nurse)', '#be123c')(amy);
  await amy.goto(page.url());
  await expectConnected(amy);
  await viewSettled(amy);
  await step(amy, 'Tell patient and family the plan').click();
  const box = (await step(amy, 'Update bed board').boundingBox())!;
  await amy.mouse.move(box.x + 30, box.y + 20, { steps: 4 });
  await page.getByLabel('Off', { exact: true }).check();
  await expect(page.getByTestId('peer-cursor')).toBeVisible();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(dir, 'presence.png') });
  await context.close();
});

test('screenshot of the page a mistyped or revoked link shows', async ({ page }) => {
  await page.goto('/m/no-such-map#token=mistyped');
  await expect(page.getByRole('heading', { name: 'This link doesn’t open a map' })).toBeVisible();
  await page.screenshot({ path: join(dir, 'link-refused.png') });
});

test('screenshots at 320 CSS px wide: the editor (lanes a strip) and the panel drawer open', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/');
  await page.getByRole('button', { name: /Hospital discharge/ }).click();
  await expectConnected(page);
  await expect(page.getByTestId('step')).toHaveCount(25);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await viewSettled(page);
  await page.screenshot({ path: join(dir, 'narrow-320-editor.png') });

  await page.getByRole('button', { name: 'More', exact: true }).click();
  await expect(page.getByRole('menu', { name: 'More' })).toBeVisible();
  await page.screenshot({ path: join(dir, 'narrow-320-more-menu.png') });
  await page.keyboard.press('Escape');

  // A step selected, then the drawer opened on its properties.
  const first = page.getByTestId('step').first();
  await first.click();
  await page.getByRole('button', { name: 'Show properties' }).click();
  await expect(page.getByTestId('step-properties')).toBeVisible();
  await page.screenshot({ path: join(dir, 'narrow-320-drawer.png') });
});

test('screenshot at 200% zoom (a 1440×900 window: 720×450 CSS px at twice the density)', async ({
  browser,
}) => {
  const context = await browser.newContext({
    viewport: { width: 720, height: 450 },
    deviceScaleFactor: 2,
  });
  const page = await context.newPage();
  await asPerson('Sam Facilitator', '#0369a1')(page);
  await page.goto('/');
  await page.getByRole('button', { name: /Hospital discharge/ }).click();
  await expectConnected(page);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await expect(page.getByTestId('finding').first()).toBeVisible();
  await viewSettled(page);
  await page.screenshot({ path: join(dir, 'zoom-200.png') });
  await context.close();
});

test('screenshots of the map used by keyboard (its focus ring) and of the outline', async ({
  page,
}) => {
  await page.goto('/');
  await page
    .getByRole('button', { name: /Blue Badge|Outpatient referral/ })
    .first()
    .click();
  await expectConnected(page);
  await viewSettled(page);
  const map = page.getByRole('listbox', { name: /^Process map/ });
  await map.focus();
  for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight']) await page.keyboard.press(key);
  await expect(map).toHaveAttribute('aria-activedescendant', /map-step-/);
  await viewSettled(page);
  await page.screenshot({ path: join(dir, 'editor-keyboard-focus.png') });

  await page.keyboard.press('Alt+v');
  await expect(page.getByTestId('outline')).toBeVisible();
  await page.screenshot({ path: join(dir, 'outline.png') });
});
