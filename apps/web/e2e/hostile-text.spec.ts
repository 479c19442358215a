import { expect, test } from '@playwright/test';
import { createMapFromHome, lane, step, typeInto } from './editor-helpers';

const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(2)</script>',
  '<svg onload=alert(3)>',
  '"><img src=x onerror="window.__pwned=1">',
];

test('hostile labels and lane names render as text and run nothing', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await createMapFromHome(page, '<b>bold</b> title');

  for (const payload of PAYLOADS) await typeInto(page, 'Alt+l', 'Lane name', payload);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await typeInto(page, 'Alt+n', 'Step label', PAYLOADS[0]!);
  for (const payload of PAYLOADS.slice(1)) await typeInto(page, 'Enter', 'Step label', payload);

  for (const payload of PAYLOADS) {
    await expect(lane(page, payload)).toHaveCount(1);
    await expect(step(page, payload)).toHaveCount(1);
  }
  await expect(page.getByTestId('map-title')).toHaveText('<b>bold</b> title');
  await expect(
    page.locator('.react-flow img, .react-flow script, .lane svg, .step svg[onload]'),
  ).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('step')).toHaveCount(PAYLOADS.length);
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
  expect(dialogs).toEqual([]);
});
