import { expect, test } from '@playwright/test';
import { makeMap, openLink, storedMap, threeLaneMap } from './editor-helpers';

test('clicking a flow selects it: label and share of cases in the panel, Delete removes it', async ({
  page,
}) => {
  const made = await makeMap(page, threeLaneMap('Flows'));
  await openLink(page, made.editUrl);
  const edge = page.getByTestId('rf__edge-f3');
  // Screen readers hear the steps' names, not their ids.
  await expect(edge).toHaveAttribute('aria-label', 'Handoff from Triage referral to Book clinic');
  await edge.locator('.react-flow__edge-interaction').click({ force: true });
  const panel = page.getByTestId('flow-properties');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('From Triage referral to Book clinic');
  await expect(panel).toContainText('Handoff');

  const label = panel.getByTestId('flow-label');
  await label.fill('Urgent');
  await label.press('Enter');
  const share = panel.getByTestId('flow-probability');
  await share.fill('80%');
  await share.press('Enter');
  await expect(edge).toContainText('Urgent · 80%');
  await expect
    .poll(async () => (await storedMap(page)).flows.find((f) => f.id === 'f3'))
    .toMatchObject({ label: 'Urgent', probability: 0.8 });

  // A share over 100% is refused with a message, and nothing is written.
  await share.fill('120');
  await share.press('Enter');
  await expect(panel.getByRole('alert')).toContainText('cannot be more than 100');
  await share.press('Escape');

  // Back on the canvas: Delete removes the selected flow; undo brings it back.
  await edge.locator('.react-flow__edge-interaction').click({ force: true });
  await page.keyboard.press('Delete');
  await expect(edge).toHaveCount(0);
  await expect.poll(async () => (await storedMap(page)).flows.length).toBe(3);
  await page.keyboard.press('Control+z');
  await expect(edge).toContainText('Urgent · 80%');
});
