import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe';
import {
  expectConnected,
  makeMap,
  newScenario,
  openLink,
  step,
  storedMap,
  threeLaneMap,
} from './editor-helpers';
import {
  focused,
  grid,
  openTable,
  row,
  rows,
  type StoredStep,
  storedStep,
  storedSteps,
} from './table-helpers';

/*
 * The table view: the steps of the process shown as a grid, filled in by keyboard alone; every
 * saved cell one undo step, live for colleagues. Pasting from a spreadsheet: table-paste.spec.ts.
 */

test('keyboard only: move, edit several cells, a refused value says why, undo per cell', async ({
  page,
}) => {
  const made = await makeMap(page, threeLaneMap('Referral table'));
  await openLink(page, made.editUrl);
  await openTable(page);

  // One Tab stop, on the first step's name; the rows in flow order.
  await expect(rows(page)).toHaveCount(5);
  await expect(page.getByRole('rowheader')).toHaveText([
    'Receive letter',
    'Register referral',
    'Triage referral',
    'Book clinic',
    'Clinic booked',
  ]);
  await expect(focused(page)).toHaveText('Receive letter');
  await expect(grid(page).locator('[tabindex="0"]')).toHaveCount(1);
  // The status line names the table's keys, not the canvas's.
  await expect(page.getByTestId('status-line')).toContainText('Table: the arrow keys move');
  await expect(page.getByTestId('status-line')).not.toContainText('Alt+N');

  // Two cells right is the process time: typing starts the edit, Enter saves and goes down.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(focused(page)).toHaveAttribute('data-testid', 'cell-processTime');
  await page.keyboard.type('12');
  await expect(page.getByRole('textbox', { name: 'Process time, Receive letter' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(row(page, 'Receive letter').getByTestId('cell-processTime')).toHaveText('12 min');
  await expect(focused(page)).toHaveAttribute('data-testid', 'cell-processTime');
  await expect(focused(page).locator('xpath=..')).toContainText('Register referral');

  // F2 edits in place; Tab saves and goes right, to the wait.
  await page.keyboard.press('F2');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('2 h');
  await page.keyboard.press('Tab');
  await expect(row(page, 'Register referral').getByTestId('cell-processTime')).toHaveText('2 h');
  await expect(focused(page)).toHaveAttribute('data-testid', 'cell-waitTime');

  // A value that is no time is refused: the field stays, says why, and nothing is written.
  await page.keyboard.type('abc');
  await page.keyboard.press('Enter');
  const wait = page.getByRole('textbox', { name: 'Wait before, Register referral' });
  await expect(wait).toBeFocused();
  await expect(wait).toHaveAttribute('aria-invalid', 'true');
  await expect(wait).toHaveAccessibleDescription(/"abc" is not a duration/);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('-5');
  await page.keyboard.press('Enter');
  await expect(wait).toHaveAccessibleDescription('A duration cannot be negative.');
  // Esc cancels: the old (empty) value stays, and the keyboard is back on the cell.
  await page.keyboard.press('Escape');
  await expect(wait).toHaveCount(0);
  await expect(focused(page)).toHaveAttribute('data-testid', 'cell-waitTime');
  await expect(focused(page)).toHaveText('');
  expect((await storedStep(page, 's2'))?.waitTime).toBeUndefined();

  // The value class is a list: typing its first letter picks it, Enter saves.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type('w');
  await expect(page.getByRole('combobox', { name: 'Value, Register referral' })).toHaveValue(
    'waste',
  );
  await page.keyboard.press('Enter');
  await expect(row(page, 'Register referral').getByTestId('cell-valueClass')).toHaveText('Waste');

  // The role too: Home goes to the row's first cell (Book clinic's, one row down).
  await page.keyboard.press('Home');
  await expect(focused(page)).toHaveText('GP');
  await page.keyboard.press('Enter');
  const role = page.getByRole('combobox', { name: 'Role, Triage referral' });
  await expect(role).toBeFocused();
  await role.selectOption({ label: 'Nurse' });
  await page.keyboard.press('Enter');
  await expect(row(page, 'Triage referral').getByTestId('cell-role')).toHaveText('Nurse');

  await expect
    .poll(async () => {
      const s = await storedSteps(page);
      const by = (id: string) => s.find((x) => x.id === id);
      return [by('s1')?.processTime, by('s2')?.processTime, by('s2')?.valueClass, by('s3')?.roleId];
    })
    .toEqual([12, 120, 'waste', 'nurse']);

  // Ctrl+Z takes back one cell at a time, latest first.
  await page.keyboard.press('Control+z');
  await expect(row(page, 'Triage referral').getByTestId('cell-role')).toHaveText('GP');
  await page.keyboard.press('Control+z');
  await expect(row(page, 'Register referral').getByTestId('cell-valueClass')).toHaveText('');
  await page.keyboard.press('Control+z');
  await expect(row(page, 'Register referral').getByTestId('cell-processTime')).toHaveText('');
  await expect(row(page, 'Receive letter').getByTestId('cell-processTime')).toHaveText('12 min');
  await expect.poll(async () => (await storedStep(page, 's2'))?.processTime).toBeUndefined();

  // Ctrl+Home is the first header; Enter sorts by it (a view setting, never written).
  await page.keyboard.press('Control+Home');
  await expect(focused(page)).toHaveText(/^Role/);
  await page.keyboard.press('Enter');
  const roleHeader = page.getByRole('columnheader', { name: /Role/ });
  await expect(roleHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByRole('rowheader')).toHaveText([
    'Receive letter',
    'Register referral',
    'Triage referral',
    'Book clinic',
    'Clinic booked',
  ]);
  await page.keyboard.press('Enter');
  await expect(roleHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByRole('rowheader').first()).toHaveText('Book clinic');
  await page.keyboard.press('Enter');
  await expect(roleHeader).not.toHaveAttribute('aria-sort', /./);
  // Ctrl+End is the last step's last cell.
  await page.keyboard.press('Control+End');
  await expect(focused(page)).toHaveAttribute('data-testid', 'cell-systems');
  await expect(focused(page).locator('xpath=..')).toContainText('Clinic booked');

  // Alt+G again: back to the map, the keyboard on it.
  await page.keyboard.press('Alt+g');
  await expect(page.getByTestId('table-view')).toHaveCount(0);
  await expect(step(page, 'Receive letter')).toBeVisible();
  await expect(page.getByTestId('status-line')).not.toContainText('Table:');
  // The shortcuts dialog lists the key.
  await page.keyboard.press('?');
  const dialog = page.getByTestId('shortcuts-dialog');
  await expect(dialog.getByRole('row', { name: /Alt\+G.*Table: the steps as a grid/ })).toHaveCount(
    1,
  );
});

test('a scenario shown: the table edits the scenario, the as-is stays as it was', async ({
  page,
}) => {
  const made = await makeMap(page, threeLaneMap('Referral to-be'));
  await openLink(page, made.editUrl);
  await newScenario(page, 'Faster triage');
  await openTable(page);
  await row(page, 'Triage referral').getByTestId('cell-waitTime').click();
  await page.keyboard.type('1 h');
  await page.keyboard.press('Enter');
  await expect(row(page, 'Triage referral').getByTestId('cell-waitTime')).toHaveText('1 h');
  await expect
    .poll(async () => {
      const map = (await storedMap(page)) as unknown as {
        steps: StoredStep[];
        scenarios: { name: string; steps: StoredStep[] }[];
      };
      const asIs = map.steps.find((s) => s.id === 's3');
      const toBe = map.scenarios[0]?.steps.find((s) => s.label === 'Triage referral');
      return [asIs?.waitTime ?? null, toBe?.waitTime ?? null];
    })
    .toEqual([null, 60]);
});

test('on a view link the table reads and sorts, and says it cannot change', async ({ page }) => {
  const made = await makeMap(page, threeLaneMap('Read-only table'));
  await openLink(page, made.viewUrl);
  await openTable(page);
  await expect(grid(page)).toHaveAttribute('aria-readonly', 'true');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type('x');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('table-cell-field')).toHaveCount(0);
  await expect(page.getByTestId('table-status')).toHaveText(
    'View only: you can read this table, not change it.',
  );
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('columnheader', { name: /Step/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await expect(page.getByRole('rowheader').first()).toHaveText('Book clinic');
});

test('two browsers: a cell saved in one shows on the other’s map and table, and a colleague’s edit leaves an edit in progress alone', async ({
  browser,
}) => {
  const alice = await (await browser.newContext()).newPage();
  const bob = await (await browser.newContext()).newPage();
  const made = await makeMap(alice, threeLaneMap('Shared table'));
  await openLink(alice, made.editUrl);
  await openLink(bob, made.editUrl);
  await expectConnected(bob);

  await openTable(alice);
  await row(alice, 'Triage referral').getByTestId('cell-processTime').click();
  await alice.keyboard.type('15');
  await alice.keyboard.press('Enter');
  await expect(step(bob, 'Triage referral').getByTestId('step-times')).toHaveText('15 min');

  // Alice is typing a name when Bob, in his table, changes another step: her edit stays.
  await row(alice, 'Receive letter').getByTestId('cell-label').click();
  await alice.keyboard.press('F2');
  await alice.keyboard.press('Control+a');
  await alice.keyboard.type('Receive the referral');
  await openTable(bob);
  await expect(row(bob, 'Triage referral').getByTestId('cell-processTime')).toHaveText('15 min');
  await row(bob, 'Book clinic').getByTestId('cell-processTime').click();
  await bob.keyboard.type('7');
  await bob.keyboard.press('Enter');
  await expect(row(alice, 'Book clinic').getByTestId('cell-processTime')).toHaveText('7 min');
  const field = alice.getByRole('textbox', { name: 'Step, Receive letter' });
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('Receive the referral');
  await alice.keyboard.press('Enter');
  await expect(bob.getByRole('rowheader', { name: 'Receive the referral' })).toBeVisible();

  await alice.context().close();
  await bob.context().close();
});

test('the table passes axe, with data, a refused value and an empty process, and reflows at 320 px', async ({
  page,
}) => {
  const made = await makeMap(page, threeLaneMap('Accessible table'));
  await openLink(page, made.editUrl);
  await openTable(page);
  await expectAccessible(page, 'the table view', { examined: ['.table-grid__text'] });

  await row(page, 'Triage referral').getByTestId('cell-waitTime').click();
  await page.keyboard.type('soon');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'not a duration' })).toBeVisible();
  await expectAccessible(page, 'the table with a refused value');
  await page.keyboard.press('Escape');

  // 320 CSS px: only the grid's own region scrolls sideways.
  await page.setViewportSize({ width: 320, height: 640 });
  await expect(page.getByTestId('table-grid')).toBeVisible();
  const outside = await page.evaluate(() => {
    const out: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth) out.push('the page');
    for (const el of document.querySelectorAll('body *')) {
      if (el.closest('.table-view__scroll, .react-flow')) continue;
      if (!el.checkVisibility()) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.left < -0.5 || box.right > window.innerWidth + 0.5) {
        out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
      }
    }
    return out;
  });
  expect(outside).toEqual([]);
  const region = page.locator('.table-view__scroll');
  const box = await region.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(320.5);
  // The grid keeps room for its rows, and its cells still take the keyboard.
  expect(box!.height).toBeGreaterThanOrEqual(200);
  await row(page, 'Book clinic').getByTestId('cell-label').click();
  await page.keyboard.press('End');
  await expect(focused(page)).toHaveAttribute('data-testid', 'cell-systems');
  await expect(focused(page)).toBeInViewport();
  await expectAccessible(page, 'the table at 320 px');

  // A process with no steps: the empty state, still axe-clean.
  await page.setViewportSize({ width: 1280, height: 800 });
  const empty = await makeMap(page, { ...threeLaneMap('Empty table'), steps: [], flows: [] });
  await openLink(page, empty.editUrl);
  await openTable(page);
  await expect(page.getByTestId('table-empty')).toContainText('no steps yet');
  await expect(rows(page)).toHaveCount(0);
  await expectAccessible(page, 'the empty table view');
});

test('times as a sheet writes them are read, and a refused value is replaced, not added to, by what is typed next', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 560 });
  const made = await makeMap(page, threeLaneMap('Sheet times'));
  await openLink(page, made.editUrl);
  await openTable(page);

  const cell = (label: string, id: string) => row(page, label).getByTestId(`cell-${id}`);
  await cell('Receive letter', 'processTime').click();
  for (const [typed, shown] of [
    ['0:45', '45 min'],
    ['00:30', '30 min'],
    ['1 wk', '5 d'],
    ['1,5 h', '1 h 30 min'],
  ] as const) {
    await page.keyboard.type(typed);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('table-cell-field')).toHaveCount(0);
    await expect(focused(page).locator('xpath=..')).not.toContainText('Receive letter');
    await page.keyboard.press('ArrowUp');
    await expect(cell('Receive letter', 'processTime')).toHaveText(shown);
  }
  await expect(page.getByTestId('table-status')).toHaveText(
    'Receive letter: process time now 1 h 30 min.',
  );
  await expect.poll(async () => (await storedStep(page, 's1'))?.processTime).toBe(90);

  // The last row's wait: a refused value, then Tab. The field stays with its text selected and
  // its reason in view; what is typed next replaces the text.
  await cell('Clinic booked', 'waitTime').click();
  await page.keyboard.type('soon');
  await page.keyboard.press('Tab');
  const field = page.getByRole('textbox', { name: 'Wait before, Clinic booked' });
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  const selected = () =>
    field.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd, el.value.length]);
  expect(await selected()).toEqual([0, 4, 4]);
  const reason = page.getByRole('alert').filter({ hasText: 'not a duration' });
  await expect(reason).toBeInViewport();
  await page.keyboard.type('2h');
  await expect(field).toHaveValue('2h');
  // A second refusal selects again.
  await page.keyboard.press('Control+a');
  await page.keyboard.type('-1 h');
  await page.keyboard.press('Tab');
  await expect(field).toHaveAccessibleDescription('A duration cannot be negative.');
  expect(await selected()).toEqual([0, 4, 4]);
  await page.keyboard.type('2h');
  await page.keyboard.press('Enter');
  await expect(cell('Clinic booked', 'waitTime')).toHaveText('2 h');
  await expect(page.getByTestId('table-status')).toHaveText('Clinic booked: wait before now 2 h.');
});

test('with the properties panel open, columns past the edge are named, and the arrow keys bring them into view', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const made = await makeMap(page, threeLaneMap('Wide table'));
  await openLink(page, made.editUrl);
  await openTable(page);
  await expect(page.getByTestId('properties-panel')).toBeVisible();

  const region = page.locator('.table-view__scroll');
  const sizes = () =>
    region.evaluate((el) => ({
      overflowX: getComputedStyle(el).overflowX,
      wider: el.scrollWidth > el.clientWidth,
      scrollLeft: el.scrollLeft,
    }));
  expect(await sizes()).toEqual({ overflowX: 'auto', wider: true, scrollLeft: 0 });
  const more = page.getByTestId('table-more-columns');
  await expect(more).toBeVisible();
  await expect(more).toContainText(/to the right: .*Data entered, Systems →/);

  // ArrowRight cell by cell to the last column: each focused cell is brought on screen.
  await expect(focused(page)).toHaveText('Receive letter');
  for (let i = 1; i < 8; i++) {
    await page.keyboard.press('ArrowRight');
    await expect(focused(page)).toBeInViewport({ ratio: 0.9 });
  }
  await expect(focused(page)).toHaveAttribute('data-testid', 'cell-systems');
  expect((await sizes()).scrollLeft).toBeGreaterThan(0);
  const box = await focused(page).boundingBox();
  const panel = await page.getByTestId('properties-panel').boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(panel!.x + 0.5);
  await expect(more).toContainText(/^More columns ← to the left: Role/);
  await expect(more).not.toContainText('to the right');
});
