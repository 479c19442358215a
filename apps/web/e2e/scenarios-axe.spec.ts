import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe';
import { makeMap, openLink, referralWithEveryMark, showProcess } from './editor-helpers';

/* axe-core (WCAG 2.2 A and AA) on a scenario shown with every kind of mark, the switcher's menu
 * and its dialogs. */

test('a scenario on the canvas, the switcher and its dialogs have no axe violations', async ({
  page,
}) => {
  const made = await makeMap(page, referralWithEveryMark());
  await openLink(page, made.editUrl);
  await showProcess(page, 'To-be: online referral');
  await expect(page.getByTestId('ghost-step')).toHaveText(/Removed.*Print and key in referral/);
  const badges = page.getByTestId('scenario-badge');
  await expect(badges).toContainText(['Moved from Clerk', 'Changed: wait before', 'New']);
  await expectAccessible(page, 'a scenario on the canvas', {
    examined: [
      '[data-testid="scenario-badge"]',
      '[data-testid="scenario-banner"]',
      '[data-testid="ghost-step"] .step__label',
    ],
  });

  await page.getByTestId('scenario-switcher').click();
  await expect(page.getByTestId('scenario-menu')).toBeVisible();
  await expectAccessible(page, 'the scenario menu');

  for (const [item, dialog] of [
    ['New scenario from this scenario…', 'new-scenario-dialog'],
    ['Rename…', 'rename-scenario-dialog'],
    ['Describe…', 'describe-scenario-dialog'],
    ['Delete…', 'delete-scenario-dialog'],
  ] as const) {
    if (!(await page.getByTestId('scenario-menu').isVisible())) {
      await page.getByTestId('scenario-switcher').click();
    }
    await page.getByTestId('scenario-menu').getByRole('menuitem', { name: item }).click();
    await expect(page.getByTestId(dialog)).toBeVisible();
    await expectAccessible(page, `the ${item} dialog`);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId(dialog)).toHaveCount(0);
    await expect(page.getByTestId('scenario-switcher')).toBeFocused();
  }
});
