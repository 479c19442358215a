import { expect, test } from '@playwright/test';
import { makeMap, openLink, step, storedMap, threeLaneMap } from './editor-helpers';

/* A pasted page of text cannot become a label: name fields stop at the documented cap. */

test('a 5,000-character paste into a step’s name is cut to the cap, and the map stays valid', async ({
  page,
}) => {
  const map = await makeMap(page, threeLaneMap('Long paste'));
  await openLink(page, map.editUrl);
  await step(page, 'Book clinic').dblclick();
  const field = page.getByRole('textbox', { name: 'Step label' });
  await expect(field).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText('Pasted. '.repeat(625));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  const long = (await storedMap(page)).steps.find((s) => s.label.startsWith('Pasted.'));
  expect(long?.label.length).toBe(500);
  expect(long?.label.endsWith('Pasted. Past')).toBe(true);

  // The same in the side panel's label field.
  await page.getByTestId('properties-panel').getByLabel('Label', { exact: true }).focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText('x'.repeat(5000));
  await page.keyboard.press('Enter');
  await expect
    .poll(async () => Math.max(...(await storedMap(page)).steps.map((s) => s.label.length)))
    .toBe(500);
});
