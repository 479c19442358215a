import { expect, type Page, test } from '@playwright/test';
import { expectAccessible } from './axe';
import { expectConnected, makeMap, openLink, step, storedMap, viewSettled } from './editor-helpers';

/*
 * The simulation's inputs in the editor: how a step's times vary ("varies between … and …",
 * and the distribution behind it), how demand arrives, and a run's defaults. Each is typed in
 * the properties panel, lands in the shared document, and a crossed range is refused.
 */

interface Variation {
  readonly distribution: string;
  readonly min?: number;
  readonly max?: number;
  readonly cv?: number;
}

interface SimulationStep {
  readonly id: string;
  readonly processTime?: number;
  readonly waitTime?: number;
  readonly processVariation?: Variation;
  readonly waitVariation?: Variation;
}

/** A referral triaged by a nurse: ten minutes of her time after a half-hour wait. */
function triageMap(title: string) {
  return {
    format: 'procmap',
    version: 1,
    title,
    settings: { demand: { count: 40, per: 'day' } },
    roles: [{ id: 'nurse', name: 'Triage nurse', order: 0, headcount: 2 }],
    steps: [
      { id: 'in', roleId: 'nurse', kind: 'start', label: 'Referral arrives' },
      {
        id: 'triage',
        roleId: 'nurse',
        kind: 'task',
        label: 'Triage',
        processTime: 10,
        waitTime: 30,
      },
      { id: 'out', roleId: 'nurse', kind: 'end', label: 'Triaged' },
    ],
    flows: [
      { id: 'f1', from: 'in', to: 'triage' },
      { id: 'f2', from: 'triage', to: 'out' },
    ],
  };
}

/** The triage step as the server stores it now. */
async function storedTriage(page: Page): Promise<SimulationStep | undefined> {
  const map = await storedMap(page);
  return (map.steps as readonly SimulationStep[]).find((s) => s.id === 'triage');
}

test('a range typed by keyboard sets a triangular variation; a distribution is picked; a crossed range is refused', async ({
  page,
}) => {
  const made = await makeMap(page, triageMap('Triage variation'));
  await openLink(page, made.editUrl);
  const panel = page.getByTestId('properties-panel');
  await step(page, 'Triage').click();
  const processTime = panel.getByLabel('Process time', { exact: true });
  const from = panel.getByTestId('processTime-min');
  const to = panel.getByTestId('processTime-max');
  await expect(from).toHaveAccessibleName('Varies between, shortest process time');
  await expect(to).toHaveAccessibleName('and, longest process time');
  await expect(from).toHaveAccessibleDescription('Empty: the same every time.');

  // When the facilitator tabs from the process time into the range and types both ends.
  await processTime.focus();
  await page.keyboard.press('Tab');
  await expect(from).toBeFocused();
  await page.keyboard.type('5');
  await page.keyboard.press('Tab');
  await expect(to).toBeFocused();
  // Half a range is not refused while the other end is being typed.
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await page.keyboard.type('30m');
  await page.keyboard.press('Tab');

  // Then the range is triangular around the step's own time, for everyone.
  await expect(from).toHaveValue('5 min');
  await expect(to).toHaveValue('30 min');
  await expect(panel.getByTestId('processTime-variation')).toContainText('Most likely 10 min.');
  await expect
    .poll(async () => (await storedTriage(page))?.processVariation)
    .toEqual({ distribution: 'triangular', min: 5, max: 30 });

  // A time outside its own range is refused, saying what to do.
  await processTime.fill('45');
  await processTime.press('Enter');
  await expect(panel.getByRole('alert')).toHaveText(
    '45 min is outside the range it varies between (5 min to 30 min): change the range first.',
  );
  await processTime.press('Escape');
  await expect(processTime).toHaveValue('10 min');

  // When an analyst opens the distribution and picks uniform, the range stays.
  const details = panel.getByText('Distribution: Triangular');
  await details.click();
  const distribution = panel.getByLabel('Distribution of the process time');
  await distribution.selectOption('uniform');
  await expect(panel.getByText('Distribution: Uniform')).toBeVisible();
  await expect
    .poll(async () => (await storedTriage(page))?.processVariation)
    .toEqual({ distribution: 'uniform', min: 5, max: 30 });

  // Lognormal needs its cv before anything is written.
  await distribution.selectOption('lognormal');
  await expect(distribution).toHaveAccessibleDescription(
    'Give the coefficient of variation below to use lognormal.',
  );
  expect((await storedTriage(page))?.processVariation?.distribution).toBe('uniform');
  const cv = panel.getByLabel('Coefficient of variation of the process time');
  await cv.fill('0.5');
  await cv.press('Enter');
  await expect
    .poll(async () => (await storedTriage(page))?.processVariation)
    .toEqual({ distribution: 'lognormal', cv: 0.5 });
  await expect(from).toHaveValue('');

  // Ctrl+Z takes back only the last choice: uniform again.
  await cv.press('Escape');
  await page.keyboard.press('Control+z');
  await expect
    .poll(async () => (await storedTriage(page))?.processVariation)
    .toEqual({ distribution: 'uniform', min: 5, max: 30 });
  await expect(from).toHaveValue('5 min');

  // When the wait's range is typed the wrong way round, then it is refused beside the inputs.
  const waitFrom = panel.getByTestId('waitTime-min');
  const waitTo = panel.getByTestId('waitTime-max');
  await waitFrom.fill('2h');
  await waitTo.fill('1h');
  await waitTo.press('Enter');
  const refusal = 'The range goes from the shorter time to the longer: 2 h is above 1 h.';
  await expect(panel.getByRole('alert')).toHaveText(refusal);
  await expect(waitFrom).toHaveAttribute('aria-invalid', 'true');
  await expect(waitTo).toHaveAttribute('aria-invalid', 'true');
  await expect(waitFrom).toHaveAccessibleDescription(refusal);
  await expect(waitTo).toHaveAccessibleDescription(refusal);
  await expectAccessible(page, 'a refused range in the step panel', {
    include: '[data-testid="step-properties"]',
  });

  // A range that leaves out the usual wait is refused too; nothing reached the document.
  await waitFrom.fill('40');
  await waitTo.press('Enter');
  await expect(panel.getByRole('alert')).toHaveText(
    'The wait, 30 min, is the most likely value, so the range (40 min to 1 h) must include it.',
  );
  expect((await storedTriage(page))?.waitVariation).toBeUndefined();

  // Esc drops the typed range; a good one is written.
  await waitFrom.press('Escape');
  await expect(waitFrom).toHaveValue('');
  await waitFrom.fill('15');
  await waitTo.fill('2h');
  await waitTo.press('Enter');
  await expect(panel.getByRole('alert')).toHaveCount(0);

  // Then after a reload the panel shows what the document holds.
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.reload();
  await expectConnected(page);
  await viewSettled(page);
  await step(page, 'Triage').click();
  await expect(panel.getByTestId('waitTime-min')).toHaveValue('15 min');
  await expect(panel.getByTestId('waitTime-max')).toHaveValue('2 h');
  await expect(panel.getByText('Distribution: Uniform')).toBeVisible();
  expect(await storedTriage(page)).toMatchObject({
    processVariation: { distribution: 'uniform', min: 5, max: 30 },
    waitVariation: { distribution: 'triangular', min: 15, max: 120 },
  });

  // Clearing both ends: the wait no longer varies.
  await panel.getByTestId('waitTime-min').fill('');
  await panel.getByTestId('waitTime-max').fill('');
  await panel.getByTestId('waitTime-max').press('Enter');
  await expect.poll(async () => (await storedTriage(page))?.waitVariation).toBeUndefined();
});

test('demand arrivals and the simulation defaults are set in the map settings', async ({
  page,
}) => {
  const made = await makeMap(page, triageMap('Triage settings'));
  await openLink(page, made.editUrl);
  const settings = page.getByTestId('map-settings');
  await expect(settings).toBeVisible();

  await settings.getByLabel('Arrivals', { exact: true }).selectOption('even');
  const simulation = settings.getByTestId('simulation-settings');
  await expect(simulation.getByLabel('Cases per run')).toHaveAccessibleDescription(
    'Cases in each run (empty = 10,000)',
  );
  for (const [label, text] of [
    ['Cases per run', '2,000'],
    ['Replications', '5'],
    ['Warm-up cases', '100'],
    ['Seed', '7'],
  ] as const) {
    const field = simulation.getByLabel(label, { exact: true });
    await field.fill(text);
    await field.press('Enter');
  }
  // Changing the period keeps how cases arrive.
  await settings.getByLabel('Per', { exact: true }).selectOption('week');

  // A fraction is refused with a message tied to its field.
  const replications = simulation.getByLabel('Replications', { exact: true });
  await replications.fill('2.5');
  await replications.press('Enter');
  await expect(simulation.getByRole('alert')).toHaveText(
    'Replications must be a whole number, e.g. 10000.',
  );
  await expect(replications).toHaveAccessibleDescription(
    'Replications must be a whole number, e.g. 10000.',
  );
  await expectAccessible(page, 'the map settings with the simulation defaults', {
    include: '[data-testid="map-settings"]',
  });

  await expect
    .poll(async () => ((await storedMap(page)) as { settings?: unknown }).settings)
    .toEqual({
      demand: { count: 40, per: 'week', arrivals: 'even' },
      simulation: { cases: 2000, replications: 5, warmup: 100, seed: 7 },
    });

  // Emptying a field goes back to its default: the field leaves the file.
  await replications.fill('');
  await replications.press('Enter');
  await expect
    .poll(
      async () =>
        ((await storedMap(page)) as { settings?: { simulation?: unknown } }).settings?.simulation,
    )
    .toEqual({ cases: 2000, warmup: 100, seed: 7 });
});

test('a range typed in one browser shows in another on the same map', async ({ browser }) => {
  const alice = await (await browser.newContext()).newPage();
  const bob = await (await browser.newContext()).newPage();
  const made = await makeMap(alice, triageMap('Shared variation'));
  await openLink(alice, made.editUrl);
  await openLink(bob, made.editUrl);
  await step(alice, 'Triage').click();
  await step(bob, 'Triage').click();

  const from = alice.getByTestId('processTime-min');
  await from.fill('8');
  await alice.getByTestId('processTime-max').fill('20');
  await alice.getByTestId('processTime-max').press('Enter');

  await expect(bob.getByTestId('processTime-min')).toHaveValue('8 min');
  await expect(bob.getByTestId('processTime-max')).toHaveValue('20 min');
  await expect(bob.getByTestId('processTime-variation')).toContainText('Most likely 10 min.');

  await alice.context().close();
  await bob.context().close();
});
