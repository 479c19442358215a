import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { importFile } from '@procmap/interop';
import { expectAccessible } from './axe';
import { expectConnected, step, storedMap } from './editor-helpers';
import { expectInWindow, expectReflows, PHONE } from './reflow-helpers';

const fixtures = join(import.meta.dirname, '..', '..', '..', 'packages', 'interop', 'fixtures');
const INVOICE = join(fixtures, 'bpmn', 'miwg-C.1.0.bpmn');

/** What procmap makes of the invoice file, read here as the page will read it. */
async function invoiceMap() {
  const imported = await importFile(readFileSync(INVOICE, 'utf8'), { name: 'miwg-C.1.0.bpmn' });
  if (!imported.ok) throw new Error(imported.message);
  return imported;
}

// File choosers are caught from the start: turned on by the first listener, the catching itself
// takes a moment, and a key press can open the picker sooner than that.
test.beforeEach(({ page }) => {
  page.on('filechooser', () => {});
});

/** Picks `path` with the Import button's file picker. */
async function pickFile(page: Page, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import a file…' }).click();
  await (await chooser).setFiles(path);
}

/** Drags a file of this name and text over the home page and drops it there. */
async function dropFile(page: Page, name: string, text: string) {
  const dataTransfer = await page.evaluateHandle(
    ([n, t]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([t], n, { type: 'text/csv' }));
      return transfer;
    },
    [name, text] as const,
  );
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  await expect(page.getByTestId('drop-overlay')).toBeVisible();
  await expect(page.getByTestId('drop-overlay')).toContainText('Drop the file to import it');
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(page.getByTestId('drop-overlay')).toHaveCount(0);
}

/** A comment as the stored map holds it. */
interface MapComment {
  readonly author: string;
  readonly text: string;
  readonly createdAt: string;
  readonly targetId?: string;
}

/** Every map-creating request the page sends. */
function createRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/maps' && r.method() === 'POST') seen.push(r.url());
  });
  return seen;
}

test('a BPMN file picked with the button is reviewed with its notes, then created and opened', async ({
  page,
}) => {
  const expected = await invoiceMap();
  // The importers load on the first import only, and slowly here, to see the page say so.
  const loaded: string[] = [];
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.context().route(/\/assets\/ImportDialog-[^/]*\.js$/, async (route) => {
    loaded.push(route.request().url());
    await held;
    await route.continue();
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'procmap' })).toBeVisible();
  expect(loaded).toEqual([]);
  await pickFile(page, INVOICE);
  await expect(page.getByTestId('import-status')).toHaveText('Reading miwg-C.1.0.bpmn…');
  await expect(page.getByRole('button', { name: 'Reading…' })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await expect.poll(() => loaded.length).toBe(1);
  release();

  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByRole('heading', { name: 'Import “miwg-C.1.0.bpmn”' })).toBeVisible();
  const { roles, steps, flows } = expected.map;
  await expect(dialog.getByTestId('import-summary')).toContainText(
    `This BPMN 2.0 diagram becomes a new map with ${roles.length} roles (lanes), ${steps.length} steps and ${flows.length} flows`,
  );
  const notes = dialog.getByRole('list', { name: 'What was approximated' }).getByRole('listitem');
  await expect(notes).toHaveText(expected.notes.map((n) => n.message));
  await expect(dialog.getByLabel('Title of the new map')).toHaveValue(expected.map.title);
  await expectAccessible(page, 'the review of a BPMN file', {
    include: '[data-testid="import-dialog"]',
  });

  await dialog.getByRole('button', { name: 'Create map' }).click();
  await expect(page).toHaveURL(/\/m\/[^/]+#token=/);
  await expectConnected(page);
  await expect(page.getByTestId('step')).toHaveCount(steps.length);
  await expect(step(page, 'Scan Invoice')).toBeVisible();
  await expect(page.getByTestId('lane')).toHaveCount(roles.length);
  // What was approximated outlives the review: one note on the whole map, dated at the import.
  const { comments = [] } = (await storedMap(page)) as unknown as { comments?: MapComment[] };
  const kept = comments.filter((c) => c.author === 'Import');
  expect(kept).toHaveLength(1);
  expect(kept[0]?.targetId).toBeUndefined();
  expect(kept[0]?.text).toBe(
    `Imported from miwg-C.1.0.bpmn (BPMN 2.0). What was approximated: ${expected.notes.map((n) => n.message.replace(/\.$/, '')).join('; ')}.`,
  );
  expect(Date.parse(kept[0]?.createdAt ?? '')).toBeGreaterThan(Date.now() - 5 * 60_000);

  // Listed among this browser's maps, like a map made from a template.
  await page.goto('/');
  await expect(page.getByTestId('map-list').getByRole('link', { name: 'C.1.0' })).toBeVisible();
});

const SHEET = [
  'Step,Owner,Minutes,Wait (h)',
  'Receive referral,Clerk,5,1',
  'Triage referral,Nurse,10,x',
  'Book clinic,Clerk,3,24',
].join('\n');

test('a spreadsheet dropped on the page is previewed; a column read differently changes the map made', async ({
  page,
}) => {
  const requests = createRequests(page);
  await page.goto('/');
  await dropFile(page, 'referrals.csv', SHEET);

  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByRole('heading', { name: 'Import “referrals.csv”' })).toBeVisible();
  await expect(dialog.getByTestId('import-column')).toHaveCount(4);
  const minutes = dialog.getByLabel('Read “Minutes” as');
  await expect(dialog.getByLabel('Read “Step” as')).toHaveValue('label');
  await expect(dialog.getByLabel('Read “Owner” as')).toHaveValue('role');
  await expect(minutes).toHaveValue('');
  await expect(dialog.getByTestId('import-column').nth(1)).toContainText('Clerk · Nurse · Clerk');
  await expect(dialog.getByTestId('import-problems')).toContainText('Row 3');
  await expect(dialog.getByTestId('import-summary')).toContainText('2 roles (lanes)');
  // What the import approximates is listed before anything is created.
  const notes = dialog.getByRole('list', { name: 'What was approximated' });
  await expect(notes).toContainText('2 roles created from the "Owner" column.');
  await expect(notes).toContainText('The sheet has no start step');
  // The wait's unit comes from its header, and can be chosen.
  const waitUnit = dialog.getByLabel('Bare numbers in “Wait (h)”');
  await expect(waitUnit).toHaveValue('h');
  await expect(dialog.getByTestId('import-column').nth(3)).toContainText('as the header says');
  await expectAccessible(page, 'the preview of a spreadsheet', {
    include: '[data-testid="import-dialog"]',
  });

  // The minutes column read as the process time; the owners ignored: one lane for every step.
  await minutes.selectOption({ label: 'Process time' });
  await expect(dialog.getByTestId('import-column-status')).toContainText(
    '“Minutes” is now read as Process time.',
  );
  // Read as a time, "Minutes" names its unit; the menu offers the others.
  const minutesUnit = dialog.getByLabel('Bare numbers in “Minutes”');
  await expect(minutesUnit).toHaveValue('min');
  await expect(minutesUnit.getByRole('option')).toHaveText(['minutes', 'hours', 'days', 'weeks']);
  await expect(dialog.getByTestId('import-column').nth(2)).toContainText('as the header says');
  await waitUnit.selectOption({ label: 'days' });
  await expect(dialog.getByTestId('import-column-status')).toContainText(
    'Bare numbers in “Wait (h)” are now read in days.',
  );
  await expect(dialog.getByTestId('import-column').nth(3)).toContainText('as chosen');
  await dialog.getByLabel('Read “Owner” as').selectOption({ label: 'Ignored' });
  await expect(dialog.getByTestId('import-summary')).toContainText('1 role (lane)');
  expect(requests).toHaveLength(0);

  await dialog.getByRole('button', { name: 'Create map' }).click();
  await expect(page).toHaveURL(/\/m\/[^/]+#token=/);
  await expectConnected(page);
  await expect(step(page, 'Triage referral')).toBeVisible();
  const stored = await storedMap(page);
  expect(stored.roles).toHaveLength(1);
  const byLabel = new Map(
    stored.steps.map((s) => [s.label, s as typeof s & { processTime?: number }]),
  );
  expect(byLabel.get('Receive referral')?.processTime).toBe(5);
  expect(byLabel.get('Triage referral')?.processTime).toBe(10);
  // One working day of 7.5 hours, as the unit chosen says.
  const waited = byLabel.get('Receive referral') as { waitTime?: number } | undefined;
  expect(waited?.waitTime).toBe(450);
  const { comments = [] } = stored as unknown as { comments?: MapComment[] };
  expect(comments.filter((c) => c.author === 'Import').map((c) => c.text)).toEqual([
    expect.stringMatching(/^Imported from referrals\.csv \(CSV\)\. What was approximated: /),
  ]);
  expect(requests).toHaveLength(1);
});

test('two files dropped at once are refused, and the keyboard goes back to the Import button', async ({
  page,
}) => {
  const requests = createRequests(page);
  await page.goto('/');
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['Step\nOne'], 'one.csv', { type: 'text/csv' }));
    transfer.items.add(new File(['Step\nTwo'], 'two.csv', { type: 'text/csv' }));
    return transfer;
  });
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByRole('heading', { name: 'Nothing was imported' })).toBeVisible();
  await expect(dialog.getByRole('alert')).toHaveText(
    'Drop one file at a time: 2 files were dropped, none was read.',
  );
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Import a file…' })).toBeFocused();
  expect(requests).toEqual([]);
});

test('a file with a document type is refused with its line, and no map is created', async ({
  page,
}) => {
  const requests = createRequests(page);
  await page.goto('/');
  await page.getByTestId('import-input').setInputFiles({
    name: 'entities.bpmn',
    mimeType: 'application/xml',
    buffer: Buffer.from(
      '<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY e "x">]>\n<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"/>\n',
    ),
  });
  const dialog = page.getByTestId('import-dialog');
  await expect(
    dialog.getByRole('heading', { name: '“entities.bpmn” cannot be imported' }),
  ).toBeVisible();
  await expect(dialog.getByRole('alert')).toContainText(/^Line 2, column 1: .*document type/);
  await expect(dialog.getByRole('button', { name: 'Create map' })).toHaveCount(0);
  await expectAccessible(page, 'an import refused', { include: '[data-testid="import-dialog"]' });
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Import a file…' })).toBeFocused();
  await expect(page).toHaveURL(/\/$/);
  expect(requests).toEqual([]);
});

test('a picture renamed .bpmn and a broken BPMN file are refused in plain words, each said once', async ({
  page,
}) => {
  const requests = createRequests(page);
  await page.goto('/');
  await page.getByTestId('import-input').setInputFiles({
    name: 'diagram.bpmn',
    mimeType: 'application/xml',
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
  });
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByRole('alert')).toHaveText(
    'This looks like a PNG image, not a BPMN, draw.io or CSV file.',
  );
  await dialog.getByRole('button', { name: 'OK' }).click();
  await page.getByTestId('import-input').setInputFiles({
    name: 'broken.bpmn',
    mimeType: 'application/xml',
    buffer: Buffer.from(
      '<?xml version="1.0"?>\n<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">\n  <process id="p">\n</definitions>\n',
    ),
  });
  await expect(dialog.getByRole('alert')).toContainText(
    /^Line 4, column 1: This file is not well-formed XML: a tag, a quote or a character is out of place/,
  );
  const text = (await dialog.textContent()) ?? '';
  expect(text.match(/export it again/g)).toHaveLength(1);
  expect(text.match(/line 4/gi)).toHaveLength(1);
  expect(requests).toEqual([]);
});

test('by keyboard only: to the Import button, a file, Escape back to the button, then Create map', async ({
  page,
}) => {
  const expected = await invoiceMap();
  await page.goto('/');
  const button = page.getByRole('button', { name: 'Import a file…' });
  for (let i = 0; i < 20 && !(await button.evaluate((b) => b === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(button).toBeFocused();

  let chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(INVOICE);
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  // The keyboard is in the dialog; Escape closes it and gives it back to the button.
  await expect(dialog.locator(':focus')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(button).toBeFocused();

  chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(INVOICE);
  await expect(dialog).toBeVisible();
  const create = dialog.getByRole('button', { name: 'Create map' });
  const title = dialog.getByLabel('Title of the new map');
  // Tab order: close, title, Cancel, Create map (the notes are text, not stops).
  for (let i = 0; i < 10 && !(await title.evaluate((t) => t === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(title).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Invoice handling by keyboard');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(create).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/m\/[^/]+#token=/);
  await expectConnected(page);
  await expect(page.getByTestId('map-title')).toHaveText('Invoice handling by keyboard');
  await expect(page.getByTestId('step')).toHaveCount(expected.map.steps.length);
});

test('a procmap map file is created as it is, with its scenarios', async ({ page }) => {
  const path = join(
    import.meta.dirname,
    '..',
    '..',
    '..',
    'examples',
    'referral-scenarios.procmap.json',
  );
  const file = JSON.parse(readFileSync(path, 'utf8')) as {
    title: string;
    steps: unknown[];
    scenarios: unknown[];
  };
  await page.goto('/');
  await pickFile(page, path);
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-summary')).toContainText(`${file.steps.length} steps`);
  await expect(dialog.getByTestId('import-summary')).toContainText(
    `${file.scenarios.length} scenario`,
  );
  await dialog.getByRole('button', { name: 'Create map' }).click();
  await expectConnected(page);
  const stored = (await storedMap(page)) as unknown as { title: string; scenarios: unknown[] };
  expect(stored.title).toBe(file.title);
  expect(stored.scenarios).toHaveLength(file.scenarios.length);
});

test('at 320 px the preview reflows: no sideways scrolling, every menu and button in reach', async ({
  page,
}) => {
  await page.setViewportSize(PHONE);
  await page.goto('/');
  await expectReflows(page, 'the home page with Import at 320 px');
  await page.getByTestId('import-input').setInputFiles({
    name: 'a sheet with a long name for a narrow window.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${SHEET}\nA step whose label is long enough to wrap many times,Clerk,1,1`),
  });
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-column')).toHaveCount(4);
  await expectReflows(page, 'the spreadsheet preview at 320 px');
  const menu = dialog.getByLabel('Read “Wait (h)” as');
  await menu.scrollIntoViewIfNeeded();
  await expectInWindow(page, menu, 'the last column’s menu', true);
  const create = dialog.getByRole('button', { name: 'Create map' });
  await create.scrollIntoViewIfNeeded();
  await expectInWindow(page, create, 'Create map');
  await expectAccessible(page, 'the spreadsheet preview at 320 px', {
    include: '[data-testid="import-dialog"]',
  });
});
