import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import {
  makeMap,
  openLink,
  referralWithEveryMark,
  showProcess,
  viewSettled,
} from '../e2e/editor-helpers';

// Writes the scenario screenshots under docs/screenshots: `npm run screenshots`.
const dir = join(import.meta.dirname, '..', '..', '..', 'docs', 'screenshots');

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() =>
    localStorage.setItem(
      'procmap:identity',
      JSON.stringify({ name: 'Sam Facilitator', color: '#0369a1', chosen: true }),
    ),
  );
});

test('screenshots of a scenario on the canvas, each kind of mark, and the switcher open', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 760 });
  const made = await makeMap(page, referralWithEveryMark());
  await openLink(page, made.editUrl);
  await showProcess(page, 'To-be: online referral');
  await expect(page.getByTestId('ghost-step')).toHaveCount(1);
  await expect(page.getByTestId('scenario-badge').filter({ hasText: 'New' })).toHaveCount(1);
  await viewSettled(page);
  await page.screenshot({ path: join(dir, 'scenario-canvas.png') });

  await page.getByTestId('scenario-switcher').click();
  await expect(page.getByTestId('scenario-menu')).toBeVisible();
  await page.screenshot({
    path: join(dir, 'scenario-switcher.png'),
    clip: { x: 0, y: 0, width: 900, height: 420 },
  });
});
