import { expect, type Page } from '@playwright/test';

/** Creates an empty map from the home page and waits for its editor to be connected. */
export async function createMapFromHome(page: Page, title: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Title of the new map').fill(title);
  await page.getByRole('button', { name: 'New map' }).click();
  await expect(page).toHaveURL(/\/m\/[^/]+#token=/);
  await expectConnected(page);
}

/** Waits until the editor has synced with the server. */
export async function expectConnected(page: Page): Promise<void> {
  await expect(page.getByTestId('connection-status')).toHaveText('Connected');
}

/** Presses a key that opens an inline text field, waits for the field, types, presses Enter. */
export async function typeInto(
  page: Page,
  key: string,
  field: 'Lane name' | 'Step label',
  text: string,
) {
  await page.keyboard.press(key);
  await expect(page.getByRole('textbox', { name: field })).toBeFocused();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: field })).toHaveCount(0);
}

/** The lane element whose header shows `name`. */
export function lane(page: Page, name: string) {
  return page
    .getByTestId('lane')
    .filter({ has: page.getByTestId('lane-name').getByText(name, { exact: true }) });
}

/** The step element whose label is `label`. */
export function step(page: Page, label: string) {
  return page
    .getByTestId('step')
    .filter({ has: page.getByTestId('step-label').getByText(label, { exact: true }) });
}

/** Expects the step labelled `label` to be in the lane named `laneName` (by role id, not by pixels). */
export async function expectStepInLane(page: Page, label: string, laneName: string): Promise<void> {
  const roleId = await lane(page, laneName).getAttribute('data-role-id');
  expect(roleId, `lane "${laneName}"`).toBeTruthy();
  await expect(step(page, label)).toHaveAttribute('data-role-id', roleId as string);
}
