import { expect, test } from '@playwright/test';
import { createMapFromHome, expectConnected, lane, step, typeInto } from './editor-helpers';

test('an edit in one browser appears in another on the same map', async ({ browser }) => {
  const alice = await (await browser.newContext()).newPage();
  const bob = await (await browser.newContext()).newPage();
  await createMapFromHome(alice, 'Shared map');
  await bob.goto(alice.url());
  await expectConnected(bob);

  await typeInto(alice, 'Alt+l', 'Lane name', 'Pharmacist');
  await expect(lane(bob, 'Pharmacist')).toBeVisible();

  await bob.keyboard.press('ArrowDown'); // selects the first lane
  await typeInto(bob, 'Alt+n', 'Step label', 'Check prescription');
  await expect(step(alice, 'Check prescription')).toBeVisible();

  await alice.context().close();
  await bob.context().close();
});
