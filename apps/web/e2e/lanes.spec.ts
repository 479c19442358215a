import { expect, type Page, test } from '@playwright/test';
import {
  expectStepInLane,
  lane,
  laneNames,
  makeMap,
  openLink,
  step,
  storedMap,
  threeLaneMap,
} from './editor-helpers';

/** Drags with real mouse input, in small moves, from one point to another. */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) {
    await page.mouse.move(from.x + ((to.x - from.x) * i) / 12, from.y + ((to.y - from.y) * i) / 12);
  }
  await page.mouse.up();
}

async function centre(locator: ReturnType<Page['locator']>) {
  const box = await locator.boundingBox();
  expect(box).not.toBeNull();
  return { x: box!.x + box!.width / 2, y: box!.y + box!.height / 2 };
}

test.describe('lanes and steps with the mouse', () => {
  test.beforeEach(async ({ page }) => {
    const made = await makeMap(page, threeLaneMap('Lanes'));
    await openLink(page, made.editUrl);
    await expect(page.getByTestId('step')).toHaveCount(5);
  });

  test('dragging a step into another lane changes its role in the document; undo puts it back', async ({
    page,
  }) => {
    const from = await centre(step(page, 'Register referral'));
    const target = await centre(lane(page, 'Nurse'));
    await drag(page, from, { x: from.x + 40, y: target.y });

    await expectStepInLane(page, 'Register referral', 'Nurse');
    await expect
      .poll(async () => (await storedMap(page)).steps.find((s) => s.id === 's2')?.roleId)
      .toBe('nurse');

    await page.keyboard.press('Control+z');
    await expectStepInLane(page, 'Register referral', 'Clerk');
  });

  test('dragging a lane header reorders the lanes, and its steps move with it', async ({
    page,
  }) => {
    expect(await laneNames(page)).toEqual(['Clerk', 'GP', 'Nurse']);
    const nurseStepBefore = await step(page, 'Book clinic').boundingBox();
    const clerkHeader = await centre(lane(page, 'Clerk'));
    const nurseHeader = await lane(page, 'Nurse').boundingBox();

    // When Clerk's header is dragged below the Nurse lane's middle.
    await drag(page, clerkHeader, {
      x: clerkHeader.x,
      y: nurseHeader!.y + nurseHeader!.height * 0.75,
    });

    await expect.poll(() => laneNames(page)).toEqual(['GP', 'Nurse', 'Clerk']);
    // Steps keep their lanes (the document's roles) and are drawn in the lane's new place.
    await expectStepInLane(page, 'Receive letter', 'Clerk');
    await expectStepInLane(page, 'Book clinic', 'Nurse');
    const clerkLane = await lane(page, 'Clerk').boundingBox();
    const letter = await step(page, 'Receive letter').boundingBox();
    expect(letter!.y).toBeGreaterThan(clerkLane!.y);
    expect(letter!.y + letter!.height).toBeLessThan(clerkLane!.y + clerkLane!.height);
    expect((await step(page, 'Book clinic').boundingBox())!.y).toBeLessThan(nurseStepBefore!.y);
    const stored = await storedMap(page);
    const order = [...stored.roles].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
    expect(order.map((r) => r.name)).toEqual(['GP', 'Nurse', 'Clerk']);

    // A press without a move is a click: it selects, and does not reorder.
    await lane(page, 'GP').click();
    await expect(lane(page, 'GP')).toHaveClass(/is-selected/);
    expect(await laneNames(page)).toEqual(['GP', 'Nurse', 'Clerk']);

    await page.keyboard.press('Control+z');
    await expect.poll(() => laneNames(page)).toEqual(['Clerk', 'GP', 'Nurse']);
  });

  test('the lane menu recolours a lane and moves it; the colour is stored', async ({ page }) => {
    await lane(page, 'GP').hover();
    await page.getByRole('button', { name: 'Lane actions: GP' }).click();
    const menu = page.getByTestId('lane-menu');
    await expect(menu).toBeVisible();
    await menu.getByRole('menuitem', { name: 'Green' }).click();
    await expect(menu).toHaveCount(0);
    await expect
      .poll(async () => (await storedMap(page)).roles.find((r) => r.id === 'gp')?.color)
      .toBe('#1f7a4d');
    await expect(lane(page, 'GP')).toHaveAttribute('style', /--lane-color:\s*#1f7a4d/);

    await page.getByRole('button', { name: 'Lane actions: GP' }).click();
    await menu.getByRole('menuitem', { name: /Move up/ }).click();
    await expect.poll(() => laneNames(page)).toEqual(['GP', 'Clerk', 'Nurse']);

    // Escape closes the menu and gives focus back to its button.
    await page.getByRole('button', { name: 'Lane actions: GP' }).click();
    await expect(menu.getByRole('menuitem').first()).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Lane actions: GP' })).toBeFocused();
  });

  test('deleting a lane with steps asks where they go, and never loses them', async ({ page }) => {
    // Move: GP's step goes to the chosen lane.
    await lane(page, 'GP').click();
    await page.keyboard.press('Delete');
    const dialog = page.getByTestId('delete-lane-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('It has 1 step');
    await dialog.getByLabel('Move to').selectOption({ label: 'Nurse' });
    await dialog.getByRole('button', { name: /Delete lane, move 1 step/ }).click();
    await expect(dialog).toHaveCount(0);
    await expect.poll(() => laneNames(page)).toEqual(['Clerk', 'Nurse']);
    await expectStepInLane(page, 'Triage referral', 'Nurse');
    await expect(page.getByTestId('step')).toHaveCount(5);
    let stored = await storedMap(page);
    expect(stored.steps).toHaveLength(5);
    expect(stored.steps.find((s) => s.id === 's3')?.roleId).toBe('nurse');

    // Cancel changes nothing.
    await lane(page, 'Clerk').click();
    await page.keyboard.press('Delete');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    expect(await laneNames(page)).toEqual(['Clerk', 'Nurse']);

    // Delete with the steps, only when chosen; undo brings lane and steps back.
    await lane(page, 'Clerk').hover();
    await page.getByRole('button', { name: 'Lane actions: Clerk' }).click();
    await page
      .getByTestId('lane-menu')
      .getByRole('menuitem', { name: /Delete lane/ })
      .click();
    await dialog.getByLabel('Delete them too, with their flows').check();
    await dialog.getByRole('button', { name: 'Delete lane and 2 steps' }).click();
    await expect.poll(() => laneNames(page)).toEqual(['Nurse']);
    await expect(page.getByTestId('step')).toHaveCount(3);
    stored = await storedMap(page);
    expect(stored.steps).toHaveLength(3);

    await page.keyboard.press('Control+z');
    await expect.poll(() => laneNames(page)).toEqual(['Clerk', 'Nurse']);
    await expect(page.getByTestId('step')).toHaveCount(5);
    await expectStepInLane(page, 'Receive letter', 'Clerk');

    // The first deletion is undone too: GP comes back with Triage in it.
    await page.keyboard.press('Control+z');
    await expect.poll(() => laneNames(page)).toEqual(['Clerk', 'GP', 'Nurse']);
    await expectStepInLane(page, 'Triage referral', 'GP');
  });

  test('an empty lane is deleted at once, without a question', async ({ page }) => {
    await lane(page, 'Nurse').click();
    await page.keyboard.press('Alt+l');
    await page.keyboard.type('Porter');
    await page.keyboard.press('Enter');
    await expect.poll(() => laneNames(page)).toEqual(['Clerk', 'GP', 'Nurse', 'Porter']);
    await page.keyboard.press('Delete');
    await expect(page.getByTestId('delete-lane-dialog')).toHaveCount(0);
    await expect.poll(() => laneNames(page)).toEqual(['Clerk', 'GP', 'Nurse']);
  });
});
