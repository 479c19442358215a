import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { expectConnected, viewSettled } from '../e2e/editor-helpers';

// Writes the Simulate tab's screenshots under docs/screenshots: `npm run screenshots`.
const dir = join(import.meta.dirname, '..', '..', '..', 'docs', 'screenshots');

test.beforeEach(async ({ page }) => {
  // Whoever takes the screenshots has given their name already (no first-visit prompt).
  await page.addInitScript(() =>
    localStorage.setItem(
      'procmap:identity',
      JSON.stringify({ name: 'Sam Facilitator', color: '#0369a1', chosen: true }),
    ),
  );
});

test('screenshots of a simulation: the results panel, and the queue at each step on the map', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.getByRole('button', { name: /Outpatient referral/ }).click();
  await expectConnected(page);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.getByRole('tab', { name: 'Simulate' }).click();
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await expect(page.getByTestId('sim-summary')).toBeVisible({ timeout: 60_000 });

  // A tall window: the summary, the histogram, the figures and every role's bar at once.
  await page.setViewportSize({ width: 1440, height: 1800 });
  await viewSettled(page);
  await page.screenshot({ path: join(dir, 'simulation-panel.png') });

  // The queue overlay on the map, tidied (no change to what is simulated: the results stay
  // current), brought to the step where cases queue longest.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+t');
  await expect(page.getByTestId('tidy-up')).toHaveText('Tidy up');
  await expect(page.getByTestId('sim-version')).toContainText('on the map as it is now');
  const panel = page.getByTestId('simulation-panel');
  await panel.getByLabel('Colour the steps by their queue').check();
  await expect(page.getByTestId('heat-legend')).toContainText('queue at each step');
  await panel.getByTestId('queue-steps').getByRole('button').first().click();
  await viewSettled(page);
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await viewSettled(page);
  await page.screenshot({ path: join(dir, 'simulation-queue-overlay.png') });
});
