import { type Browser, expect, type Page, test } from '@playwright/test';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { makeMap, openLink, step, threeLaneMap } from './editor-helpers';

/** Opens the link in a fresh browser context (its own storage: its own person) under a name. */
async function join(browser: Browser, url: string, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await openLink(page, url);
  // First visit: the footer asks for a name, without covering the map or taking the keyboard.
  const prompt = page.getByTestId('name-prompt');
  await expect(prompt).toBeVisible();
  await expect(page.getByRole('textbox', { name: /Your name/ })).not.toBeFocused();
  await prompt.getByRole('textbox').fill(name);
  await prompt.getByRole('button', { name: 'Save' }).click();
  await expect(prompt).toHaveCount(0);
  return page;
}

const participant = (page: Page, name: string) =>
  page.getByTestId('participant').and(page.locator(`[data-name="${name}"]`));

test.describe('presence', () => {
  test('two people see each other: names, cursors, selections; edits and undo stay their own', async ({
    browser,
  }) => {
    const made = await makeMap(await browser.newPage(), threeLaneMap('Presence'));
    const alice = await join(browser, made.editUrl, 'Alice');
    const bob = await join(browser, made.editUrl, 'Bob');

    await expect(participant(alice, 'Bob')).toBeVisible();
    await expect(participant(bob, 'Alice')).toBeVisible();

    // Alice's pointer over the canvas shows in Bob's with her name.
    const target = (await step(alice, 'Triage referral').boundingBox())!;
    await alice.mouse.move(target.x + 10, target.y + 10);
    await alice.mouse.move(target.x + 20, target.y + 12, { steps: 3 });
    const cursor = bob.getByTestId('peer-cursor').and(bob.locator('[data-name="Alice"]'));
    await expect(cursor).toBeVisible();
    await expect(cursor).toHaveText('Alice');

    // Alice selects a step: Bob sees it outlined in her colour.
    await step(alice, 'Book clinic').click();
    await expect(step(bob, 'Book clinic')).toHaveAttribute('data-peer-selected', '1');

    // An edit by Alice reaches Bob within a second.
    await alice.keyboard.press('F2');
    await alice.keyboard.press('Control+a');
    await alice.keyboard.type('Book first clinic');
    await alice.keyboard.press('Enter');
    await expect(step(bob, 'Book first clinic')).toBeVisible({ timeout: 1000 });

    // Bob edits another step; Alice's undo takes back only her own edit.
    await step(bob, 'Register referral').dblclick();
    await bob.keyboard.press('Control+a');
    await bob.keyboard.type('Register on the system');
    await bob.keyboard.press('Enter');
    await expect(step(alice, 'Register on the system')).toBeVisible();
    await alice.getByTestId('canvas').click({ position: { x: 700, y: 600 } });
    await alice.keyboard.press('Control+z');
    await expect(step(alice, 'Book clinic')).toBeVisible();
    await expect(step(bob, 'Book clinic')).toBeVisible();
    await expect(step(alice, 'Register on the system')).toBeVisible();
    await expect(step(bob, 'Register on the system')).toBeVisible();

    // The name is remembered on this device, and can be changed from one's own avatar.
    await bob.reload();
    await expect(bob.getByTestId('name-prompt')).toHaveCount(0);
    await expect(participant(alice, 'Bob')).toBeVisible();
    await bob.getByTestId('me').click();
    await bob.getByTestId('me-popover').getByRole('textbox').fill('Bob the porter');
    await bob.getByTestId('me-popover').getByRole('button', { name: 'Save' }).click();
    await expect(participant(alice, 'Bob the porter')).toBeVisible();
    await expect(participant(alice, 'Bob')).toHaveCount(0);

    // Leaving removes the avatar at once.
    await bob.context().close();
    await expect(participant(alice, 'Bob the porter')).toHaveCount(0);
    await alice.context().close();
  });

  test('follow: click an avatar to follow a view; your own pan stops it; a presenter is followed by all', async ({
    browser,
  }) => {
    const made = await makeMap(await browser.newPage(), threeLaneMap('Follow'));
    const alice = await join(browser, made.editUrl, 'Alice');
    const bob = await join(browser, made.editUrl, 'Bob');
    const zoomOf = (page: Page) =>
      page
        .locator('.react-flow__viewport')
        .evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);

    await participant(bob, 'Alice').click();
    await expect(bob.getByTestId('follow-banner')).toContainText('Following Alice');
    // Alice zooms in: Bob's view follows.
    await alice.getByRole('button', { name: 'Zoom In' }).click();
    await alice.getByRole('button', { name: 'Zoom In' }).click();
    await expect
      .poll(async () => Math.abs((await zoomOf(bob)) - (await zoomOf(alice))))
      .toBeLessThan(0.01);

    // Bob pans with the mouse wheel: following stops.
    await bob.mouse.move(700, 500);
    await bob.mouse.wheel(0, 200);
    await expect(bob.getByTestId('follow-banner')).toHaveCount(0);

    // Alice asks everyone to follow her: Bob follows without doing anything.
    await alice.getByTestId('me').click();
    await alice.getByRole('button', { name: 'Ask everyone to follow me' }).click();
    await expect(alice.getByTestId('presenting-banner')).toBeVisible();
    await expect(bob.getByTestId('follow-banner')).toContainText('Alice (presenting)');
    await bob.getByTestId('follow-banner').getByRole('button', { name: 'Stop following' }).click();
    await expect(bob.getByTestId('follow-banner')).toHaveCount(0);
    await alice.context().close();
    await bob.context().close();
  });

  test('a hostile name is shown as text; a view link is present too', async ({ browser }) => {
    const made = await makeMap(await browser.newPage(), threeLaneMap('Hostile names'));
    const hostile = '<img src=x onerror=alert(1)>';
    const alice = await join(browser, made.editUrl, 'Alice');
    let dialogs = 0;
    alice.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    const viewer = await join(browser, made.viewUrl, hostile);
    await expect(participant(alice, hostile)).toBeVisible();
    await expect(participant(alice, hostile)).toHaveAttribute('aria-label', /view only/);
    const box = (await viewer.getByTestId('step').first().boundingBox())!;
    await viewer.mouse.move(box.x + 5, box.y + 5);
    await viewer.mouse.move(box.x + 15, box.y + 9, { steps: 3 });
    const cursor = alice.getByTestId('peer-cursor');
    await expect(cursor).toHaveText(hostile);
    expect(await alice.locator('.cursors img').count()).toBe(0);
    expect(dialogs).toBe(0);
    await alice.context().close();
    await viewer.context().close();
  });

  test('a stock y-websocket client in Node is listed by its name, and its edit appears', async ({
    browser,
  }) => {
    const made = await makeMap(await browser.newPage(), threeLaneMap('Stock client'));
    const alice = await join(browser, made.editUrl, 'Alice');
    const url = new URL(made.editUrl);
    const token = new URLSearchParams(url.hash.slice(1)).get('token') as string;
    const ydoc = new Y.Doc();
    const provider = new WebsocketProvider(`ws://${url.host}/sync`, made.id, ydoc, {
      params: { token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    try {
      provider.awareness.setLocalStateField('user', { name: 'Script runner' });
      await expect(participant(alice, 'Script runner')).toBeVisible();
      await new Promise<void>((resolve) => {
        if (provider.synced) resolve();
        else provider.once('sync', () => resolve());
      });
      // The stock client edits the map through the document's contract shape.
      const record = ydoc.getMap<Y.Map<unknown>>('steps').get('s3');
      expect(record).toBeDefined();
      record?.set('label', 'Triage by script');
      await expect(step(alice, 'Triage by script')).toBeVisible();
    } finally {
      provider.destroy();
      ydoc.destroy();
    }
    await expect(participant(alice, 'Script runner')).toHaveCount(0);
    await alice.context().close();
  });
});
