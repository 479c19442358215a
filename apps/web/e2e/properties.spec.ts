import { expect, type Page, test } from '@playwright/test';
import { createMapFromHome, expectConnected, step, typeInto } from './editor-helpers';

interface StoredStep {
  readonly label: string;
  readonly processTime?: number;
  readonly waitTime?: number;
  readonly valueClass?: string;
  readonly dataEntered?: readonly string[];
  readonly notes?: string;
}

/** The map as the server stores it, read with the token from the page's link. */
async function storedSteps(page: Page): Promise<readonly StoredStep[]> {
  const url = new URL(page.url());
  const id = url.pathname.split('/').pop() as string;
  const token = new URLSearchParams(url.hash.slice(1)).get('token') as string;
  const res = await page.request.get(`/api/maps/${id}?token=${encodeURIComponent(token)}`);
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { steps: StoredStep[] }).steps;
}

/** Types into a panel field and commits it with Enter. */
async function commit(page: Page, label: string, text: string) {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(text);
  await field.press('Enter');
}

test('the properties panel sets durations, value class and data items, stored in minutes', async ({
  page,
}) => {
  await createMapFromHome(page, 'Properties');
  const panel = page.getByTestId('properties-panel');

  // Given nothing selected, the panel shows the map settings.
  await expect(panel.getByTestId('map-settings')).toBeVisible();
  await expect(panel.getByLabel('Title', { exact: true })).toHaveValue('Properties');

  // Given a lane and a step made with the keyboard (the new step is selected).
  await typeInto(page, 'Alt+l', 'Lane name', 'Clerk');
  await typeInto(page, 'Alt+n', 'Step label', 'Scan letter');
  await expect(panel.getByTestId('step-properties')).toBeVisible();

  // When Alt+P moves focus into the panel and the fields are filled in.
  await page.keyboard.press('Alt+p');
  await expect(panel.getByLabel('Kind', { exact: true })).toBeFocused();
  await commit(page, 'Process time', '2h');
  await commit(page, 'Wait before', '1.5d');
  await panel.getByLabel('Value class', { exact: true }).selectOption('waste');
  await commit(page, 'Data entered', 'NHS number');
  await commit(page, 'Data entered', 'Address');

  // Typing shortcut letters into the panel never reaches the canvas.
  const notes = panel.getByLabel('Notes', { exact: true });
  await notes.click();
  await page.keyboard.type('Lanes and new steps? No.');
  await notes.blur();
  await expect(page.getByTestId('step')).toHaveCount(1);
  await expect(page.getByTestId('lane')).toHaveCount(1);

  await expect(panel.getByLabel('Process time', { exact: true })).toHaveValue('2 h');
  await expect(panel.getByLabel('Wait before', { exact: true })).toHaveValue('1.5 d');
  // The card shows them too, for everyone in the room.
  await expect(step(page, 'Scan letter').getByTestId('step-times')).toHaveText('2 h · waits 1.5 d');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  // Then after a reload the panel and the stored document agree, in minutes.
  await page.reload();
  await expectConnected(page);
  await step(page, 'Scan letter').click();
  await expect(panel.getByLabel('Process time', { exact: true })).toHaveValue('2 h');
  await expect(panel.getByLabel('Wait before', { exact: true })).toHaveValue('1.5 d');
  await expect(panel.getByLabel('Value class', { exact: true })).toHaveValue('waste');
  await expect(panel.getByTestId('data-entered').getByTestId('tag')).toHaveText([
    'NHS number×',
    'Address×',
  ]);
  const [stored] = await storedSteps(page);
  expect(stored).toMatchObject({
    label: 'Scan letter',
    processTime: 120,
    waitTime: 675,
    valueClass: 'waste',
    dataEntered: ['NHS number', 'Address'],
    notes: 'Lanes and new steps? No.',
  });

  // When a bad duration is typed, then a clear error shows and nothing changes.
  await commit(page, 'Process time', 'abc');
  await expect(panel.getByRole('alert')).toContainText('not a duration');
  await expect(panel.getByLabel('Process time', { exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(page.getByTestId('step')).toHaveCount(1);
  const [after] = await storedSteps(page);
  expect(after?.processTime).toBe(120);

  // Esc puts the stored value back.
  await panel.getByLabel('Process time', { exact: true }).press('Escape');
  await expect(panel.getByLabel('Process time', { exact: true })).toHaveValue('2 h');
  await expect(panel.getByRole('alert')).toHaveCount(0);

  // Times as a spreadsheet writes them are read too: hours and minutes, a decimal comma, weeks.
  for (const [typed, minutes, shown] of [
    ['0:45', 45, '45 min'],
    ['1,5 h', 90, '1 h 30 min'],
    ['1 wk', 2250, '5 d'],
  ] as const) {
    await commit(page, 'Wait before', typed);
    await expect(panel.getByRole('alert')).toHaveCount(0);
    await expect.poll(async () => (await storedSteps(page))[0]?.waitTime).toBe(minutes);
    await expect(panel.getByLabel('Wait before', { exact: true })).toHaveValue(shown);
  }
});
