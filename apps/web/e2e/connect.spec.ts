import { expect, type Locator, type Page, test } from '@playwright/test';
import { makeMap, openLink, step, storedMap, threeLaneMap } from './editor-helpers';

/** Presses on `from`, moves the mouse in small steps to `to` and releases there. */
async function dragBetween(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('an element to drag between is not on screen');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

const sourceHandle = (page: Page, label: string) =>
  step(page, label).locator('.react-flow__handle.source');
const targetHandle = (page: Page, label: string) =>
  step(page, label).locator('.react-flow__handle.target');

test('dragging from a step’s right handle to another step’s left handle adds a flow, also after a move', async ({
  page,
}) => {
  const made = await makeMap(page, threeLaneMap('Connect'));
  await openLink(page, made.editUrl);
  const edges = page.locator('.react-flow__edge');
  await expect(edges).toHaveCount(4);

  await step(page, 'Receive letter').hover();
  await dragBetween(page, sourceHandle(page, 'Receive letter'), targetHandle(page, 'Book clinic'));
  await expect(edges).toHaveCount(5);
  await expect
    .poll(async () => (await storedMap(page)).flows.some((f) => f.from === 's1' && f.to === 's4'))
    .toBe(true);

  // A step that was moved keeps its handles where it now is.
  const box = await step(page, 'Book clinic').boundingBox();
  if (!box) throw new Error('"Book clinic" is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 160, box.y + box.height / 2, { steps: 10 });
  await page.mouse.up();
  await expect
    .poll(async () => (await step(page, 'Book clinic').boundingBox())?.x)
    .toBeGreaterThan(box.x + 100);

  await step(page, 'Register referral').hover();
  await dragBetween(
    page,
    sourceHandle(page, 'Register referral'),
    targetHandle(page, 'Book clinic'),
  );
  await expect(edges).toHaveCount(6);
  await expect
    .poll(async () => (await storedMap(page)).flows.some((f) => f.from === 's2' && f.to === 's4'))
    .toBe(true);
});
