import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { simulate } from '@procmap/simulation';
import { expectAccessible } from './axe';
import { expectConnected, makeMap, openLink, step, threeLaneMap } from './editor-helpers';

/*
 * The Simulate tab: a run in a worker with a progress bar, its results (summary, histogram with
 * p50 and p90, a bar per role, where cases queue, the queue overlay on the map), cancelling a
 * long run, and a re-run once the map has changed. Runs go through the real engine.
 */

const invoices = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '../../../examples/invoice-approval.procmap.json'),
    'utf8',
  ),
);

/** A run through a 42-step template takes seconds: the tests wait for the engine, not a clock. */
const RUN = { timeout: 60_000 };

/** Opens the panel's Simulate tab by the keyboard: the tabs pattern's arrows, from Analysis. */
async function openSimulateTab(page: Page) {
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await page.keyboard.press('ArrowRight');
  const tab = page.getByRole('tab', { name: 'Simulate' });
  await expect(tab).toBeFocused();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  const panel = page.getByTestId('simulation-panel');
  await expect(panel).toBeVisible();
  return panel;
}

/** The row of one role in the utilisation chart. */
const roleRow = (page: Page, id: string) =>
  page.locator(`[data-testid="role-row"][data-role-id="${id}"]`);

test.describe.configure({ timeout: 120_000 });

test('a template with demand: run it, watch the progress, read the results', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Outpatient referral/ }).click();
  await expectConnected(page);
  await expect(page.getByTestId('step')).toHaveCount(42);
  const panel = await openSimulateTab(page);

  // The inputs it will use are shown, from the defaults (the template sets none).
  await expect(panel.getByLabel('Cases', { exact: true })).toHaveValue('10000');
  await expect(panel.getByLabel('Replications')).toHaveValue('10');
  await expect(panel.getByLabel('Warm-up cases')).toHaveValue(''); // chosen for the map
  await expect(panel.getByLabel('Seed')).toHaveValue('1');

  // Run: a progress bar with its value, and the keyboard on Cancel meanwhile.
  await panel.getByRole('button', { name: 'Run simulation' }).click();
  const progress = panel.getByRole('progressbar', { name: 'Simulation progress' });
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute('aria-valuenow', /^\d+$/);
  await expect(panel.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expect(page.getByTestId('sim-announcer')).toHaveText('Simulation started.');

  // The results: the summary sentence, the histogram with p50 and p90 marked, the figures.
  const summary = panel.getByTestId('sim-summary');
  // The template's consultants cannot keep up: the sentence leads with that.
  await expect(summary).toContainText('Consultant cannot keep up', RUN);
  await expect(summary).toContainText("9 in 10 of this run's cases finished within");
  await expect(progress).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Run again' })).toBeFocused();
  await expect(page.getByTestId('sim-announcer')).toContainText(
    'Simulation finished. Consultant cannot keep up',
  );
  const chart = panel.getByRole('img', { name: /Lead times of [\d,]+ simulated cases/ });
  await expect(chart).toBeVisible();
  expect(await chart.locator('rect.sim-histogram__bar').count()).toBeGreaterThan(3);
  await expect(panel.getByTestId('marker-p50')).toHaveText(/^p50 \d/);
  await expect(panel.getByTestId('marker-p90')).toHaveText(/^p90 \d/);
  // The text alternative and the table say the same as the picture.
  await panel.getByText('The chart as a table').click();
  expect(await panel.locator('.sim-histogram__table tbody tr').count()).toBeGreaterThan(3);
  // The consultants cannot keep up: the mean lead time is said not to be steady.
  await expect(panel.getByTestId('sim-mean')).toContainText('not steady: grows the longer the run');
  await expect(panel.getByTestId('sim-throughput')).toContainText('cases an hour');
  await expect(panel.getByTestId('sim-next-inputs')).toHaveText(
    'Inputs 10,000 cases × 10 replications, a warm-up chosen for the map, seed 1',
  );
  await expect(panel.getByTestId('sim-used')).toHaveText(
    /^This run used: 10,000 cases × 10 replications, [\d,]+ warm-up cases each \(chosen for the map\), seed 1\.$/,
  );
  await expect(panel.getByTestId('sim-version')).toContainText('on the map as it is now');

  // The consultants cannot keep up: red, and said in words with how fast the queue grows.
  const consultant = roleRow(page, 'consultant');
  await expect(consultant).toHaveAttribute('data-state', 'overloaded');
  await expect(consultant.getByTestId('role-utilisation-text')).toHaveText('! Overloaded');
  await expect(consultant.getByTestId('role-warning')).toContainText('Consultant cannot keep up');
  await expect(consultant.locator('.sim-role__fill')).toHaveCSS(
    'background-color',
    'rgb(180, 35, 24)',
  );
  // Patients have no headcount: no bar, and the words say why.
  await expect(roleRow(page, 'patient')).toContainText('No headcount: as many people as needed');
  await expect(roleRow(page, 'patient').locator('.sim-role__track')).toHaveCount(0);
  await expect(roleRow(page, 'gp')).toContainText(/\d+% busy/);
  await expect(panel.getByTestId('queue-steps').getByRole('button').first()).toBeVisible();

  await page.screenshot({ path: test.info().outputPath('simulation-results.png') });
  await expectAccessible(page, 'the simulation results', { include: '#properties-panel' });

  // The queue at each step on the map, with its legend; the analysis heat turns it off.
  await panel.getByLabel('Colour the steps by their queue').check();
  const legend = page.getByTestId('heat-legend');
  await expect(legend).toContainText('Heat: queue at each step, per case');
  await expect(page.locator('[data-heat="100"]')).toHaveCount(1);
  await expect(page.getByTestId('heat-value').first()).toHaveText(/Queue|No queue/);
  await page.screenshot({ path: test.info().outputPath('simulation-overlay.png') });
  await expectAccessible(page, 'the queue overlay', { examined: ['[data-heat]'] });
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await page.getByRole('radio', { name: 'Wait' }).check();
  await expect(legend).toContainText('Heat: wait before each step');
  await page.getByRole('tab', { name: 'Simulate' }).click();
  await expect(panel.getByLabel('Colour the steps by their queue')).not.toBeChecked();
  await panel.getByLabel('Colour the steps by their queue').check();
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await expect(page.getByRole('radio', { name: 'Off' })).toBeChecked();
  await legend.getByRole('button', { name: 'Turn off' }).click();
  await expect(page.locator('[data-heat]')).toHaveCount(0);
});

test('a long run is cancelled, and the map stays live while it runs', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Hospital discharge/ }).click();
  await expectConnected(page);
  const panel = await openSimulateTab(page);

  // A million cases ten times over: far longer than anyone waits.
  await panel.getByLabel('Cases', { exact: true }).fill('1,000,000');
  await panel.getByRole('button', { name: 'Run simulation' }).click();
  const progress = panel.getByRole('progressbar');
  await expect(progress).toBeVisible();
  await expect(panel.getByTestId('sim-progress')).toContainText(
    'Simulating 1,000,000 cases × 10 replications',
  );
  // The inputs of a run under way are shown, not changed.
  await expect(panel.getByLabel('Cases', { exact: true })).toHaveJSProperty('readOnly', true);
  await expect
    .poll(async () => Number(await progress.getAttribute('aria-valuenow')), RUN)
    .toBeGreaterThan(0);

  // The canvas answers meanwhile: a step is selected at a click.
  await step(page, 'Confirm discharge on ward round').click();
  await expect(step(page, 'Confirm discharge on ward round')).toHaveClass(/is-selected/);

  const cancel = panel.getByRole('button', { name: 'Cancel' });
  await cancel.focus();
  await page.keyboard.press('Enter');
  await expect(progress).toHaveCount(0);
  await expect(panel.getByTestId('sim-cancelled')).toHaveText('Cancelled.');
  await expect(panel.getByRole('button', { name: 'Run simulation' })).toBeFocused();
  await expect(page.getByTestId('sim-announcer')).toHaveText('Simulation cancelled.');
  await expect(panel.getByTestId('sim-results')).toHaveCount(0);
  // Nothing finishes later: the cancelled run is gone.
  await expect(panel.getByLabel('Cases', { exact: true })).toHaveJSProperty('readOnly', false);
});

test('a headcount changed after a run: the results say so, and a re-run shows the change', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Outpatient referral/ }).click();
  await expectConnected(page);
  const panel = await openSimulateTab(page);
  await panel.getByRole('button', { name: 'Run simulation' }).click();
  await expect(panel.getByTestId('sim-summary')).toBeVisible(RUN);
  const consultant = roleRow(page, 'consultant');
  await expect(consultant).toHaveAttribute('data-state', 'overloaded');

  // A third consultant, in the map settings.
  await page.getByRole('tab', { name: 'Properties' }).click();
  await page.keyboard.press('Escape'); // nothing selected: the map's settings
  const settings = page.getByTestId('map-settings');
  const consultants = settings
    .getByTestId('role-settings')
    .filter({ has: page.locator('legend', { hasText: /^Consultant$/ }) });
  await consultants.getByLabel('Headcount').fill('3');
  await consultants.getByLabel('Headcount').press('Enter');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  await page.getByRole('tab', { name: 'Simulate' }).click();
  const stale = panel.getByTestId('sim-stale');
  await expect(stale).toContainText('The map has changed since this run');
  await page.screenshot({ path: test.info().outputPath('simulation-stale.png') });
  await stale.getByRole('button', { name: 'Re-run' }).click();
  await expect(panel.getByRole('progressbar')).toBeVisible();
  await expect(stale).toHaveCount(0, RUN);
  await expect(panel.getByTestId('sim-version')).toContainText('on the map as it is now');

  // Three consultants keep up: a share of their time, no longer overloaded.
  await expect(consultant).not.toHaveAttribute('data-state', 'overloaded');
  await expect(consultant.getByTestId('role-utilisation-text')).toHaveText(/^\d+% busy/);
  await expect(consultant.getByTestId('role-warning')).toHaveCount(0);
  await expect(consultant).toContainText('3 people');
});

test('a view-only visitor runs it too; a map without demand says what to add', async ({ page }) => {
  const made = await makeMap(page, invoices);
  await openLink(page, made.viewUrl);
  await expect(page.getByText('View only', { exact: true })).toBeVisible();
  const panel = await openSimulateTab(page);
  await panel.getByLabel('Seed').fill('7');
  await panel.getByRole('button', { name: 'Run simulation' }).click();
  await expect(panel.getByTestId('sim-summary')).toContainText('9 in 10 cases', RUN);
  await expect(panel.getByTestId('sim-next-inputs')).toContainText('seed 7');
  // Inputs changed after a run: the results still say which they came from.
  await panel.getByTestId('sim-next-inputs').click();
  await panel.getByLabel('Warm-up cases').fill('600');
  await panel.getByLabel('Replications').fill('3');
  await panel.getByRole('button', { name: 'Run again' }).click();
  await expect(panel.getByTestId('sim-used')).toHaveCount(0, RUN);
  await expect(panel.getByTestId('sim-next-inputs')).toContainText(
    '10,000 cases × 3 replications, 600 warm-up cases each, seed 7 (this run only)',
  );
  await panel.getByTestId('sim-next-inputs').click();
  await panel.getByLabel('Seed').fill('8');
  await expect(panel.getByTestId('sim-next-inputs')).toContainText('seed 8 (this run only)');
  await expect(panel.getByTestId('sim-used')).toHaveText(
    'This run used: 10,000 cases × 3 replications, 600 warm-up cases each, seed 7.',
  );

  // No demand: a list of what to add, naming where; nothing is run.
  const bare = await makeMap(page, threeLaneMap('No demand yet'));
  await openLink(page, bare.editUrl);
  const empty = await openSimulateTab(page);
  await empty.getByRole('button', { name: 'Run simulation' }).click();
  const problems = empty.getByTestId('sim-problems');
  await expect(problems).toContainText('The map cannot be simulated yet');
  await expect(problems.locator('[data-code="no-demand"]')).toContainText('Set the demand');
  await expect(page.getByTestId('sim-announcer')).toContainText('cannot be simulated yet');
  await expectAccessible(page, 'the simulation problems', { include: '#properties-panel' });
  await problems.getByRole('button', { name: 'Open the map settings' }).click();
  await expect(page.getByTestId('map-settings')).toBeVisible();

  // A field that does not read keeps the run from starting and says what to type.
  await page.getByRole('tab', { name: 'Simulate' }).click();
  // The inputs fold under their sentence once a run starts; a click opens them again.
  await empty.getByTestId('sim-next-inputs').click();
  await empty.getByLabel('Replications').fill('none');
  await empty.getByRole('button', { name: 'Run simulation' }).click();
  await expect(empty.getByLabel('Replications')).toBeFocused();
  await expect(empty.getByLabel('Replications')).toHaveAttribute('aria-invalid', 'true');
  await expect(empty).toContainText('Type a whole number from 1 to 1,000.');
});

test('the same seed gives the browser the same numbers as Node, and the results download as JSON', async ({
  page,
}) => {
  const made = await makeMap(page, invoices);
  await openLink(page, made.editUrl);
  const panel = await openSimulateTab(page);
  const inputs = { cases: 1500, replications: 3, warmup: 200, seed: 42 };
  await panel.getByLabel('Cases', { exact: true }).fill(String(inputs.cases));
  await panel.getByLabel('Replications').fill(String(inputs.replications));
  await panel.getByLabel('Warm-up cases').fill(String(inputs.warmup));
  await panel.getByLabel('Seed').fill(String(inputs.seed));
  await panel.getByRole('button', { name: 'Run simulation' }).click();
  await expect(panel.getByTestId('sim-summary')).toContainText('9 in 10 cases', RUN);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: 'Download the results (JSON)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('Invoice-approval-simulation.json');
  const fromBrowser = JSON.parse(readFileSync(await download.path(), 'utf8'));
  // The map as the server holds it, simulated here in Node with the same inputs.
  const id = new URL(made.editUrl).pathname.split('/').at(-1) as string;
  const token = new URLSearchParams(new URL(made.editUrl).hash.slice(1)).get('token') ?? '';
  const stored = await (await page.request.get(`/api/maps/${id}?token=${token}`)).json();
  const inNode = simulate(stored, inputs);
  if (!inNode.ok) throw new Error(inNode.problems.map((p) => p.message).join('; '));
  expect(fromBrowser).toEqual(inNode.result);
  // And another seed gives other numbers.
  const other = simulate(stored, { ...inputs, seed: 43 });
  expect(other.ok && other.result.leadTime.mean).not.toBe(fromBrowser.leadTime.mean);
});
