import { expect, test } from '@playwright/test';
import { createMapFromHome, step, storedMap, typeInto } from './editor-helpers';

test('deleting a step from the middle of a chain keeps the chain joined; one undo brings the step and its flows back', async ({
  page,
}) => {
  await createMapFromHome(page, 'Chain');
  await typeInto(page, 'Alt+l', 'Lane name', 'Clerk');
  await typeInto(page, 'Alt+n', 'Step label', 'Receive form');
  await typeInto(page, 'Enter', 'Step label', 'Check form');
  await typeInto(page, 'Enter', 'Step label', 'File form');
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);

  await step(page, 'Check form').click();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('step')).toHaveCount(2);
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await expect(page.getByTestId('status-line')).toContainText('rejoined');
  const label = (id: string, map: Awaited<ReturnType<typeof storedMap>>) =>
    map.steps.find((s) => s.id === id)?.label;
  await expect
    .poll(async () => {
      const map = await storedMap(page);
      return map.flows.map((f) => `${label(f.from, map)} → ${label(f.to, map)}`);
    })
    .toEqual(['Receive form → File form']);

  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('step')).toHaveCount(3);
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await expect
    .poll(async () => {
      const map = await storedMap(page);
      return map.flows.map((f) => `${label(f.from, map)} → ${label(f.to, map)}`).sort();
    })
    .toEqual(['Check form → File form', 'Receive form → Check form']);
});
