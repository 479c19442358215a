import { expect, test } from '@playwright/test';
import { makeMap, openLink, threeLaneMap } from './editor-helpers';
import { focused, grid, openTable, row, rows, storedSteps } from './table-helpers';

/*
 * The table view fed from a spreadsheet: a block pasted onto a cell updates steps and adds the
 * rest in one undo step, and the cells it could not read stay marked until each is saved.
 */

test('a 3-row block pasted from a spreadsheet updates steps and adds the rest, one undo', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const made = await makeMap(page, threeLaneMap('Referral paste'));
  await openLink(page, made.editUrl);
  await openTable(page);

  // From Book clinic's process time: its row, the last step's, then one new step.
  await page.keyboard.press('Control+End');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Home');
  await expect(focused(page)).toHaveText('Nurse');
  // As Excel copies it: CRLF between rows, a cell with a line break in quotes.
  const block = [
    'Nurse\tBook clinic slot\tTask\t5 min\t1 d',
    '\tClinic booked\t\t\tsoon',
    'GP\t"Write to the\npatient’s GP"\t\t10\t',
  ].join('\r\n');
  await page.evaluate((text) => navigator.clipboard.writeText(`${text}\r\n`), block);
  await page.keyboard.press('Control+v');

  await expect(page.getByTestId('table-status')).toHaveText(
    'Updated 3 cells, added 1 step; 1 value not understood: row 5 Wait before “soon”. Ctrl+Z undoes the whole paste.',
  );
  await expect(page.getByTestId('table-problems')).toContainText('not a duration');
  await expect(rows(page)).toHaveCount(6);
  // The refused cell is marked in the grid, and its problem line describes it.
  const refused = grid(page).locator('[aria-invalid="true"]');
  await expect(refused).toHaveCount(1);
  const soon = row(page, 'Clinic booked').getByTestId('cell-waitTime');
  await expect(soon).toHaveAttribute('aria-invalid', 'true');
  await expect(soon).toHaveClass(/is-refused/);
  await expect(soon).toHaveAccessibleDescription(/“soon”.*not a duration/);
  const outline = await soon.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('dashed');
  const added = rows(page).nth(5);
  await expect(added.getByTestId('cell-label')).toHaveText('Write to the\npatient’s GP');
  await expect(added.getByTestId('cell-role')).toHaveText('GP');
  await expect(added.getByTestId('cell-processTime')).toHaveText('10 min');
  await expect(row(page, 'Book clinic slot').getByTestId('cell-waitTime')).toHaveText('1 d');

  await expect
    .poll(async () => {
      const s = await storedSteps(page);
      return s
        .map((x) => [x.label, x.roleId, x.processTime ?? null, x.waitTime ?? null])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    })
    .toEqual([
      ['Book clinic slot', 'nurse', 5, 450],
      ['Clinic booked', 'nurse', null, null],
      ['Receive letter', 'clerk', null, null],
      ['Register referral', 'clerk', null, null],
      ['Triage referral', 'gp', null, null],
      ['Write to the\npatient’s GP', 'gp', 10, null],
    ]);

  // One Ctrl+Z takes the whole paste back, and says so: the paste's words and marks go.
  await page.keyboard.press('Control+z');
  await expect(rows(page)).toHaveCount(5);
  await expect(page.getByTestId('table-status')).toHaveText(
    'Undone: the paste. Ctrl+Shift+Z redoes.',
  );
  await expect(page.getByTestId('table-problems')).toHaveCount(0);
  await expect(refused).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(rows(page)).toHaveCount(6);
  await expect(page.getByTestId('table-status')).toHaveText('Redone: the paste.');
  await page.keyboard.press('Control+z');
  await expect(row(page, 'Book clinic').getByTestId('cell-waitTime')).toHaveText('');
  await expect.poll(async () => (await storedSteps(page)).length).toBe(5);
});

test('the cells a paste refused stay marked until each is saved, and an undo clears the rest', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const made = await makeMap(page, threeLaneMap('Refused cells'));
  await openLink(page, made.editUrl);
  await openTable(page);
  const cell = (label: string, id: string) => row(page, label).getByTestId(`cell-${id}`);
  await cell('Receive letter', 'processTime').click();
  await page.evaluate(() => navigator.clipboard.writeText('soon\t1 d\r\n0:45\tnever\r\n'));
  await page.keyboard.press('Control+v');
  await expect(page.getByTestId('table-status')).toContainText('2 values not understood');
  const marked = grid(page).locator('[aria-invalid="true"]');
  await expect(marked).toHaveCount(2);
  await expect(cell('Receive letter', 'processTime')).toHaveAttribute('aria-invalid', 'true');
  await expect(cell('Register referral', 'waitTime')).toHaveAttribute('aria-invalid', 'true');
  await expect(cell('Register referral', 'processTime')).toHaveText('45 min');
  await expect(cell('Receive letter', 'waitTime')).toHaveText('1 d');

  // Saving one refused cell takes its mark and its line away; the other stays.
  await cell('Receive letter', 'processTime').click();
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('table-status')).toHaveText(
    'Receive letter: process time now 5 min.',
  );
  await expect(marked).toHaveCount(1);
  await expect(cell('Register referral', 'waitTime')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('table-problems').getByRole('listitem')).toHaveCount(1);

  // An undo (of that cell): the status says so, and the paste's list and marks go.
  await page.keyboard.press('Control+z');
  await expect(cell('Receive letter', 'processTime')).toHaveText('');
  await expect(page.getByTestId('table-status')).toHaveText('Undone. Ctrl+Shift+Z redoes.');
  await expect(page.getByTestId('table-problems')).toHaveCount(0);
  await expect(marked).toHaveCount(0);
});
