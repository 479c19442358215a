import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';
import {
  expectConnected,
  makeMap,
  openLink,
  renameStep,
  step,
  threeLaneMap,
} from './editor-helpers';

/*
 * The polite live region tells a screen-reader user what colleagues do: two people on one map,
 * each in their own browser under their own name. Every text the region ever shows is recorded
 * in the page, so what must never be said (one's own edits, the save state on every edit, what
 * arrives while the map opens or catches up) is checked against the whole history.
 */

declare global {
  interface Window {
    __announced: string[];
  }
}

/** A person on the map: their own browser context, named, with the region's history recorded. */
async function person(
  browser: Browser,
  contexts: BrowserContext[],
  url: string,
  name: string,
): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  await context.addInitScript(
    ([n]) => {
      localStorage.setItem(
        'procmap:identity',
        JSON.stringify({
          id: `p_${n.toLowerCase()}00000`,
          name: n,
          color: '#0369a1',
          chosen: true,
        }),
      );
      // Each announcement is a new paragraph in the region: record each one as it appears.
      window.__announced = [];
      let last: Element | null = null;
      new MutationObserver(() => {
        const said = document.querySelector('[data-testid="announcer"]')?.firstElementChild ?? null;
        if (said && said !== last) window.__announced.push(said.textContent ?? '');
        last = said;
      }).observe(document, { subtree: true, childList: true, characterData: true });
    },
    [name] as const,
  );
  const page = await context.newPage();
  await openLink(page, url);
  return page;
}

const announced = (page: Page) => page.evaluate(() => window.__announced);
const region = (page: Page) => page.getByTestId('announcer');
/** Announcements wait up to two seconds for the previous one, and the edit has to travel. */
const SAID = { timeout: 10_000 };

test('a colleague’s edits are announced with their name, merged when they come together; one’s own are not', async ({
  browser,
  page,
}) => {
  const contexts: BrowserContext[] = [];
  const map = await makeMap(page, threeLaneMap('Live region'));
  const asha = await person(browser, contexts, map.editUrl, 'Asha');

  // The region is a polite status region, and the save badge is not a live region at all.
  await expect(region(asha)).toHaveAttribute('role', 'status');
  await expect(region(asha)).toHaveAttribute('aria-live', 'polite');
  expect(
    await asha.getByTestId('save-status').evaluate((el) => el.closest('[aria-live]') === null),
  ).toBe(true);

  // Bilal arrives: Asha hears it; Bilal is not told that Asha, already there, "joined".
  const bilal = await person(browser, contexts, map.editUrl, 'Bilal');
  await expect(region(asha)).toHaveText('Bilal joined the map', SAID);

  // Bilal renames a step: Asha hears who did what.
  await renameStep(bilal, 'Triage referral', 'Clinical triage');
  await expect(region(asha)).toHaveText(
    'Bilal renamed “Triage referral” to “Clinical triage”',
    SAID,
  );

  // Asha renames one herself: Bilal hears it under her name, Asha does not hear her own edit.
  await renameStep(asha, 'Book clinic', 'Book first clinic');
  await expect(region(bilal)).toHaveText('Asha renamed “Book clinic” to “Book first clinic”', SAID);
  await expect(asha.getByTestId('save-status')).toHaveText('Saved');
  await renameStep(bilal, 'Register referral', 'Register on PAS');
  await expect(region(asha)).toHaveText(
    'Bilal renamed “Register referral” to “Register on PAS”',
    SAID,
  );

  // A burst: Bilal's edits made on a train arrive together, and become one sentence.
  await bilal.context().setOffline(true);
  await expect(bilal.getByTestId('connection-status')).toHaveText('Offline');
  await renameStep(bilal, 'Receive letter', 'Letter received');
  await renameStep(bilal, 'Clinic booked', 'Appointment booked');
  await renameStep(bilal, 'Book first clinic', 'Book clinic slot');
  await expect(bilal.getByTestId('save-status')).toHaveText('Saved on this device');
  await bilal.context().setOffline(false);
  await expectConnected(bilal);
  await expect(region(asha)).toContainText(
    'Bilal made 3 changes, including renaming “Receive letter” to “Letter received”',
    SAID,
  );

  // The region holds the latest announcement only, not a growing log.
  await expect(region(asha).locator('p')).toHaveCount(1);
  const ashaHeard = await announced(asha);
  expect(ashaHeard.join('\n')).not.toContain('Book first clinic”'); // her own rename, never said
  expect(ashaHeard.join('\n')).not.toMatch(/sav/i); // "Saved" is not said for each edit
  expect(ashaHeard.filter((t) => t.includes('Letter received'))).toHaveLength(1);
  expect(await announced(bilal)).not.toContain('Asha joined the map');
  for (const context of contexts) await context.close();
});

test('colleagues’ news can be turned off (remembered); the save state is said only when it matters; catching up is not news', async ({
  browser,
  page,
}) => {
  const contexts: BrowserContext[] = [];
  const map = await makeMap(page, threeLaneMap('Quiet please'));
  const asha = await person(browser, contexts, map.editUrl, 'Asha');
  const bilal = await person(browser, contexts, map.editUrl, 'Bilal');
  await expect(region(asha)).toHaveText('Bilal joined the map', SAID);

  // Asha turns colleagues' news off; it stays off when she comes back.
  const toggle = asha.getByRole('checkbox', { name: 'Announce colleagues’ edits' });
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await asha.reload();
  await expectConnected(asha);
  await expect(toggle).not.toBeChecked();

  // Bilal's rename reaches her map but is not said; her connection dropping is.
  await renameStep(bilal, 'Receive letter', 'Letter scanned');
  await expect(step(asha, 'Letter scanned')).toBeVisible();
  // What is said offline depends on whether this device holds a copy yet: wait until it does
  // (after the reload the local copy catches up a moment after the map shows).
  await expect(asha.getByTestId('save-status')).toHaveAttribute('data-saved-locally', 'true');
  await asha.context().setOffline(true);
  await expect(region(asha)).toHaveText('Offline: changes are kept on this device', SAID);

  // Back on, and back online: what Bilal did meanwhile arrives with the catching up, which is
  // not a colleague acting now; the connection back with everything saved is said.
  await toggle.check();
  await renameStep(bilal, 'Letter scanned', 'Letter filed');
  await asha.context().setOffline(false);
  await expect(region(asha)).toHaveText('Reconnected; changes saved', SAID);
  await expect(step(asha, 'Letter filed')).toBeVisible();
  expect(await announced(asha)).toEqual([
    'Offline: changes are kept on this device',
    'Reconnected; changes saved',
  ]);

  // And with news on again, Bilal's next edit is said.
  await renameStep(bilal, 'Letter filed', 'Letter triaged');
  await expect(region(asha)).toHaveText('Bilal renamed “Letter filed” to “Letter triaged”', SAID);
  for (const context of contexts) await context.close();
});
