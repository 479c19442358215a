import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { analyze, formatMinutes } from '@procmap/analysis';
import type { ProcessMap } from '@procmap/model';
import { makeMap, openLink, step } from './editor-helpers';

const file = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '..', '..', '..', 'examples', 'hospital-discharge.procmap.json'),
    'utf8',
  ),
) as ProcessMap;
const hoursPerDay = file.settings?.hoursPerDay ?? 7.5;

test('the analysis panel shows the metrics, selects a finding’s steps, and follows a colleague’s edit', async ({
  page,
  browser,
}) => {
  const expected = analyze(file);
  const made = await makeMap(page, file);
  await openLink(page, made.editUrl);
  await page.getByRole('tab', { name: 'Analysis' }).click();
  const panel = page.getByTestId('analysis-panel');
  const metric = (name: string) =>
    panel.getByTestId('metrics').locator('.metric', { hasText: name }).locator('dd');

  // The same figures as the analysis package computes for this file.
  await expect(metric('Lead time')).toHaveText(
    formatMinutes(expected.metrics.leadTime, hoursPerDay),
  );
  await expect(metric('Hands-on work')).toHaveText(
    formatMinutes(expected.metrics.processTime, hoursPerDay),
  );
  await expect(metric('Process cycle efficiency')).toHaveText(
    `${Math.round((expected.metrics.processCycleEfficiency ?? 0) * 1000) / 10}%`,
  );
  await expect(metric('Handoffs per case')).toHaveText(
    String(Math.round(expected.metrics.handoffs * 10) / 10),
  );
  // The longest wait reads as the finding does: per case on average, with the step's own wait.
  const longest = expected.metrics.longestWait!;
  await expect(panel.locator('.metric-notes')).toContainText(
    `${formatMinutes(longest.waitTime, hoursPerDay)} per case`,
  );
  await expect(panel.getByTestId('finding')).toHaveCount(expected.findings.length);

  // The room's open pain points are listed beside the computed findings.
  const pains = (file.comments ?? []).filter(
    (c) => (c.kind === 'pain-point' || c.kind === 'idea') && !c.resolved,
  );
  expect(pains.length).toBeGreaterThan(0);
  await expect(panel.getByTestId('room-pain-points').locator('li')).toHaveCount(pains.length);
  await expect(panel.getByTestId('room-pain-points')).toContainText(pains[0]!.text);

  // Steps the analysis names carry a badge.
  const named = new Set(expected.findings.flatMap((f) => f.stepIds));
  await expect(page.getByTestId('finding-badge')).toHaveCount(named.size);

  // Clicking the duplicated NHS number selects every step that keys it in.
  const nhs = expected.findings.find(
    (f) => f.rule === 'duplicate-data-entry' && f.message.includes('NHS number'),
  )!;
  await panel.getByTestId('finding').filter({ hasText: 'NHS number' }).click();
  await expect(page.locator('.step.is-selected')).toHaveCount(nhs.stepIds.length);
  for (const id of nhs.stepIds) {
    await expect(page.locator(`[data-step-id="${id}"]`)).toHaveClass(/is-selected/);
  }

  // The heat overlay colours steps by their wait.
  await panel.getByLabel('Wait', { exact: true }).check();
  await expect(page.locator('[data-step-id="transport-wait"]')).toHaveAttribute('data-heat', '100');
  await panel.getByLabel('Off').check();
  await expect(page.locator('[data-heat]')).toHaveCount(0);

  // A colleague shortens the transport wait: the panel here updates by itself.
  const colleague = await (await browser.newContext()).newPage();
  await openLink(colleague, made.editUrl);
  await step(colleague, 'Wait for transport').click();
  const wait = colleague.getByLabel('Wait before', { exact: true });
  await wait.fill('30m');
  await wait.press('Enter');
  const edited: ProcessMap = {
    ...file,
    steps: file.steps.map((s) => (s.id === 'transport-wait' ? { ...s, waitTime: 30 } : s)),
  };
  const after = analyze(edited).metrics.leadTime;
  expect(after).toBeLessThan(expected.metrics.leadTime);
  await expect(metric('Lead time')).toHaveText(formatMinutes(after, hoursPerDay));
  await colleague.context().close();
});

test('the Analysis tab opens at its top, wherever the properties were scrolled to', async ({
  page,
}) => {
  const made = await makeMap(page, file);
  await openLink(page, made.editUrl);
  await step(page, 'Write discharge summary').click();
  const body = page.getByRole('tabpanel');
  await expect(body.getByLabel('Wait before', { exact: true })).toBeVisible();
  // Scrolled down the properties of a step...
  await body.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await expect.poll(() => body.evaluate((el) => el.scrollTop)).toBeGreaterThan(100);
  // ...the Analysis tab still opens at its first figures.
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await expect(page.getByTestId('metrics')).toBeVisible();
  await expect.poll(() => body.evaluate((el) => el.scrollTop)).toBe(0);
  await expect(page.getByTestId('metrics')).toBeInViewport();
});

test('an empty map says what the analysis needs', async ({ page }) => {
  const made = await makeMap(page, {
    format: 'procmap',
    version: 1,
    title: 'Empty',
    roles: [],
    steps: [],
    flows: [],
  });
  await openLink(page, made.editUrl);
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await expect(page.getByTestId('analysis-panel')).toContainText('Add steps');
});

test('a map’s own analysis thresholds change what the analysis finds', async ({ page }) => {
  const made = await makeMap(page, file);
  await openLink(page, made.editUrl);
  await page.getByRole('tab', { name: 'Analysis' }).click();
  const handoffs = page.getByTestId('finding').and(page.locator('[data-rule="handoff"]'));
  await expect(handoffs).toHaveCount(1);

  // Raise the handoff threshold above this map's share: the finding goes.
  await page.getByRole('tab', { name: 'Properties' }).click();
  await page.getByTestId('analysis-thresholds').locator('summary').click();
  const field = page.getByLabel('Handoffs: share of flows above (%)');
  await field.fill('90');
  await field.press('Enter');
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await expect(handoffs).toHaveCount(0);
  const stored = (await (
    await page.request.get(`/api/maps/${made.id}?token=${new URL(made.editUrl).hash.slice(7)}`)
  ).json()) as ProcessMap;
  expect(stored.settings?.analysis).toEqual({ handoffShare: 0.9 });
});
