import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { importFile } from '@procmap/interop';
import { type ProcessMap, scenarioMap, validateMap } from '@procmap/model';
import { makeMap, openLink } from './editor-helpers';

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
