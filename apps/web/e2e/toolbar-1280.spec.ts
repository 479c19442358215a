import { expect, test } from '@playwright/test';
import { makeMap, openLink, threeLaneMap } from './editor-helpers';

test('at 1280×800 the toolbar is one line: a long title gives way, every button stays named', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const made = await makeMap(page, threeLaneMap('Blue Badge application – Kingsford Council'));
  await openLink(page, made.editUrl);
  const toolbar = page.getByRole('banner');
  const names = ['Add lane', 'Tidy up', 'Undo', 'Redo', 'Export', 'Share', 'Keyboard shortcuts'];
  const home = await toolbar.getByRole('link', { name: /Maps/ }).boundingBox();
  expect(home).not.toBeNull();
  for (const name of names) {
    const box = await toolbar.getByRole('button', { name, exact: true }).boundingBox();
    expect(box, name).not.toBeNull();
    // On the line of the link back to the maps, and inside the window.
    expect(Math.abs(box!.y + box!.height / 2 - (home!.y + home!.height / 2)), name).toBeLessThan(8);
    expect(box!.x + box!.width, name).toBeLessThanOrEqual(1280);
  }
  await page.screenshot({ path: test.info().outputPath('toolbar-1280.png') });
});
