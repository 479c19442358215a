import { expect, test } from '@playwright/test';
import { makeMap, openLink, step, storedMap, threeLaneMap } from './editor-helpers';

/*
 * A keyboard or screen-reader user is told what each command did, and never loses their place:
 * the spoken status says the new kind, the lane a step moved to, a dead end, an undo; Delete
 * leaves the keyboard on the next step; the first arrow goes to where a case starts.
 */

test('commands on the map say what they did, and Delete keeps the keyboard’s place', async ({
  page,
}) => {
  const made = await makeMap(page, threeLaneMap('Feedback'));
  await openLink(page, made.editUrl);
  const map = page.getByRole('listbox', { name: /^Process map/ });
  const said = page.getByTestId('status-hint');
  const selected = async () => {
    const id = await map.getAttribute('aria-activedescendant');
    return id ? page.locator(`#${id}`).getAttribute('data-id') : null;
  };

  // The first arrow goes to the start, wherever it is drawn.
  await map.focus();
  await page.keyboard.press('ArrowDown');
  await expect.poll(selected).toBe('s1');

  // Along the flow to the end, where going on is a dead end, said.
  for (const id of ['s2', 's3', 's4', 's5']) {
    await page.keyboard.press('ArrowRight');
    await expect.poll(selected).toBe(id);
  }
  await page.keyboard.press('ArrowRight');
  await expect(said).toHaveText('Nothing follows “Clinic booked”.');

  // The kind changed is said.
  await page.keyboard.press('ArrowLeft');
  await expect.poll(selected).toBe('s4');
  await page.keyboard.press('Alt+k');
  await expect(said).toHaveText('Now a decision step. Alt+K again for the next kind.');

  // A step moved across lanes: where it went.
  await page.keyboard.press('Alt+ArrowUp');
  await expect(said).toHaveText('Moved “Book clinic” to GP.');

  // Delete: the step after it is selected, and the keyboard stays on the map.
  await page.keyboard.press('ArrowLeft');
  await expect.poll(selected).toBe('s3');
  await page.keyboard.press('Delete');
  await expect(said).toHaveText('Step deleted; the flow rejoined. Ctrl+Z undoes.');
  await expect.poll(selected).toBe('s4');
  await expect(map).toBeFocused();
  await expect(step(page, 'Triage referral')).toHaveCount(0);

  // Undo says so, and brings the step back.
  await page.keyboard.press('Control+z');
  await expect(said).toHaveText('Undone. Ctrl+Shift+Z redoes.');
  await expect(step(page, 'Triage referral')).toHaveCount(1);
  await expect.poll(async () => (await storedMap(page)).steps.length).toBe(5);
});

test('after answering the name question, the keyboard is on the map', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const made = await makeMap(page, threeLaneMap('Name first'));
  await openLink(page, made.editUrl);
  const prompt = page.getByTestId('name-prompt');
  await prompt.getByRole('textbox').fill('Priya');
  await prompt.getByRole('textbox').press('Enter');
  await expect(prompt).toHaveCount(0);
  await expect(page.getByRole('listbox', { name: /^Process map/ })).toBeFocused();
  await context.close();
});
