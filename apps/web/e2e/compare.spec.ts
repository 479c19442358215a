import { type Browser, expect, type Page, test } from '@playwright/test';
import {
  portalFlows,
  portalSteps,
  referralFlows,
  referralRoles,
  referralSteps,
} from '@procmap/test-kit';
import { expectAccessible } from './axe';
import { openCompare as showCompare, makeMap, openLink, showProcess, step } from './editor-helpers';

/*
 * The Compare view in the editor (opened from the process switcher's menu): the as-is and two
 * scenarios of a referral worked by hand (lead time 1 h 45 min as-is, 35 min through the portal,
 * 2 h 45 min when the tray waits an hour longer), live as a colleague edits a scenario, simulated
 * under one seed, and a map without scenarios explaining how to make one.
 */

/** The referral pair's as-is steps (test-kit), placed left to right, "Key in" after `keyWait`. */
const asIsSteps = (keyWait: number) =>
  referralSteps(keyWait).map((s, i) => ({ ...s, position: { x: 200 * i, y: 0 } }));
/** The portal's steps, its check where the as-is has it. */
const toBeSteps = () =>
  portalSteps().map((s) => (s.id === 'check' ? { ...s, position: { x: 400, y: 0 } } : s));

function referral(title: string, withScenarios = true) {
  return {
    format: 'procmap',
    version: 1,
    title,
    settings: { demand: { count: 24, per: 'day' }, currency: 'GBP' },
    roles: referralRoles(),
    steps: asIsSteps(60),
    flows: referralFlows(),
    ...(withScenarios
      ? {
          scenarios: [
            {
              id: 'portal',
              name: 'To-be portal',
              roles: referralRoles(),
              steps: toBeSteps(),
              flows: portalFlows(),
            },
            {
              id: 'slower',
              name: 'Slower tray',
              roles: referralRoles(),
              steps: asIsSteps(120),
              flows: referralFlows(),
            },
          ],
        }
      : {}),
  };
}

async function openCompare(browser: Browser, url: string): Promise<Page> {
  // A page of its own context: axe needs one.
  const page = await (await browser.newContext()).newPage();
  await openLink(page, url);
  await showCompare(page);
  await expect(page.getByTestId('compare-view')).toBeVisible();
  return page;
}

/** The cell of `metric` in the column of `process`, found by the table's own headers. */
async function cell(page: Page, metric: string, process: string) {
  const table = page.getByTestId('compare-metrics');
  const heads = await table.locator('thead th').allTextContents();
  const column = heads.indexOf(process);
  expect(column, `column "${process}" in ${heads.join(', ')}`).toBeGreaterThan(0);
  return table
    .locator('tbody tr')
    .filter({ has: page.getByRole('rowheader', { name: metric, exact: true }) })
    .locator('td')
    .nth(column - 1);
}

test('the as-is and two scenarios side by side: figures, changes in words, roles, changes by step', async ({
  browser,
}) => {
  const made = await makeMap(await browser.newPage(), referral('Compare referral'));
  const page = await openCompare(browser, made.editUrl);
  const table = page.getByTestId('compare-metrics');
  await expect(table.locator('thead th')).toHaveText([
    'Metric',
    'As-is',
    'To-be portal',
    'Slower tray',
  ]);
  await expect(await cell(page, 'Lead time', 'As-is')).toHaveText('1 h 45 min');
  await expect(await cell(page, 'Lead time', 'To-be portal')).toHaveText(
    '35 min↓ −1 h 10 min, better',
  );
  await expect(await cell(page, 'Lead time', 'Slower tray')).toHaveText('2 h 45 min↑ +1 h, worse');
  await expect(await cell(page, 'Staff cost per case', 'To-be portal')).toContainText('£5.00');
  await expect(await cell(page, 'Staff cost per case', 'To-be portal')).toContainText('better');
  // Better and worse are coloured differently, and said in words besides.
  const better = (await cell(page, 'Lead time', 'To-be portal')).locator(
    '.compare-verdict--better',
  );
  const worse = (await cell(page, 'Lead time', 'Slower tray')).locator('.compare-verdict--worse');
  const colour = (l: typeof better) => l.evaluate((e) => getComputedStyle(e).color);
  expect(await colour(better)).not.toBe(await colour(worse));

  await expect(page.getByTestId('compare-roles').getByRole('rowheader')).toHaveText([
    'Clerk',
    'Nurse',
  ]);
  const portal = page.getByTestId('compare-changes').filter({ hasText: 'To-be portal' });
  await expect(portal).toContainText('“Key in” in Clerk');
  await expect(portal).toContainText('“Referral arrives” moves from Clerk to Nurse');
  await expect(
    page.getByTestId('compare-changes').filter({ hasText: 'Slower tray' }),
  ).toContainText('“Key in”: wait before 1 h → 2 h');
  // The portal leaves the clerk nothing to do: said as such, not as an improvement.
  await expect(
    page
      .getByTestId('compare-roles')
      .locator('tbody tr')
      .filter({ has: page.getByRole('rowheader', { name: 'Clerk', exact: true }) })
      .locator('td')
      .nth(1),
  ).toHaveText('0%↓ −26.7 pts, no work left');

  await expectAccessible(page, 'the Compare view', { include: '[data-testid="compare-view"]' });

  // Fewer columns from the picker; back to the map.
  await page.getByRole('checkbox', { name: 'Slower tray' }).uncheck();
  await expect(table.locator('thead th')).toHaveText(['Metric', 'As-is', 'To-be portal']);
  await page.getByRole('button', { name: 'Back to the map' }).click();
  await expect(page.getByTestId('compare-view')).toHaveCount(0);
});

test('a colleague deleting a step in a scenario shows in the Compare view at once', async ({
  browser,
}) => {
  const made = await makeMap(await browser.newPage(), referral('Compare live'));
  const alice = await openCompare(browser, made.editUrl);
  const bob = await browser.newPage();
  await openLink(bob, made.editUrl);
  await showProcess(bob, 'Slower tray');
  await step(bob, 'Key in').click();
  await bob.keyboard.press('Delete');
  await expect(step(bob, 'Key in')).toHaveCount(0);

  // The slower tray loses its keying: 2 h 45 min down to 35 min, now better than the as-is.
  await expect(await cell(alice, 'Lead time', 'Slower tray')).toHaveText(
    '35 min↓ −1 h 10 min, better',
  );
  await expect(
    alice.getByTestId('compare-changes').filter({ hasText: 'Slower tray' }),
  ).toContainText('“Key in” in Clerk');
  // The as-is keeps the step.
  await expect(await cell(alice, 'Lead time', 'As-is')).toHaveText('1 h 45 min');
});

test('Simulate all draws every process under one seed, with a legend in words', async ({
  browser,
}) => {
  const made = await makeMap(await browser.newPage(), referral('Compare simulate'));
  const page = await openCompare(browser, made.editUrl);
  await page.getByRole('button', { name: 'Simulate all' }).click();
  const legend = page.getByTestId('compare-legend');
  await expect(legend.locator('li')).toHaveCount(3, { timeout: 20_000 });
  await expect(legend.locator('li').nth(0)).toContainText('As-is (solid line): half the cases');
  await expect(legend.locator('li').nth(1)).toContainText('To-be portal (dashed line)');
  await expect(page.locator('.compare-overlay__chart .compare-series path')).toHaveCount(3);
  await expect(
    page.getByRole('img', { name: /Simulated lead times, all under seed \d+/ }),
  ).toBeVisible();
  await expectAccessible(page, 'the simulated comparison', {
    include: '[data-testid="compare-view"]',
  });
});

test('a map without scenarios explains how to make one', async ({ browser }) => {
  const made = await makeMap(await browser.newPage(), referral('No scenarios', false));
  const page = await openCompare(browser, made.editUrl);
  await expect(page.getByTestId('compare-empty')).toContainText('New scenario from as-is');
  await expect(page.getByTestId('compare-metrics')).toHaveCount(0);
  await expectAccessible(page, 'the empty Compare view', {
    include: '[data-testid="compare-view"]',
  });
});
