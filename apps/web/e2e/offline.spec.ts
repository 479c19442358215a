import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';
import {
  expectConnected,
  makeMap,
  openLink,
  step,
  storedMap,
  threeLaneMap,
  typeInto,
  renameStep as rename,
} from './editor-helpers';

/*
 * Offline: the browser's network is cut with `context.setOffline` (navigator.onLine turns false
 * and the `offline` event fires; the editor then closes its socket itself — Chromium's network
 * emulation leaves an open websocket open). Edits made on both sides meet when it returns, and
 * the map reopens from this device's copy while offline.
 */

/** Adds a step after `after` (select it, Enter) labelled `label`. */
async function addAfter(page: Page, after: string, label: string): Promise<void> {
  await step(page, after).click();
  await typeInto(page, 'Enter', 'Step label', label);
  await expect(step(page, label)).toHaveCount(1);
}

/** Records every value the connection badge's data-status takes from now on. */
async function recordStatuses(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seenStatuses: string[] }).seenStatuses = seen;
    const badge = () => document.querySelector('[data-testid="connection-status"]');
    const note = () => {
      const status = badge()?.getAttribute('data-status');
      if (status && seen.at(-1) !== status) seen.push(status);
    };
    note();
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-status'],
    });
  });
  return () => page.evaluate(() => (window as unknown as { seenStatuses: string[] }).seenStatuses);
}

/** Waits until the service worker controls the page and has cached the editor's code. */
async function offlineShellReady(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          if (!navigator.serviceWorker.controller) return 'no controller';
          const keys = await (await caches.open('procmap-assets-v1')).keys();
          const shell = await (await caches.open('procmap-shell-v1')).match('/index.html');
          const editor = keys.some((k) => new URL(k.url).pathname.startsWith('/assets/EditorPage'));
          return shell && editor ? 'ready' : `shell ${Boolean(shell)}, ${keys.length} assets`;
        }),
      { timeout: 15_000 },
    )
    .toBe('ready');
}

async function newPage(contexts: BrowserContext[], browser: Browser) {
  const context = await browser.newContext();
  contexts.push(context);
  return context.newPage();
}

test('edits made offline and online meet on reconnect, are saved, and reach the server', async ({
  browser,
}) => {
  const contexts: BrowserContext[] = [];
  const alice = await newPage(contexts, browser);
  const bob = await newPage(contexts, browser);
  // Carol stays online throughout: what reaches her has gone out to everyone connected.
  const carol = await newPage(contexts, browser);
  const map = await makeMap(alice, threeLaneMap('Offline workshop'));
  await openLink(alice, map.editUrl);
  await openLink(bob, map.editUrl);
  await openLink(carol, map.editUrl);
  await expect(bob.getByTestId('save-status')).toHaveText('Saved');
  const bobStatuses = await recordStatuses(bob);

  // Bob's wifi drops: the badge says so at once.
  await bob.context().setOffline(true);
  await expect(bob.getByTestId('connection-status')).toHaveText('Offline');
  await expect(bob.getByTestId('connection-status')).toHaveAttribute('data-status', 'offline');

  // Both edit: different steps renamed, one step added each.
  await rename(bob, 'Book clinic', 'Book clinic by phone');
  await addAfter(bob, 'Triage referral', 'Check urgency');
  await expect(bob.getByTestId('save-status')).toHaveText('Saved on this device');
  await rename(alice, 'Register referral', 'Register referral on PAS');
  await addAfter(alice, 'Receive letter', 'Scan letter');
  await expect(alice.getByTestId('save-status')).toHaveText('Saved');

  // While Bob is offline, neither sees the other's edits: once Carol has Alice's, they have
  // gone out to everyone connected, and Bob's link carried none of them (nor his edits out).
  await expect(step(carol, 'Scan letter')).toHaveCount(1);
  await expect(step(carol, 'Register referral on PAS')).toHaveCount(1);
  await expect(step(bob, 'Scan letter')).toHaveCount(0);
  await expect(step(bob, 'Register referral on PAS')).toHaveCount(0);
  await expect(step(alice, 'Check urgency')).toHaveCount(0);
  await expect(step(carol, 'Check urgency')).toHaveCount(0);
  await expect(bob.getByTestId('save-status')).toHaveText('Saved on this device');

  // The wifi returns: both see everything, and "Saved" returns in both.
  await bob.context().setOffline(false);
  await expectConnected(bob);
  for (const page of [alice, bob]) {
    for (const label of [
      'Book clinic by phone',
      'Check urgency',
      'Register referral on PAS',
      'Scan letter',
    ]) {
      await expect(step(page, label)).toHaveCount(1);
    }
    await expect(step(page, 'Book clinic')).toHaveCount(0);
    await expect(page.getByTestId('step')).toHaveCount(7);
    await expect(page.getByTestId('save-status')).toHaveText('Saved');
  }
  const statuses = await bobStatuses();
  expect(statuses[0]).toBe('connected');
  expect(statuses).toContain('offline');
  expect(statuses.indexOf('reconnecting')).toBeGreaterThan(statuses.indexOf('offline'));
  expect(statuses.at(-1)).toBe('connected');

  // The server's stored map has the offline edits.
  const stored = await storedMap(alice);
  expect(stored.steps.map((s) => s.label).sort()).toEqual(
    [
      'Receive letter',
      'Scan letter',
      'Register referral on PAS',
      'Triage referral',
      'Check urgency',
      'Book clinic by phone',
      'Clinic booked',
    ].sort(),
  );
  for (const context of contexts) await context.close();
});

test('a map reopened offline shows its last known state, and edits made then reach the server', async ({
  page,
  context,
}) => {
  const map = await makeMap(page, threeLaneMap('Reopened offline'));
  await openLink(page, map.editUrl);
  await rename(page, 'Triage referral', 'Triage referral (GP)');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await offlineShellReady(page);

  await context.setOffline(true);
  await page.reload();
  // The app shell comes from the service worker, the map from this device's copy.
  await expect(page.getByTestId('connection-status')).toHaveText('Offline');
  await expect(page.getByTestId('step')).toHaveCount(5);
  await expect(step(page, 'Triage referral (GP)')).toHaveCount(1);
  await expect(page.getByTestId('lane')).toHaveCount(3);
  await expect(page.getByTestId('save-status')).toHaveText('Saved on this device');
  await expect(page.getByRole('button', { name: 'Add lane' })).toBeVisible();

  await addAfter(page, 'Triage referral (GP)', 'Phone patient');
  await expect(page.getByTestId('save-status')).toHaveText('Saved on this device');

  await context.setOffline(false);
  await expectConnected(page);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  const labels = (await storedMap(page)).steps.map((s) => s.label);
  expect(labels).toContain('Phone patient');
  expect(labels).toContain('Triage referral (GP)');
});

test('a view link stays view-only when reopened offline', async ({ page, context }) => {
  const map = await makeMap(page, threeLaneMap('Viewed offline'));
  await openLink(page, map.viewUrl);
  await expect(page.getByText('View only', { exact: true })).toBeVisible();
  await offlineShellReady(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('connection-status')).toHaveText('Offline');
  await expect(page.getByTestId('step')).toHaveCount(5);
  await expect(page.getByText('View only', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add lane' })).toHaveCount(0);
  await step(page, 'Book clinic').click();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Alt+l');
  await expect(page.getByRole('textbox', { name: 'Step label' })).toHaveCount(0);
  await expect(page.getByTestId('step')).toHaveCount(5);
});
