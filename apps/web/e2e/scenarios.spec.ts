import { expect, type Page, test } from '@playwright/test';
import { analyze, formatMinutes } from '@procmap/analysis';
import { type ProcessMap, scenarioMap } from '@procmap/model';
import {
  makeMap,
  newScenario,
  openLink,
  referralWithEveryMark,
  renameStep,
  showProcess,
  step,
  threeLaneMap,
} from './editor-helpers';

const ghost = (page: Page, label: string) =>
  page.getByTestId('ghost-step').filter({ hasText: label });
const badges = (page: Page, label: string) => step(page, label).getByTestId('scenario-badge');

test('two browsers design a scenario together: ghosts and badges, the as-is untouched, undo per person, delete asks and comes back', async ({
  browser,
}) => {
  const alice = await (await browser.newContext()).newPage();
  const bob = await (await browser.newContext()).newPage();
  const made = await makeMap(alice, threeLaneMap('Referrals'));
  await openLink(alice, made.editUrl);
  await openLink(bob, made.editUrl);
  await expect(alice.getByTestId('scenario-switcher')).toHaveAccessibleName('Process shown: As-is');

  // Alice makes "To-be portal" from the as-is, deletes a step in it and renames another.
  await newScenario(alice, 'To-be portal');
  await expect(alice.getByTestId('scenario-switcher')).toHaveAccessibleName(
    'Process shown: To-be portal',
  );
  await step(alice, 'Register referral').click();
  await alice.keyboard.press('Delete');
  await expect(step(alice, 'Register referral')).toHaveCount(0);
  await expect(ghost(alice, 'Register referral')).toBeVisible();
  await renameStep(alice, 'Triage referral', 'Triage online');
  await expect(badges(alice, 'Triage online')).toHaveText(['Changed: name']);

  // Bob, still on the as-is, sees nothing of it there; he switches to the scenario.
  await expect(step(bob, 'Register referral')).toHaveCount(1);
  await expect(bob.getByTestId('ghost-step')).toHaveCount(0);
  await showProcess(bob, 'To-be portal');
  await expect(bob.getByTestId('scenario-banner')).toContainText(
    'Scenario: To-be portal — differences from the as-is are marked',
  );
  await expect(bob.getByTestId('scenario-banner')).toContainText('1 step changed, 1 removed.');
  await expect(ghost(bob, 'Register referral')).toBeVisible();
  await expect(badges(bob, 'Triage online')).toHaveText(['Changed: name']);
  // The step's accessible name says it too.
  await expect(bob.getByRole('option', { name: /^Step: Triage online,/ })).toHaveAccessibleName(
    /changed in this scenario: name/,
  );

  // Bob's edit in the scenario reaches Alice.
  await renameStep(bob, 'Book clinic', 'Book online');
  await expect(step(alice, 'Book online')).toBeVisible();
  await expect(badges(alice, 'Book online')).toHaveText(['Changed: name']);

  // The as-is is as it was.
  await showProcess(alice, 'As-is');
  await expect(alice.getByTestId('scenario-banner')).toHaveCount(0);
  for (const label of ['Register referral', 'Triage referral', 'Book clinic']) {
    await expect(step(alice, label)).toHaveCount(1);
  }
  await expect(step(alice, 'Triage online')).toHaveCount(0);
  await expect(alice.getByTestId('scenario-badge')).toHaveCount(0);

  // Alice's Ctrl+Z takes back her last scenario edit (the rename), not Bob's.
  await showProcess(alice, 'To-be portal');
  await alice.keyboard.press('Control+z');
  await expect(step(bob, 'Triage referral')).toHaveCount(1);
  await expect(step(alice, 'Triage referral')).toHaveCount(1);
  await expect(step(alice, 'Book online')).toHaveCount(1);
  await expect(step(bob, 'Book online')).toHaveCount(1);
  await expect(ghost(bob, 'Register referral')).toBeVisible();

  // Bob's Ctrl+Z takes back his own rename, never Alice's deletion of a step: the ghost stays.
  await bob.keyboard.press('Control+z');
  await expect(step(bob, 'Book clinic')).toHaveCount(1);
  await expect(step(alice, 'Book clinic')).toHaveCount(1);
  await expect(ghost(bob, 'Register referral')).toBeVisible();
  await expect(step(alice, 'Register referral')).toHaveCount(0);
  await bob.keyboard.press('Control+Shift+z');
  await expect(step(alice, 'Book online')).toHaveCount(1);

  // Deleting the scenario asks first and says it can be undone; everyone goes back to the as-is.
  await alice.getByTestId('scenario-switcher').click();
  await alice.getByTestId('scenario-menu').getByRole('menuitem', { name: 'Delete…' }).click();
  const ask = alice.getByTestId('delete-scenario-dialog');
  await expect(ask).toContainText('Delete the scenario “To-be portal”?');
  await expect(ask).toContainText('undo this with Ctrl+Z');
  await ask.getByRole('button', { name: 'Delete scenario' }).click();
  await expect(alice.getByTestId('scenario-switcher')).toHaveAccessibleName('Process shown: As-is');
  await expect(bob.getByTestId('scenario-switcher')).toHaveAccessibleName('Process shown: As-is');
  await expect(bob.getByTestId('status-hint')).toHaveText(
    'The scenario “To-be portal” was deleted: showing the as-is.',
  );
  await expect(bob.getByTestId('scenario-banner')).toHaveCount(0);
  await expect(step(bob, 'Register referral')).toHaveCount(1);

  // Alice's Ctrl+Z brings it back whole, Bob's edit in it too.
  await alice.keyboard.press('Control+z');
  await showProcess(bob, 'To-be portal');
  await expect(step(bob, 'Book online')).toHaveCount(1);
  await expect(ghost(bob, 'Register referral')).toBeVisible();

  // Alice's next Ctrl+Z brings the step she deleted in it back, for both.
  await alice.keyboard.press('Control+z');
  await expect(step(bob, 'Register referral')).toHaveCount(1);
  await expect(ghost(bob, 'Register referral')).toHaveCount(0);

  await alice.context().close();
  await bob.context().close();
});

test('a view-only link can switch scenarios but not make, rename or delete them', async ({
  page,
}) => {
  const map = {
    ...threeLaneMap('Referrals'),
    scenarios: [
      {
        id: 'portal',
        name: 'Portal',
        roles: threeLaneMap('x').roles,
        steps: threeLaneMap('x').steps.filter((s) => s.id !== 's2'),
        flows: [
          { id: 'f1', from: 's1', to: 's3' },
          { id: 'f3', from: 's3', to: 's4' },
          { id: 'f4', from: 's4', to: 's5' },
        ],
      },
    ],
  };
  const made = await makeMap(page, map);
  await openLink(page, made.viewUrl);
  await page.getByTestId('scenario-switcher').click();
  const menu = page.getByTestId('scenario-menu');
  await expect(menu.getByRole('menuitemradio')).toHaveText(['As-is', 'Portal']);
  await expect(menu.getByRole('menuitem')).toHaveCount(0);
  await menu.getByRole('menuitemradio', { name: 'Portal' }).click();
  await expect(page.getByTestId('scenario-banner')).toContainText('Scenario: Portal');
  await expect(ghost(page, 'Register referral')).toBeVisible();
});

test('the switcher is a menu button: arrows, Enter and Esc; a new scenario is named in a dialog', async ({
  page,
}) => {
  const made = await makeMap(page, threeLaneMap('Referrals'));
  await openLink(page, made.editUrl);
  const button = page.getByTestId('scenario-switcher');
  await button.focus();
  await page.keyboard.press('ArrowDown');
  const menu = page.getByTestId('scenario-menu');
  await expect(menu.getByRole('menuitemradio', { name: 'As-is' })).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(button).toBeFocused();

  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitemcheckbox', { name: /Compare side by side/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'New scenario from as-is…' })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('new-scenario-dialog');
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue('To-be 1');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('scenario-banner')).toContainText('Scenario: To-be 1');
  await expect(page.getByTestId('scenario-banner')).toContainText(
    'Nothing differs from the as-is yet.',
  );

  // A second one from this scenario is offered the next name.
  await button.click();
  await menu.getByRole('menuitem', { name: 'New scenario from this scenario…' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue('To-be 2');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Rename and describe the one shown.
  await button.click();
  await menu.getByRole('menuitem', { name: 'Rename…' }).click();
  await page
    .getByTestId('rename-scenario-dialog')
    .getByRole('textbox', { name: 'Name' })
    .fill('Clinic first');
  await page.keyboard.press('Enter');
  await expect(button).toHaveAccessibleName('Process shown: Clinic first');
  await button.click();
  await menu.getByRole('menuitem', { name: 'Describe…' }).click();
  await page.getByTestId('scenario-description').fill('Book the clinic before triage.');
  await page.getByTestId('describe-scenario-dialog').getByRole('button', { name: 'Save' }).click();
  await expect
    .poll(async () => {
      const res = await page.request.get(
        `/api/maps/${made.id}?token=${new URLSearchParams(new URL(made.editUrl).hash.slice(1)).get('token')}`,
      );
      const file = (await res.json()) as { scenarios?: { name: string; description?: string }[] };
      return file.scenarios?.map((s) => [s.name, s.description]);
    })
    .toEqual([['Clinic first', 'Book the clinic before triage.']]);
});

test('the analysis tab analyses the process shown: the scenario’s lead time, then the as-is’s again', async ({
  page,
}) => {
  const file = referralWithEveryMark() as ProcessMap;
  const found = scenarioMap(file, 'online');
  if (!found.ok) throw new Error(found.message);
  const hoursPerDay = file.settings?.hoursPerDay ?? 7.5;
  const asIs = formatMinutes(analyze(file).metrics.leadTime, hoursPerDay);
  const toBe = formatMinutes(analyze(found.map).metrics.leadTime, hoursPerDay);
  expect(toBe).not.toBe(asIs);
  const made = await makeMap(page, file);
  await openLink(page, made.editUrl);
  await page.getByRole('tab', { name: 'Analysis' }).click();
  const leadTime = page
    .getByTestId('analysis-panel')
    .getByTestId('metrics')
    .locator('.metric', { hasText: 'Lead time' })
    .locator('dd');
  await expect(leadTime).toHaveText(asIs);
  await showProcess(page, 'To-be: online referral');
  await expect(leadTime).toHaveText(toBe);
  await showProcess(page, 'As-is');
  await expect(leadTime).toHaveText(asIs);
});
