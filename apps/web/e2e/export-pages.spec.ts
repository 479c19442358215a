import { expect, test } from '@playwright/test';
import { generateMap } from '@procmap/test-kit';
import { PDFDocument } from 'pdf-lib';
import { readFileSync } from 'node:fs';
import { makeMap, openLink } from './editor-helpers';

/*
 * The export dialog says how many pages a PDF will have before it is made, and the file has
 * that many: by default a map too big to read on one page is tiled at a readable size.
 */

test('the export dialog counts the PDF pages before exporting, and the PDF has that many', async ({
  page,
}, testInfo) => {
  // given: a workshop-sized map, 17 steps in 5 lanes
  const made = await makeMap(page, generateMap({ steps: 17, roles: 5, seed: 11 }));
  await openLink(page, made.editUrl);
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByRole('radio', { name: /^PDF/ }).check();
  const count = dialog.getByTestId('export-page-count');

  // then: the readable default needs more than one page, and says how many
  await expect(count).toHaveText(/^\d+ pages \(A4 landscape\).* 8 pt or larger\.$/);
  const said = Number((await count.textContent())?.match(/^(\d+) pages/)?.[1]);
  expect(said).toBeGreaterThan(1);
  await page.screenshot({ path: testInfo.outputPath('export-dialog-pages.png') });

  // when: exported
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const file = await download;
  const pdf = await PDFDocument.load(readFileSync((await file.path()) as string));
  // then: the file has the pages the dialog announced
  expect(pdf.getPageCount()).toBe(said);

  // when: fitted on one page instead, the dialog warns that it cannot be read
  await dialog.getByLabel('Large maps').selectOption('fit');
  await expect(count).toHaveText(
    /^1 page \(A4 landscape\), but its names print at .* too small to read/,
  );

  // when: back to the readable size on larger paper, fewer pages
  await dialog.getByLabel('Large maps').selectOption('auto');
  await dialog.getByLabel('Size', { exact: true }).selectOption('A3');
  await expect(count).toHaveText(/^\d+ pages? \(A3 landscape\)/);
  const onA3 = Number((await count.textContent())?.match(/^(\d+) page/)?.[1]);
  expect(onA3).toBeLessThan(said);
});
