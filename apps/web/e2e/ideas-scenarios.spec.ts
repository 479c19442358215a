import { type Browser, expect, type Page, test } from '@playwright/test';
import { makeMap, openLink } from './editor-helpers';

/*
 * Linking an idea to the scenarios that take it up, from the idea's card in the Comments tab:
 * everyone on the map sees "Taken up in: …" at once; a view-only link reads it but has nothing
 * to tick.
 */

const roles = [{ id: 'clerk', name: 'Clerk' }];
const steps = [
  { id: 'a', roleId: 'clerk', kind: 'start', label: 'Referral arrives', position: { x: 0, y: 0 } },
  { id: 'b', roleId: 'clerk', kind: 'end', label: 'Booked', position: { x: 200, y: 0 } },
];
const flows = [{ id: 'f1', from: 'a', to: 'b' }];
const file = {
  format: 'procmap',
  version: 1,
  title: 'Ideas and scenarios',
  roles,
  steps,
  flows,
  comments: [
    {
      id: 'idea1',
      kind: 'idea',
      author: 'Ana',
      text: 'Let referrers book through a portal',
      createdAt: '2026-12-01T09:00:00Z',
    },
    {
      id: 'pain1',
      kind: 'pain-point',
      author: 'Ana',
      text: 'Letters wait in the tray',
      createdAt: '2026-12-01T09:05:00Z',
    },
  ],
  scenarios: [
    { id: 'portal', name: 'To-be portal', roles, steps, flows },
    { id: 'clerk', name: 'Clerk on Mondays', roles, steps, flows },
  ],
};

async function commentsTab(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await openLink(page, url);
  await page.getByRole('tab', { name: 'Comments' }).click();
  return page;
}

const idea = (page: Page) =>
  page.getByTestId('comment').filter({ hasText: 'Let referrers book through a portal' });

test('an idea linked to a scenario says where it is taken up, for everyone', async ({
  browser,
}) => {
  const made = await makeMap(await browser.newPage(), file);
  const alice = await commentsTab(browser, made.editUrl);
  const bob = await commentsTab(browser, made.editUrl);
  const viewer = await commentsTab(browser, made.viewUrl);

  await expect(idea(alice).getByTestId('idea-taken-up')).toHaveText(
    'Not taken up in a scenario yet.',
  );
  // Only ideas are linked: the pain point has no such line.
  await expect(
    alice.getByTestId('comment').filter({ hasText: 'Letters wait' }).getByTestId('idea-taken-up'),
  ).toHaveCount(0);

  await idea(alice).getByText('Scenarios that take it up…').click();
  await idea(alice).getByRole('checkbox', { name: 'To-be portal' }).check();
  await expect(idea(alice).getByTestId('idea-taken-up')).toHaveText('Taken up in: To-be portal');
  await expect(idea(bob).getByTestId('idea-taken-up')).toHaveText('Taken up in: To-be portal');
  await expect(idea(viewer).getByTestId('idea-taken-up')).toHaveText('Taken up in: To-be portal');
  await expect(idea(viewer).getByText('Scenarios that take it up…')).toHaveCount(0);

  // Bob adds the second scenario; Alice sees both, then unlinks the portal.
  await idea(bob).getByText('Scenarios that take it up…').click();
  await idea(bob).getByRole('checkbox', { name: 'Clerk on Mondays' }).check();
  await expect(idea(alice).getByTestId('idea-taken-up')).toHaveText(
    'Taken up in: To-be portal, Clerk on Mondays',
  );
  await idea(alice).getByRole('checkbox', { name: 'To-be portal' }).uncheck();
  await expect(idea(bob).getByTestId('idea-taken-up')).toHaveText('Taken up in: Clerk on Mondays');
  await expect(idea(bob).getByRole('checkbox', { name: 'To-be portal' })).not.toBeChecked();

  // The link is in the stored map: the scenario lists the idea.
  const u = new URL(made.editUrl);
  const token = new URLSearchParams(u.hash.slice(1)).get('token') as string;
  await expect
    .poll(async () => {
      const res = await alice.request.get(
        `/api/maps/${made.id}?token=${encodeURIComponent(token)}`,
      );
      const stored = (await res.json()) as { scenarios?: { id: string; ideas?: string[] }[] };
      return stored.scenarios?.map((s) => [s.id, s.ideas ?? []]);
    })
    .toEqual([
      ['portal', []],
      ['clerk', ['idea1']],
    ]);
});
