import { expect, type Locator, type Page, test } from '@playwright/test';
import { makeMap, openLink, storedMap, threeLaneMap, typeInto } from './editor-helpers';

/*
 * "Connect to…" in the step's properties: a labelled step picker and a Connect button, used with
 * the keyboard alone.
 */

const isFocused = (locator: Locator) =>
  locator.evaluate((el) => el === document.activeElement).catch(() => false);

/** Presses Tab until `target` has focus. */
async function tabTo(page: Page, target: Locator, most = 30): Promise<void> {
  for (let i = 0; i < most; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

const panel = (page: Page) => page.getByTestId('step-properties');
const picker = (page: Page) => panel(page).getByRole('combobox', { name: 'Connect to…' });
const listbox = (page: Page) => panel(page).getByRole('listbox', { name: 'Steps to connect to' });
const options = (page: Page) => listbox(page).getByRole('option');

test('a step is connected to another from its properties, by keyboard only', async ({ page }) => {
  const made = await makeMap(page, threeLaneMap('Connect by keyboard'));
  await openLink(page, made.editUrl);

  // A new step in the first lane, named with the keyboard: it is the one selected.
  await typeInto(page, 'Alt+n', 'Step label', 'Chase missing letter');
  await page.keyboard.press('Alt+p');
  await expect(panel(page).getByLabel('Kind', { exact: true })).toBeFocused();
  await tabTo(page, picker(page));

  // The list: the other steps by name and lane, the best match first.
  await page.keyboard.type('re');
  await expect(picker(page)).toHaveAttribute('aria-expanded', 'true');
  await expect(options(page)).toHaveText([
    /^Receive letter\s*Clerk/,
    /^Register referral\s*Clerk/,
    /^Triage referral\s*GP/,
  ]);
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('clinic');
  // A name that starts with what was typed comes before one that only contains it.
  await expect(options(page)).toHaveText([/^Clinic booked\s*Nurse/, /^Book clinic\s*Nurse/]);
  await expect(listbox(page).getByRole('option', { selected: true })).toHaveText(/^Clinic booked/);
  // ↓ moves to the next match; Enter picks it and the list closes.
  await page.keyboard.press('ArrowDown');
  await expect(listbox(page).getByRole('option', { selected: true })).toHaveText(/^Book clinic/);
  await page.keyboard.press('Enter');
  await expect(picker(page)).toHaveValue('Book clinic');
  await expect(picker(page)).toHaveAttribute('aria-expanded', 'false');

  // The Connect button connects; the status says what, focus goes back to the picker.
  await page.keyboard.press('Tab');
  await expect(panel(page).getByRole('button', { name: 'Connect' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel(page).getByRole('status').filter({ hasText: 'Connected' })).toHaveText(
    'Connected “Chase missing letter” to “Book clinic”.',
  );
  await expect(picker(page)).toBeFocused();
  await expect(picker(page)).toHaveValue('');
  await expect(panel(page).getByTestId('leads-to')).toHaveText('Leads to: Book clinic');

  const map = await storedMap(page);
  const chase = map.steps.find((s) => s.label === 'Chase missing letter');
  expect(chase).toBeDefined();
  expect(map.flows.filter((f) => f.from === chase?.id).map((f) => f.to)).toEqual(['s4']);

  // A step it already leads to is marked and cannot be picked.
  await page.keyboard.type('book cl');
  const taken = listbox(page).getByRole('option', { name: /Book clinic/ });
  await expect(taken).toHaveAttribute('aria-disabled', 'true');
  await expect(taken).toContainText('already connected');
  await page.keyboard.press('Enter');
  await expect(picker(page)).toHaveValue('book cl');
  await expect(panel(page).getByTestId('connect-picker-status')).toHaveText(
    'Already connected to every step with “book cl” in its name.',
  );
  expect((await storedMap(page)).flows.filter((f) => f.from === chase?.id)).toHaveLength(1);

  // Esc closes the list, then clears the text, keeping focus in the picker.
  await page.keyboard.press('ArrowDown');
  await expect(picker(page)).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(picker(page)).toHaveAttribute('aria-expanded', 'false');
  await expect(picker(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(picker(page)).toHaveValue('');
  await expect(picker(page)).toBeFocused();
});

test('a loop back is said to be one, and a view-only map’s picker is disabled', async ({
  page,
}) => {
  const made = await makeMap(page, threeLaneMap('Connect back'));
  await openLink(page, made.editUrl);
  await page.keyboard.press('Alt+v');
  // In the outline, the step whose link has focus is the selected one.
  await tabTo(
    page,
    page.getByTestId('outline').getByRole('link', { name: 'Book clinic, in Nurse' }),
  );
  await page.keyboard.press('Enter');
  await page.keyboard.press('Alt+p');
  await tabTo(page, picker(page));
  await page.keyboard.type('register');
  await expect(options(page)).toHaveText([/^Register referral\s*Clerk · earlier: a loop back/]);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(panel(page).getByTestId('connect-picker-status')).toHaveText(
    'Connected “Book clinic” to “Register referral”: a loop back.',
  );
  await expect
    .poll(async () => (await storedMap(page)).flows.some((f) => f.from === 's4' && f.to === 's2'))
    .toBe(true);

  const viewer = await page.context().newPage();
  await openLink(viewer, made.viewUrl);
  await viewer.keyboard.press('Alt+v');
  await tabTo(viewer, viewer.getByTestId('outline').getByRole('link').first());
  await expect(picker(viewer)).toBeDisabled();
  await expect(panel(viewer).getByRole('button', { name: 'Connect' })).toBeDisabled();
});
