import { type Browser, expect, type Page, test } from '@playwright/test';
import { makeMap, newScenario, openLink, showProcess, step, threeLaneMap } from './editor-helpers';

/** Opens the link in a fresh browser context (its own person) under a name. */
async function join(browser: Browser, url: string, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await openLink(page, url);
  const prompt = page.getByTestId('name-prompt');
  await prompt.getByRole('textbox').fill(name);
  await prompt.getByRole('button', { name: 'Save' }).click();
  await expect(prompt).toHaveCount(0);
  return page;
}

const participant = (page: Page, name: string) =>
  page.getByTestId('participant').and(page.locator(`[data-name="${name}"]`));

test('a colleague’s cursor and selection show only on the process they are on; following takes you there', async ({
  browser,
}) => {
  const made = await makeMap(await browser.newPage(), threeLaneMap('Presence by process'));
  const alice = await join(browser, made.editUrl, 'Alice');
  const bob = await join(browser, made.editUrl, 'Bob');

  // Both on the as-is: Bob sees Alice's pointer and her selection.
  const target = (await step(alice, 'Triage referral').boundingBox())!;
  await alice.mouse.move(target.x + 10, target.y + 10);
  await alice.mouse.move(target.x + 20, target.y + 12, { steps: 3 });
  await step(alice, 'Book clinic').click();
  const aliceCursor = bob.getByTestId('peer-cursor').and(bob.locator('[data-name="Alice"]'));
  await expect(aliceCursor).toBeVisible();
  await expect(step(bob, 'Book clinic')).toHaveAttribute('data-peer-selected', '1');

  // Bob makes a scenario (a copy keeping the step ids): Alice's as-is selection is not his
  // scenario's step, and her pointer is not over his map. Her avatar says where she is.
  await newScenario(bob, 'To-be portal');
  await expect(step(bob, 'Book clinic')).not.toHaveAttribute('data-peer-selected');
  await expect(aliceCursor).toHaveCount(0);
  await expect(participant(bob, 'Alice')).toHaveAccessibleName('Follow Alice — in the as-is');
  await expect(participant(alice, 'Bob')).toHaveAccessibleName('Follow Bob — in “To-be portal”');

  // Back on the as-is, Bob sees her selection again.
  await showProcess(bob, 'As-is');
  await expect(step(bob, 'Book clinic')).toHaveAttribute('data-peer-selected', '1');
  await expect(participant(bob, 'Alice')).toHaveAccessibleName('Follow Alice');

  // Bob goes to the scenario; Alice follows him and is taken there, and told so.
  await showProcess(bob, 'To-be portal');
  await participant(alice, 'Bob').click();
  await expect(alice.getByTestId('scenario-switcher')).toHaveAccessibleName(
    'Process shown: To-be portal',
  );
  await expect(alice.getByTestId('follow-banner')).toContainText(
    'Following Bob in “To-be portal”.',
  );
  await expect(participant(alice, 'Bob')).toHaveAccessibleName('Stop following Bob');

  await bob.context().close();
  await alice.context().close();
});
