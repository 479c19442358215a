import { type Browser, expect, type Page, test } from '@playwright/test';
import { HOSTILE_PAYLOADS } from '@procmap/test-kit';
import { makeMap, openLink, step, storedMap, threeLaneMap } from './editor-helpers';

/** A person on the map: their own browser context, named. */
async function person(browser: Browser, url: string, name: string): Promise<Page> {
  const context = await browser.newContext();
  await context.addInitScript(
    ([n]) =>
      localStorage.setItem(
        'procmap:identity',
        JSON.stringify({
          id: `p_${n.toLowerCase()}00000`,
          name: n,
          color: '#0369a1',
          chosen: true,
        }),
      ),
    [name] as const,
  );
  const page = await context.newPage();
  await openLink(page, url);
  await page.getByRole('tab', { name: 'Comments' }).click();
  return page;
}

async function addComment(page: Page, kind: string, text: string) {
  const form = page.getByTestId('add-comment');
  await form.getByLabel('Kind', { exact: true }).selectOption({ label: kind });
  await form.getByLabel('Comment', { exact: true }).fill(text);
  await form.getByRole('button', { name: /^Add / }).click();
}

test('a pain point on a step: the other person sees its marker, replies; resolving hides it under "open"', async ({
  browser,
}) => {
  const made = await makeMap(await browser.newPage(), threeLaneMap('Comments'));
  const alice = await person(browser, made.editUrl, 'Alice');
  const bob = await person(browser, made.editUrl, 'Bob');

  await step(alice, 'Book clinic').click();
  await expect(alice.getByTestId('add-comment')).toContainText('On the step “Book clinic”');
  await addComment(alice, 'Pain point', 'Clinic letters wait for the weekly batch');

  // Bob: a red marker on the step, and the comment in his panel with its author.
  const marker = step(bob, 'Book clinic').getByTestId('comment-marker');
  await expect(marker.locator('[aria-hidden="true"]')).toHaveText('⚑1');
  await expect(marker).toContainText('1 open comment, a pain point');
  await expect(marker).toHaveAttribute('data-kind', 'pain-point');
  const card = bob.getByTestId('comment').filter({ hasText: 'weekly batch' });
  await expect(card).toContainText('Alice');
  await expect(card).toContainText('on Book clinic');
  await card.getByPlaceholder('Reply…').fill('True: Friday afternoons only');
  await card.getByPlaceholder('Reply…').press('Enter');
  await expect(
    alice.getByTestId('comment').filter({ hasText: 'weekly batch' }).getByTestId('reply'),
  ).toHaveText('Bob True: Friday afternoons only');

  // Clicking where it is pinned selects the step.
  await card.getByRole('button', { name: 'on Book clinic' }).click();
  await expect(step(bob, 'Book clinic')).toHaveClass(/is-selected/);

  // Resolved: gone from the "open" list and from the canvas marker; back under "resolved".
  await alice
    .getByTestId('comment')
    .filter({ hasText: 'weekly batch' })
    .getByRole('button', { name: 'Resolve' })
    .click();
  await expect(bob.getByTestId('comment')).toHaveCount(0);
  await expect(marker).toHaveCount(0);
  await bob.getByLabel('Show', { exact: true }).selectOption('resolved');
  await expect(bob.getByTestId('comment')).toHaveCount(1);
  await bob.getByLabel('Show', { exact: true }).selectOption('open');

  // Filters: an idea is listed under "Idea", not under "Pain point". (C jumps to the text box.)
  await step(bob, 'Triage referral').click();
  await bob.keyboard.press('Alt+c');
  await expect(bob.getByTestId('add-comment').getByLabel('Comment', { exact: true })).toBeFocused();
  await addComment(bob, 'Idea', 'Triage by nurse for routine letters');
  await expect(step(alice, 'Triage referral').getByTestId('comment-marker')).toHaveAttribute(
    'data-kind',
    'idea',
  );
  await alice.getByLabel('Kind', { exact: true }).nth(1).selectOption({ label: 'Pain point' });
  await expect(alice.getByTestId('comment')).toHaveCount(0);
  await alice.getByLabel('Kind', { exact: true }).nth(1).selectOption({ label: 'Idea' });
  await expect(alice.getByTestId('comment')).toHaveCount(1);

  // Deleting the step keeps its comment, shown as orphaned, stored on the server.
  await step(alice, 'Triage referral').click();
  await alice.keyboard.press('Delete');
  await expect(step(alice, 'Triage referral')).toHaveCount(0);
  const orphan = bob.getByTestId('comment').filter({ hasText: 'Triage by nurse' });
  await expect(orphan.getByTestId('orphaned')).toBeVisible();
  const stored = await storedMap(bob);
  expect(
    (stored as unknown as { comments: { text: string }[] }).comments.map((c) => c.text),
  ).toContain('Triage by nurse for routine letters');
  await alice.context().close();
  await bob.context().close();
});

test('hostile comment text and author names render as text and run nothing', async ({
  browser,
}) => {
  const made = await makeMap(await browser.newPage(), threeLaneMap('Hostile comments'));
  const evil = await person(browser, made.editUrl, '<img src=x onerror=alert(1)>');
  let dialogs = 0;
  evil.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  const payloads = HOSTILE_PAYLOADS.slice(0, 8);
  for (const payload of payloads) await addComment(evil, 'Note', payload);
  const reader = await person(browser, made.editUrl, 'Reader');
  reader.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await expect(reader.getByTestId('comment')).toHaveCount(payloads.length);
  for (const payload of payloads) {
    await expect(
      reader.getByTestId('comment').filter({ hasText: payload.trim() }).first(),
    ).toBeVisible();
  }
  await expect(
    reader.getByTestId('comments-panel').locator('img, script, iframe, svg image'),
  ).toHaveCount(0);
  expect(dialogs).toBe(0);
  await evil.context().close();
  await reader.context().close();
});

test('dot-voting: votes from two people add up, each within their allowance; the facilitator resets them', async ({
  browser,
}) => {
  const made = await makeMap(await browser.newPage(), threeLaneMap('Votes'));
  const alice = await person(browser, made.editUrl, 'Alice');
  const bob = await person(browser, made.editUrl, 'Bob');
  await step(alice, 'Book clinic').click();
  await addComment(alice, 'Pain point', 'Letters wait a week');
  await step(alice, 'Triage referral').click();
  await addComment(alice, 'Idea', 'Nurse-led triage');

  const card = (page: Page, text: string) => page.getByTestId('comment').filter({ hasText: text });
  await expect(alice.getByTestId('votes-left')).toHaveText('3 of 3');

  // Alice puts two votes on the pain point; Bob one on it and one on the idea.
  await card(alice, 'Letters wait').getByRole('button', { name: '+ Vote' }).click();
  await card(alice, 'Letters wait').getByRole('button', { name: '+ Vote' }).click();
  await card(bob, 'Letters wait').getByRole('button', { name: '+ Vote' }).click();
  await card(bob, 'Nurse-led').getByRole('button', { name: '+ Vote' }).click();
  for (const page of [alice, bob]) {
    await expect(card(page, 'Letters wait').getByTestId('vote-count')).toHaveText('3 votes');
    await expect(card(page, 'Nurse-led').getByTestId('vote-count')).toHaveText('1 vote');
  }
  await expect(alice.getByTestId('votes-left')).toHaveText('1 of 3');
  await expect(bob.getByTestId('votes-left')).toHaveText('1 of 3');

  // Sorted by votes, the pain point comes first.
  await bob.getByLabel('Sort', { exact: true }).selectOption('votes');
  await expect(bob.getByTestId('comment').first()).toContainText('Letters wait');

  // Alice's last vote, then no more: the button is disabled.
  await card(alice, 'Nurse-led').getByRole('button', { name: '+ Vote' }).click();
  await expect(alice.getByTestId('votes-left')).toHaveText('0 of 3');
  await expect(card(alice, 'Letters wait').getByRole('button', { name: '+ Vote' })).toBeDisabled();
  await card(alice, 'Letters wait').getByRole('button', { name: 'Take back' }).click();
  await expect(card(bob, 'Letters wait').getByTestId('vote-count')).toHaveText('2 votes');

  // The facilitator resets every vote for a new round: asked first, and Cancel keeps them.
  await bob.getByRole('button', { name: 'Reset votes' }).click();
  const ask = bob.getByTestId('reset-votes-dialog');
  await expect(ask).toContainText(
    'Clear all 4 votes on this map for a new round? Everyone gets their votes back.',
  );
  await bob.screenshot({ path: test.info().outputPath('reset-votes-confirm.png') });
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toHaveCount(0);
  await expect(card(alice, 'Letters wait').getByTestId('vote-count')).toHaveText('2 votes');
  await expect(card(alice, 'Nurse-led').getByTestId('vote-count')).toHaveText('2 votes');
  await bob.getByRole('button', { name: 'Reset votes' }).click();
  await bob.keyboard.press('Escape');
  await expect(ask).toHaveCount(0);
  await expect(alice.getByTestId('votes-left')).toHaveText('1 of 3');
  await bob.getByRole('button', { name: 'Reset votes' }).click();
  await ask.getByRole('button', { name: 'Clear 4 votes' }).click();
  await expect(alice.getByTestId('vote-count')).toHaveCount(0);
  await expect(alice.getByTestId('votes-left')).toHaveText('3 of 3');
  const stored = (await storedMap(alice)) as unknown as { comments: { votes?: object }[] };
  expect(stored.comments.every((c) => !c.votes || Object.keys(c.votes).length === 0)).toBe(true);
  await alice.context().close();
  await bob.context().close();
});

test('a question on a flow shows as a marker in the flow’s label', async ({ browser }) => {
  const made = await makeMap(await browser.newPage(), threeLaneMap('Flow comments'));
  const amy = await person(browser, made.editUrl, 'Amy');
  await amy
    .getByTestId('rf__edge-f3')
    .locator('.react-flow__edge-interaction')
    .click({ force: true });
  await expect(amy.getByTestId('add-comment')).toContainText('On the selected flow');
  await addComment(amy, 'Question', 'Who books when the GP is away?');
  const marker = amy.getByTestId('rf__edge-f3').getByTestId('flow-comment-marker');
  await expect(marker).toHaveText('? 1');
  await expect(marker).toHaveClass(/flow__comments--question/);
  await expect(amy.getByTestId('rf__edge-f3')).toHaveAttribute(
    'aria-label',
    /; 1 open comment, a question$/,
  );
  await expect(amy.getByTestId('comment')).toContainText('on Triage referral → Book clinic');
  await amy.context().close();
});

test('in the comment box Enter sends and Shift+Enter starts a new line; the box grows to show every line', async ({
  browser,
}) => {
  const made = await makeMap(await browser.newPage(), threeLaneMap('Comment keys'));
  const amy = await person(browser, made.editUrl, 'Amy');
  await step(amy, 'Book clinic').click();
  await amy.keyboard.press('Alt+c');
  const box = amy.getByTestId('add-comment').getByLabel('Comment', { exact: true });
  await expect(box).toBeFocused();
  await expect(amy.getByTestId('add-comment-hint')).toHaveText(
    'Enter sends · Shift+Enter new line',
  );
  await expect(amy.getByTestId('status-line')).toContainText('Enter sends it');

  const lines = ['Letters wait a week', 'then a second week', 'and a third', 'and a fourth'];
  const height = () => box.evaluate((el) => el.getBoundingClientRect().height);
  const twoRows = await height();
  await amy.keyboard.type(lines[0]!);
  for (const line of lines.slice(1)) {
    await amy.keyboard.press('Shift+Enter');
    await amy.keyboard.type(line);
  }
  await expect(box).toHaveValue(lines.join('\n'));
  // Every line in view: the box grew, nothing scrolled out of it.
  expect(await height()).toBeGreaterThan(twoRows + 20);
  expect(await box.evaluate((el) => el.scrollTop)).toBe(0);
  expect(await box.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);
  await amy.screenshot({ path: test.info().outputPath('comment-box-lines.png') });

  await amy.keyboard.press('Enter');
  const card = amy.getByTestId('comment');
  await expect(card).toHaveCount(1);
  await expect(card.locator('.comment__text')).toHaveText(lines.join('\n'));
  await expect(box).toHaveValue('');
  await expect(box).toBeFocused();
  await expect.poll(height).toBeLessThan(twoRows + 2);

  // The shortcuts list tells it too.
  await amy.locator('.react-flow__pane').click({ position: { x: 600, y: 500 } });
  await amy.keyboard.press('?');
  const shortcuts = amy.getByTestId('shortcuts-dialog');
  await expect(shortcuts).toContainText('In the comment box: send the comment');
  await expect(shortcuts).toContainText('In the comment box: start a new line');
  await amy.context().close();
});
