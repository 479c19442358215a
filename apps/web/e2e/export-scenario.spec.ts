import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { expectAccessible } from './axe';
import { makeMap, openLink, testStep, threeLaneMap } from './editor-helpers';

/*
 * Exports of a map with scenarios: the dialog's Process choice (labelled, keyboard-operable,
 * As-is by default) sends the scenario to the export, so the report is that scenario's case
 * study and a picture draws that scenario's process.
 */

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** The three-lane referral with a to-be: the nurse triages at booking, the GP's triage goes. */
function mapWithScenario() {
  const asIs = threeLaneMap('Referral scenarios');
  return {
    ...asIs,
    comments: [
      {
        id: 'c1',
        kind: 'idea',
        author: 'Ana',
        text: 'Let the nurse triage when booking',
        createdAt: '2026-12-01T09:00:00Z',
        votes: { ana: 2, ben: 1 },
      },
    ],
    scenarios: [
      {
        id: 'direct',
        name: 'To-be: direct booking',
        description: 'The nurse triages while booking the clinic',
        ideas: ['c1'],
        roles: asIs.roles,
        steps: [
          ...asIs.steps.filter((s) => s.id !== 's3'),
          testStep('s6', 'nurse', 'Nurse triages at booking'),
        ],
        flows: [
          { id: 'f1', from: 's1', to: 's2' },
          { id: 't1', from: 's2', to: 's6' },
          { id: 't2', from: 's6', to: 's4' },
          { id: 'f4', from: 's4', to: 's5' },
        ],
      },
    ],
  };
}

/** Exports with the dialog as it is set, returning the downloaded file. */
async function exportNow(page: Page) {
  const dialog = page.getByTestId('export-dialog');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const file = await download;
  await expect(dialog.getByTestId('export-done')).toContainText(file.suggestedFilename());
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path()) as string) };
}

test('a scenario is exported as its case study report and as a picture of its process', async ({
  page,
}, testInfo) => {
  const made = await makeMap(page, mapWithScenario());
  await openLink(page, made.editUrl);
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();

  // The report, with the Process choice: As-is by default, reached and set from the keyboard.
  await dialog.getByRole('radio', { name: /^Improvement report/ }).check();
  const process = dialog.getByRole('combobox', { name: 'Process' });
  await expect(process).toHaveValue('as-is');
  await expect(process.locator('option')).toHaveText([
    'As-is: the improvement report',
    'Case study: To-be: direct booking',
  ]);
  await expectAccessible(page, 'the Export dialog with a Process choice', {
    include: '[role="dialog"], dialog',
  });
  await process.focus();
  await page.keyboard.press('ArrowDown');
  await expect(process).toHaveValue('direct');

  const report = await exportNow(page);
  expect(report.name).toBe('Referral scenarios - To-be_ direct booking - case study.pdf');
  expect(report.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  if (hasPdftotext) {
    const path = testInfo.outputPath('case-study.pdf');
    writeFileSync(path, report.bytes);
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('With the case study of “To-be: direct booking”');
    expect(text).toContain('The decision in brief');
    expect(text).toContain('“Triage referral” (GP)'); // removed
    expect(text).toContain('“Nurse triages at booking” (Nurse)'); // added
    expect(text).toContain('3 votes · on the whole map');
    expect(text).toContain('Let the nurse triage when booking');
  }

  // A picture of the scenario: the choice stays, now naming the process itself.
  await dialog.getByRole('radio', { name: /^SVG/ }).check();
  await expect(process).toHaveValue('direct');
  await expect(process.locator('option')).toHaveText(['As-is', 'To-be: direct booking']);
  const svg = await exportNow(page);
  expect(svg.name).toBe('Referral scenarios - To-be_ direct booking.svg');
  const drawn = svg.bytes.toString('utf8');
  expect(drawn).toContain('Nurse triages at booking');
  expect(drawn).not.toContain('Triage referral');

  // Back to the as-is: its own steps again.
  await process.selectOption('as-is');
  const asIs = await exportNow(page);
  expect(asIs.name).toBe('Referral scenarios.svg');
  expect(asIs.bytes.toString('utf8')).toContain('Triage referral');
});

test('a map without scenarios has no Process choice', async ({ page }) => {
  const made = await makeMap(page, threeLaneMap('No scenarios'));
  await openLink(page, made.editUrl);
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('export-options')).toBeVisible();
  await expect(dialog.getByTestId('export-process')).toHaveCount(0);
});
