import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { makeMap, openCompare, openLink } from '../e2e/editor-helpers';

// Writes the Compare view's screenshots under docs/screenshots: `npm run screenshots`.
const dir = join(import.meta.dirname, '..', '..', '..', 'docs', 'screenshots');

const roles = [
  { id: 'clerk', name: 'Referral clerk', headcount: 2, hourlyCost: 30 },
  { id: 'nurse', name: 'Triage nurse', headcount: 2, hourlyCost: 60 },
  { id: 'consultant', name: 'Consultant', headcount: 1, hourlyCost: 120 },
];
const at = (x: number) => ({ x, y: 0 });
const asIsSteps = (triageWait: number) => [
  { id: 'in', roleId: 'clerk', kind: 'start', label: 'Referral letter arrives', position: at(0) },
  {
    id: 'key',
    roleId: 'clerk',
    kind: 'task',
    label: 'Key referral into PAS',
    processTime: 10,
    waitTime: 240,
    position: at(200),
  },
  {
    id: 'triage',
    roleId: 'nurse',
    kind: 'task',
    label: 'Triage referral',
    processTime: 15,
    waitTime: triageWait,
    valueClass: 'value-adding',
    position: at(400),
  },
  {
    id: 'review',
    roleId: 'consultant',
    kind: 'task',
    label: 'Consultant review',
    processTime: 10,
    waitTime: 960,
    valueClass: 'value-adding',
    position: at(600),
  },
  { id: 'out', roleId: 'clerk', kind: 'end', label: 'Appointment booked', position: at(800) },
];
const chain = [
  { id: 'f1', from: 'in', to: 'key' },
  { id: 'f2', from: 'key', to: 'triage' },
  { id: 'f3', from: 'triage', to: 'review' },
  { id: 'f4', from: 'review', to: 'out' },
];

const file = {
  format: 'procmap',
  version: 1,
  title: 'Outpatient referral',
  settings: { demand: { count: 30, per: 'day' }, currency: 'GBP' },
  roles,
  steps: asIsSteps(480),
  flows: chain,
  comments: [
    {
      id: 'idea-portal',
      kind: 'idea',
      author: 'Priya',
      text: 'GPs refer through the e-referral portal: no re-keying',
      createdAt: '2026-12-01T09:00:00Z',
    },
  ],
  scenarios: [
    {
      id: 'portal',
      name: 'To-be: e-referral portal',
      description: 'Referrals arrive keyed in; the nurse triages the same day',
      ideas: ['idea-portal'],
      roles,
      steps: asIsSteps(120).filter((s) => s.id !== 'key'),
      flows: [{ id: 'p1', from: 'in', to: 'triage' }, ...chain.slice(2)],
    },
    {
      id: 'nurse-led',
      name: 'Nurse-led triage only',
      roles,
      steps: asIsSteps(480).map((s) =>
        s.id === 'review' ? { ...s, roleId: 'nurse', label: 'Nurse review', waitTime: 240 } : s,
      ),
      flows: chain,
    },
  ],
};

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() =>
    localStorage.setItem(
      'procmap:identity',
      JSON.stringify({ name: 'Sam Facilitator', color: '#0369a1', chosen: true }),
    ),
  );
});

test('screenshots of the Compare view: the tables, and the simulated lead times', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 1500 });
  const made = await makeMap(page, file);
  await openLink(page, made.editUrl);
  await openCompare(page);
  const view = page.getByTestId('compare-view');
  await expect(view.getByTestId('compare-metrics')).toBeVisible();
  await view.screenshot({ path: join(dir, 'compare-view.png') });

  await view.getByRole('button', { name: 'Simulate all' }).click();
  await expect(view.getByTestId('compare-legend').locator('li')).toHaveCount(3, {
    timeout: 30_000,
  });
  await view.getByRole('heading', { name: 'Simulated lead times' }).scrollIntoViewIfNeeded();
  await view
    .getByTestId('compare-overlay')
    .screenshot({ path: join(dir, 'compare-simulated.png') });
});
