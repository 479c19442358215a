import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';
import { makeMap, openLink, step, threeLaneMap, renameStep as rename } from './editor-helpers';

/*
 * A merge that drops someone's edit says so: two people rename the same step while one is
 * offline, and whoever's rename was not kept is told which name was, and can put theirs back;
 * a step renamed offline and deleted meanwhile by someone else is reported too.
 */

async function twoPeople(browser: Browser, contexts: BrowserContext[], url: string) {
  const pages: Page[] = [];
  for (let i = 0; i < 2; i++) {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await openLink(page, url);
    pages.push(page);
  }
  return pages as [Page, Page];
}

test('two renames of one step made apart: the one not kept is told, and can put theirs back', async ({
  browser,
  page,
}) => {
  const contexts: BrowserContext[] = [];
  const map = await makeMap(page, threeLaneMap('Crossed renames'));
  const [ann, bob] = await twoPeople(browser, contexts, map.editUrl);

  await bob.context().setOffline(true);
  await expect(bob.getByTestId('connection-status')).toHaveText('Offline');
  await rename(bob, 'Book clinic', 'Book clinic by phone');
  await rename(ann, 'Book clinic', 'Book clinic online');
  await expect(ann.getByTestId('save-status')).toHaveText('Saved');
  await bob.context().setOffline(false);
  await expect(bob.getByTestId('save-status')).toHaveText('Saved');

  // Both end with the same name, and exactly one of them hears that theirs was not kept.
  const labels = async (p: Page) => (await p.getByTestId('step-label').allTextContents()).sort();
  await expect
    .poll(async () => JSON.stringify(await labels(ann)) === JSON.stringify(await labels(bob)))
    .toBe(true);
  const kept = (await step(ann, 'Book clinic online').count()) > 0 ? 'online' : 'by phone';
  const [loser, winner, mine] =
    kept === 'online' ? [bob, ann, 'Book clinic by phone'] : [ann, bob, 'Book clinic online'];
  const notice = loser.getByTestId('crossed-edits');
  await expect(notice).toContainText(`“Book clinic ${kept}” was kept, not your “${mine}”`);
  await expect(winner.getByTestId('crossed-edits')).toHaveCount(0);

  await notice.getByRole('button', { name: `Use “${mine}”` }).click();
  await expect(step(winner, mine)).toHaveCount(1);
  await expect(notice).toHaveCount(0);
  for (const context of contexts) await context.close();
});

test('a step renamed offline and deleted meanwhile by someone else is reported', async ({
  browser,
  page,
}) => {
  const contexts: BrowserContext[] = [];
  const map = await makeMap(page, threeLaneMap('Crossed delete'));
  const [ann, bob] = await twoPeople(browser, contexts, map.editUrl);

  await bob.context().setOffline(true);
  await expect(bob.getByTestId('connection-status')).toHaveText('Offline');
  await rename(bob, 'Triage referral', 'Triage referral (GP)');
  await step(ann, 'Triage referral').click();
  await ann.keyboard.press('Delete');
  await expect(step(ann, 'Triage referral')).toHaveCount(0);
  await expect(ann.getByTestId('save-status')).toHaveText('Saved');
  await bob.context().setOffline(false);

  await expect(bob.getByTestId('crossed-edits')).toContainText(
    'The step you renamed “Triage referral (GP)” was deleted by someone else while you were offline.',
  );
  await expect(step(bob, 'Triage referral (GP)')).toHaveCount(0);
  await expect(ann.getByTestId('crossed-edits')).toHaveCount(0);
  for (const context of contexts) await context.close();
});
