import { expect, test } from '@playwright/test';
import { makeMap, newScenario, openLink, showProcess, step, threeLaneMap } from './editor-helpers';

/*
 * What a walkthrough of scenarios found: undo acting in a process not shown, the settings panel
 * not saying whose settings it edits, the switcher out of the keyboard's reach, the description
 * dialog without a key to save.
 */

const TO_BE = 'To-be: nurse triage';

test('undo in a process not shown shows it and says where; Alt+S opens the switcher', async ({
  page,
}) => {
  const made = await makeMap(page, threeLaneMap('Referrals'));
  await openLink(page, made.editUrl);
  await newScenario(page, TO_BE);
  await step(page, 'Register referral').click();
  await page.keyboard.press('Delete');
  await expect(step(page, 'Register referral')).toHaveCount(0);
  await expect(page.getByTestId('scenario-banner')).toContainText('1 step removed.');

  // Alt+S from the map opens the switcher on the process shown.
  await page.keyboard.press('Alt+s');
  const menu = page.getByTestId('scenario-menu');
  await expect(menu.getByRole('menuitemradio', { name: TO_BE })).toBeFocused();
  await menu.getByRole('menuitemradio', { name: 'As-is' }).press('Enter');
  await expect(page.getByTestId('scenario-switcher')).toHaveAccessibleName('Process shown: As-is');
  await expect(step(page, 'Register referral')).toHaveCount(1);

  // Ctrl+Z on the as-is takes back the delete made in the scenario: the scenario is shown.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('scenario-switcher')).toHaveAccessibleName(
    `Process shown: ${TO_BE}`,
  );
  await expect(page.getByTestId('status-hint')).toHaveText(
    `Undone in the scenario “${TO_BE}”: added “Register referral” in Clerk; showing it. Ctrl+Shift+Z redoes.`,
  );
  await expect(page.getByTestId('scenario-banner')).toContainText(
    'Nothing differs from the as-is yet.',
  );

  // Undo again takes back the scenario itself: the as-is is shown, and said.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('scenario-switcher')).toHaveAccessibleName('Process shown: As-is');
  await expect(page.getByTestId('status-hint')).toHaveText(
    `Undone: the scenario “${TO_BE}” is gone; showing the as-is. Ctrl+Shift+Z redoes.`,
  );
  // Redo brings it back and shows it.
  await page.keyboard.press('Control+Shift+Z');
  await expect(page.getByTestId('scenario-switcher')).toHaveAccessibleName(
    `Process shown: ${TO_BE}`,
  );
  await expect(page.getByTestId('status-hint')).toHaveText(
    `Redone: the scenario “${TO_BE}” is back.`,
  );
});

test('a scenario’s settings say they are its own; its description saves with Ctrl+Enter', async ({
  page,
}) => {
  const made = await makeMap(page, {
    ...threeLaneMap('Referrals'),
    settings: { demand: { count: 40, per: 'day' } },
  });
  await openLink(page, made.editUrl);
  await newScenario(page, TO_BE);
  await page.keyboard.press('Escape');
  const settings = page.getByTestId('map-settings');
  await expect(settings.getByTestId('scenario-settings-heading')).toHaveText(
    `Scenario: ${TO_BE} — its settings (the map’s where not changed here)`,
  );
  const cases = settings.getByLabel('Cases', { exact: true });
  await expect(cases).toHaveAccessibleDescription(
    'The map’s value; a change here is this scenario’s only',
  );
  await cases.fill('60');
  await cases.press('Enter');
  await expect(cases).toHaveAccessibleDescription(
    'Changed in this scenario (the map’s: 40 per day); empty = back to the map’s',
  );
  const clerk = settings
    .getByTestId('role-settings')
    .filter({ has: page.locator('legend', { hasText: /^Clerk$/ }) });
  await clerk.getByLabel('Headcount').fill('3');
  await clerk.getByLabel('Headcount').press('Enter');
  await expect(clerk.getByLabel('Headcount')).toHaveAccessibleDescription(
    'Changed in this scenario (as-is: not set)',
  );
  await expect(page.getByTestId('scenario-banner')).toContainText('Demand and 1 role changed.');
  // Emptied, the field goes back to the map's value.
  await cases.fill('');
  await cases.press('Enter');
  await expect(cases).toHaveValue('40');
  await expect(page.getByTestId('scenario-banner')).toContainText('1 role changed.');

  // Describe: Ctrl+Enter saves, said; the banner shows it.
  await page.getByTestId('scenario-switcher').click();
  await page.getByTestId('scenario-menu').getByRole('menuitem', { name: 'Describe…' }).click();
  const box = page.getByTestId('scenario-description');
  await expect(box).toHaveAccessibleDescription('Ctrl+Enter saves (⌘+Enter on a Mac).');
  await box.fill('Nurses triage every referral the day it arrives, so no letter waits a week.');
  await box.press('Control+Enter');
  await expect(page.getByTestId('describe-scenario-dialog')).toHaveCount(0);
  await expect(page.getByTestId('status-hint')).toHaveText('Description saved.');
  const shown = page.getByTestId('scenario-banner-description');
  await expect(shown).toHaveAttribute('title', /^Nurses triage every referral/);
  await expect(shown).toContainText('Description: Nurses triage every referral');
});

test('a copy asked for of a scenario a colleague deletes meanwhile is not made of the as-is instead', async ({
  browser,
}) => {
  const alice = await (await browser.newContext()).newPage();
  const bob = await (await browser.newContext()).newPage();
  const made = await makeMap(alice, threeLaneMap('Referrals'));
  await openLink(alice, made.editUrl);
  await newScenario(alice, TO_BE);
  await openLink(bob, made.editUrl);
  // Alice asks for a copy of the scenario shown and is naming it…
  await alice.getByTestId('scenario-switcher').click();
  await alice
    .getByTestId('scenario-menu')
    .getByRole('menuitem', { name: 'New scenario from this scenario…' })
    .click();
  await expect(alice.getByTestId('new-scenario-dialog')).toBeVisible();
  // …when Bob deletes that scenario.
  await showProcess(bob, TO_BE);
  await bob.getByTestId('scenario-switcher').click();
  await bob.getByTestId('scenario-menu').getByRole('menuitem', { name: 'Delete…' }).click();
  await bob
    .getByTestId('delete-scenario-dialog')
    .getByRole('button', { name: 'Delete scenario' })
    .click();
  // Alice's dialog closes: no copy of the as-is appears in its place.
  await expect(alice.getByTestId('new-scenario-dialog')).toHaveCount(0);
  await alice.getByTestId('scenario-switcher').click();
  await expect(alice.getByTestId('scenario-menu').getByRole('menuitemradio')).toHaveText(['As-is']);
  await alice.context().close();
  await bob.context().close();
});
