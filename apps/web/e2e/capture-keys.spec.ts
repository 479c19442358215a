import { expect, type Page, test } from '@playwright/test';
import { makeMap, openLink, step, storedMap, threeLaneMap, typeInto } from './editor-helpers';

/*
 * Capture by keyboard, as a facilitator in a workshop types it: inserting a step in a chain,
 * connecting a loop back, leaving the side panel, typing a name onto a step, and taking a new
 * step back with one undo. The map is the small referral of the helpers:
 * Receive letter → Register referral → Triage referral → Book clinic → Clinic booked.
 */

interface StoredFlow {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly label?: string;
  readonly probability?: number;
}

const flowsOf = async (page: Page) => (await storedMap(page)).flows as readonly StoredFlow[];
const stepIdOf = async (page: Page, label: string) =>
  (await storedMap(page)).steps.find((s) => s.label === label)?.id;

async function openReferral(page: Page, title: string): Promise<void> {
  const made = await makeMap(page, threeLaneMap(title));
  await openLink(page, made.editUrl);
}

test('Enter on a step with one next step inserts the new step between them, and says so', async ({
  page,
}) => {
  await openReferral(page, 'Insert');
  await step(page, 'Register referral').click();
  await typeInto(page, 'Enter', 'Step label', 'Check NHS number');
  await expect(page.getByTestId('status-line')).toContainText(
    'Inserted between “Register referral” and “Triage referral”',
  );

  await expect.poll(async () => (await storedMap(page)).steps.length).toBe(6);
  const inserted = await stepIdOf(page, 'Check NHS number');
  const flows = await flowsOf(page);
  // The chain runs through the new step; no flow skips it, none goes nowhere.
  expect(flows.filter((f) => f.from === 's2').map((f) => f.to)).toEqual([inserted]);
  expect(flows.filter((f) => f.from === inserted).map((f) => f.to)).toEqual(['s3']);
  expect(flows).toHaveLength(5);
  // And it is in the lane of the step it follows.
  expect((await storedMap(page)).steps.find((s) => s.id === inserted)?.roleId).toBe('clerk');
});

test('Alt+Enter connects by typing part of a name: a rework loop back, then its label and share by keyboard', async ({
  page,
}) => {
  await openReferral(page, 'Loop');
  await step(page, 'Book clinic').click();
  await page.keyboard.press('Alt+Enter');
  const dialog = page.getByTestId('connect-dialog');
  const input = dialog.getByRole('combobox');
  await expect(input).toBeFocused();
  await page.keyboard.type('regis');
  await expect(dialog.getByRole('option', { selected: true })).toContainText('Register referral');
  await expect(dialog.getByRole('option', { selected: true })).toContainText('a loop back');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('.react-flow__edge')).toHaveCount(5);

  // The new flow is selected: Alt+P goes to its label, Tab to its share, Esc back to the map.
  await expect(page.getByTestId('flow-properties')).toContainText(
    'From Book clinic to Register referral',
  );
  await page.keyboard.press('Alt+p');
  await expect(page.getByTestId('flow-label')).toBeFocused();
  await page.keyboard.type('Details missing');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('flow-probability')).toBeFocused();
  await page.keyboard.type('15');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect
    .poll(async () => (await flowsOf(page)).find((f) => f.from === 's4' && f.to === 's2'))
    .toMatchObject({ label: 'Details missing', probability: 0.15 });
});

test('Alt+O selects the flows leaving a step one by one', async ({ page }) => {
  await openReferral(page, 'Flows by key');
  await step(page, 'Triage referral').click();
  await page.keyboard.press('Alt+o');
  await expect(page.getByTestId('flow-properties')).toContainText(
    'From Triage referral to Book clinic',
  );
  await expect(page.getByTestId('rf__edge-f3')).toHaveClass(/selected/);
});

test('Esc in the properties panel gives the keyboard back to the map, the same step selected', async ({
  page,
}) => {
  await openReferral(page, 'Esc');
  await step(page, 'Clinic booked').click();
  const panel = page.getByTestId('properties-panel');
  const processTime = panel.getByLabel('Process time', { exact: true });
  await processTime.focus();
  await page.keyboard.type('10');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(processTime).not.toBeFocused();
  await expect(step(page, 'Clinic booked')).toHaveClass(/is-selected/);
  await expect(page.getByTestId('status-line')).toContainText('Step selected in Nurse');

  // The next "Enter, type a step" goes onto the map, not into a field.
  await typeInto(page, 'Enter', 'Step label', 'Send letter');
  await expect(step(page, 'Send letter')).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(step(page, 'Clinic booked')).toHaveClass(/is-selected/);
  await expect(processTime).toHaveValue('10 min');

  // An unsaved change is dropped by Esc, not saved by the focus leaving.
  await processTime.focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('3h');
  await page.keyboard.press('Escape');
  await expect(processTime).not.toBeFocused();
  await step(page, 'Clinic booked').click();
  await expect(processTime).toHaveValue('10 min');
});

test('typing onto a selected step renames it, starting with the first key; no shortcut fires', async ({
  page,
}) => {
  await openReferral(page, 'Rename by typing');
  await step(page, 'Triage referral').click();
  // "T" was Tidy up and "l" added a lane: typed onto a step, they are its new name.
  await page.keyboard.type('Team leader triages');
  await page.keyboard.press('Enter');
  await expect(step(page, 'Team leader triages')).toBeVisible();
  await expect(page.getByTestId('lane')).toHaveCount(3);
  await expect
    .poll(async () => (await storedMap(page)).steps.find((s) => s.id === 's3')?.label)
    .toBe('Team leader triages');
  expect((await storedMap(page)).roles).toHaveLength(3);
});

test('one Ctrl+Z takes back a new step with its name and flow', async ({ page }) => {
  await openReferral(page, 'One undo');
  const before = await storedMap(page);
  await step(page, 'Clinic booked').click();
  await typeInto(page, 'Enter', 'Step label', 'Send letter');
  await expect(page.getByTestId('step')).toHaveCount(6);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('step')).toHaveCount(5);
  await expect(page.locator('.react-flow__edge')).toHaveCount(4);
  await expect.poll(async () => (await storedMap(page)).steps).toEqual(before.steps);
  expect(await flowsOf(page)).toEqual(before.flows);
});
