import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { makeMap, openLink, step, threeLaneMap } from './editor-helpers';

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Picks a format in the export dialog, exports, and returns the downloaded file. */
async function exportAs(page: Page, format: RegExp) {
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByRole('radio', { name: format }).check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const file = await download;
  await expect(dialog.getByTestId('export-done')).toContainText(file.suggestedFilename());
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path()) as string) };
}

test('the export menu saves the map as SVG, PDF, PNG, CSV and the improvement report', async ({
  page,
}, testInfo) => {
  const map = threeLaneMap('Referral — Łódź ward «5»');
  map.steps[2] = { ...map.steps[2]!, label: 'Triage <script>alert(1)</script> é ß ½' };
  const made = await makeMap(page, map);
  await openLink(page, made.editUrl);
  await page.getByRole('button', { name: 'Export' }).click();
  await expect(page.getByTestId('export-dialog')).toBeVisible();

  const svg = await exportAs(page, /^SVG/);
  expect(svg.name).toBe('Referral — Łódź ward «5».svg');
  const text = svg.bytes.toString('utf8');
  expect(text).toContain('<svg');
  // The hostile label is there, escaped (wrapped over lines as on the canvas).
  expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(text).toContain('ß ½');
  expect(text).not.toMatch(/<script|onerror|onload|foreignObject/i);
  for (const s of map.steps.filter((x) => x.id !== 's3')) expect(text).toContain(s.label);

  const pdf = await exportAs(page, /^PDF/);
  expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  if (hasPdftotext) {
    const path = testInfo.outputPath('map.pdf');
    writeFileSync(path, pdf.bytes);
    const words = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' });
    expect(words).toContain('Register referral');
    for (const word of ['é', 'ß', '½', '<script>alert(1)</script>']) expect(words).toContain(word);
    expect(words).toContain('Łódź');
  }

  const png = await exportAs(page, /^PNG/);
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.bytes.readUInt32BE(16)).toBeGreaterThan(400); // width of the IHDR chunk

  const csv = await exportAs(page, /^CSV: steps/);
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // so Excel reads UTF-8
  const rows = csv.bytes.subarray(3).toString('utf8').trim().split(/\r\n/);
  expect(rows).toHaveLength(1 + map.steps.length);
  expect(csv.bytes.toString('utf8')).toContain('Book clinic');

  const report = await exportAs(page, /^Improvement report/);
  expect(report.name).toBe('Referral — Łódź ward «5» - improvement report.pdf');
  expect(report.bytes.subarray(0, 5).toString()).toBe('%PDF-');
});

test('only the selected steps can be exported', async ({ page }) => {
  const made = await makeMap(page, threeLaneMap('Selection export'));
  await openLink(page, made.editUrl);
  await step(page, 'Triage referral').click();
  await step(page, 'Book clinic').click({ modifiers: ['Control'] });
  await page.getByRole('button', { name: 'Export' }).click();
  await page
    .getByTestId('export-dialog')
    .getByLabel(/Only the selected steps \(2\)/)
    .check();
  const svg = (await exportAs(page, /^SVG/)).bytes.toString('utf8');
  expect(svg).toContain('Triage referral');
  expect(svg).toContain('Book clinic');
  expect(svg).not.toContain('Receive letter');
});

test('the last export’s message goes when an option changes, and the dialog keeps its size', async ({
  page,
}) => {
  const made = await makeMap(page, threeLaneMap('Stable export'));
  await openLink(page, made.editUrl);
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByTestId('export-dialog');
  const height = async () => (await dialog.boundingBox())!.height;
  const first = await height();

  await exportAs(page, /^SVG/);
  await expect(dialog.getByTestId('export-done')).toBeVisible();
  expect(await height()).toBe(first);
  await dialog.getByRole('radio', { name: /^CSV: steps/ }).check();
  await expect(dialog.getByTestId('export-done')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('export-csv-after-svg.png') });

  // Any option, not only the format, clears it; no format changes the dialog's height.
  await exportAs(page, /^PNG/);
  await dialog.getByLabel('Comment markers').uncheck();
  await expect(dialog.getByTestId('export-done')).toHaveCount(0);
  for (const format of [/^PDF/, /^Improvement/, /^SVG/, /^PNG/, /^CSV: steps/, /^CSV: find/]) {
    await dialog.getByRole('radio', { name: format }).check();
    expect(await height(), String(format)).toBe(first);
  }
  // Options a format does not use are shown, greyed out.
  await expect(dialog.getByLabel('Comment markers')).toBeDisabled();
  await expect(dialog.getByLabel('Large maps')).toBeDisabled();
  await expect(dialog.getByTestId('export-include')).toContainText('for PDF, SVG and PNG');
});

test('a map with no steps is not exported: Export is off, and the dialog says why', async ({
  page,
}) => {
  const empty = { ...threeLaneMap('Nothing yet'), steps: [], flows: [] };
  const made = await makeMap(page, empty);
  await openLink(page, made.editUrl);
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByTestId('export-dialog');
  const exportButton = dialog.getByRole('button', { name: 'Export', exact: true });
  await expect(exportButton).toBeDisabled();
  await expect(dialog.getByTestId('export-refused')).toHaveText(
    'This map has no steps yet: add some to the map, then export it.',
  );
  await expect(exportButton).toHaveAccessibleDescription(/no steps yet/);
  await page.screenshot({ path: test.info().outputPath('export-empty.png') });
});

test('on a small window the options scroll and the Export button stays in view', async ({
  page,
}) => {
  await page.setViewportSize({ width: 800, height: 600 });
  const made = await makeMap(page, threeLaneMap('Small window'));
  await openLink(page, made.editUrl);
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByTestId('export-dialog');
  const options = dialog.getByTestId('export-options');
  await expect(dialog.getByRole('button', { name: 'Export', exact: true })).toBeInViewport({
    ratio: 1,
  });
  await expect(
    dialog.locator('.export-form__actions').getByRole('button', { name: 'Close' }),
  ).toBeInViewport({
    ratio: 1,
  });
  expect(await options.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  await page.screenshot({ path: test.info().outputPath('export-800.png') });
  await options.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(dialog.getByLabel('Large maps')).toBeInViewport();
  await expect(dialog.getByRole('button', { name: 'Export', exact: true })).toBeInViewport({
    ratio: 1,
  });
  await page.screenshot({ path: test.info().outputPath('export-800-scrolled.png') });
});
