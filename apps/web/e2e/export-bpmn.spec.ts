import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { importFile } from '@procmap/interop';
import { type ProcessMap, scenarioMap, validateMap } from '@procmap/model';
import { makeMap, openLink, threeLaneMap } from './editor-helpers';

const example = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'examples',
  'referral-scenarios.procmap.json',
);

/** Exports from the open dialog and returns the downloaded file. */
async function exportNow(page: Page) {
  const dialog = page.getByTestId('export-dialog');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const file = await download;
  await expect(dialog.getByTestId('export-done')).toContainText(file.suggestedFilename());
  return {
    name: file.suggestedFilename(),
    text: readFileSync((await file.path()) as string, 'utf8'),
  };
}

/** The BPMN read back by procmap's importer: it must parse, and give these steps. */
async function readBack(text: string, expected: ProcessMap) {
  expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
  expect(text).toContain('http://www.omg.org/spec/BPMN/20100524/MODEL');
  const imported = await importFile(text, { name: 'exported.bpmn' });
  expect(imported.ok, imported.ok ? '' : imported.message).toBe(true);
  if (!imported.ok) return;
  expect(imported.format).toBe('bpmn');
  expect(imported.map.steps.map((s) => s.label).sort()).toEqual(
    expected.steps.map((s) => s.label).sort(),
  );
  expect(imported.map.roles.map((r) => r.name).sort()).toEqual(
    expected.roles.map((r) => r.name).sort(),
  );
}

test('the export dialog saves the map as BPMN 2.0, the as-is or a scenario, and the file reads back', async ({
  page,
}) => {
  const checked = validateMap(JSON.parse(readFileSync(example, 'utf8')));
  if (!checked.ok) throw new Error('the example is not a valid map');
  const map = checked.map;
  const scenario = map.scenarios?.[0];
  expect(scenario).toBeDefined();
  if (!scenario) return;

  const made = await makeMap(page, map);
  await openLink(page, made.editUrl);
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByTestId('export-dialog');
  const bpmn = dialog.getByRole('radio', { name: /^BPMN 2\.0 \(\.bpmn\)/ });
  await expect(bpmn).toBeVisible();
  await bpmn.check();
  await expect(dialog.getByText(/Opens in Camunda Modeler, bpmn\.io, Signavio/i)).toBeVisible();
  // A BPMN file has no pages and draws no badges: those options are greyed out.
  await expect(dialog.getByTestId('export-page')).toHaveAttribute('disabled', '');
  await expect(dialog.getByTestId('export-include')).toHaveAttribute('disabled', '');
  await expect(dialog.getByLabel('Landscape')).toBeDisabled();

  const asIs = await exportNow(page);
  expect(asIs.name).toBe(`${map.title}.bpmn`);
  await readBack(asIs.text, map);

  await dialog.getByLabel('Process', { exact: true }).selectOption({ label: scenario.name });
  const toBe = await exportNow(page);
  expect(toBe.name).toBe(`${map.title} - ${scenario.name.replace(':', '_')}.bpmn`);
  const process = scenarioMap(map, scenario.id);
  expect(process.ok).toBe(true);
  if (process.ok) await readBack(toBe.text, process.map);
  expect(toBe.text).not.toBe(asIs.text);
});

test('keyboard only: BPMN chosen with the arrows and exported with Enter, focus stays on the option', async ({
  page,
}) => {
  const made = await makeMap(page, threeLaneMap('Keyboard export'));
  await openLink(page, made.editUrl);

  // Tab to the toolbar's Export button, and Enter opens the dialog.
  const button = page.getByRole('button', { name: 'Export', exact: true });
  for (let i = 0; i < 40 && !(await button.evaluate((b) => b === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();

  // Into the formats, then the arrows to BPMN (the last: up from the first goes round to it).
  const pdf = dialog.getByRole('radio', { name: /^PDF/ });
  for (let i = 0; i < 10 && !(await pdf.evaluate((r) => r === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(pdf).toBeFocused();
  await page.keyboard.press('ArrowUp');
  const bpmn = dialog.getByRole('radio', { name: /^BPMN 2\.0 \(\.bpmn\)/ });
  await expect(bpmn).toBeFocused();
  await expect(bpmn).toBeChecked();

  // While it runs, the options are locked with aria-disabled, never disabled (which would drop
  // the keyboard to the page).
  await dialog.evaluate((el) => {
    const seen = { disabled: 0, locked: 0, lostFocus: 0 };
    (window as unknown as { seen: typeof seen }).seen = seen;
    new MutationObserver((changes) => {
      for (const c of changes) {
        const input = c.target as HTMLInputElement;
        if (c.attributeName === 'disabled' && input.type === 'radio' && input.disabled) {
          seen.disabled++;
        }
        if (c.attributeName === 'aria-disabled' && input.getAttribute('aria-disabled') === 'true') {
          seen.locked++;
        }
      }
    }).observe(el, {
      subtree: true,
      attributes: true,
      attributeFilter: ['disabled', 'aria-disabled'],
    });
    el.addEventListener('focusout', (e) => {
      if (!(e as FocusEvent).relatedTarget) seen.lostFocus++;
    });
  });
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const file = await download;
  expect(file.suggestedFilename()).toBe('Keyboard export.bpmn');
  await expect(dialog.getByTestId('export-done')).toContainText('Keyboard export.bpmn');

  await expect(bpmn).toBeFocused();
  expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  const seen = await page.evaluate(() => (window as unknown as { seen: object }).seen);
  expect(seen).toEqual({ disabled: 0, locked: expect.any(Number), lostFocus: 0 });
  expect((seen as { locked: number }).locked).toBeGreaterThan(0);
  // The arrows while it ran changed nothing; now they choose again.
  await page.keyboard.press('ArrowUp');
  await expect(dialog.getByRole('radio', { name: /^CSV: findings/ })).toBeChecked();
});
