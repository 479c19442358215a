import { expect, test } from '@playwright/test';
import { lane, makeMap, openLink, step, storedMap, threeLaneMap } from './editor-helpers';

test('a view link shows the map, live, with no way to change it', async ({ page, context }) => {
  const made = await makeMap(page, threeLaneMap('Read only'));
  await openLink(page, made.viewUrl);

  // Known from the start, before anything is tried.
  await expect(page.getByText('View only', { exact: true })).toBeVisible();
  await expect(page.getByTestId('step')).toHaveCount(5);
  await expect(page.getByTestId('save-status')).toHaveCount(0); // nothing here is saved
  await expect(page.getByRole('button', { name: 'Add lane' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Tidy up' })).toHaveCount(0);
  await lane(page, 'GP').hover();
  await expect(page.getByRole('button', { name: /Lane actions/ })).toHaveCount(0);
  await expect(page.locator('.step__handle').first()).toBeHidden();

  // Keys that edit do nothing; selection and the panel still work, read-only.
  await step(page, 'Triage referral').click();
  await page.keyboard.press('Enter');
  await page.keyboard.press('F2');
  await page.keyboard.press('Alt+l');
  await page.keyboard.press('Delete');
  await step(page, 'Triage referral').dblclick();
  await expect(page.getByRole('textbox', { name: 'Step label' })).toHaveCount(0);
  await expect(page.getByTestId('step')).toHaveCount(5);
  const panel = page.getByTestId('properties-panel');
  await expect(panel.getByLabel('Label', { exact: true })).toBeDisabled();

  // Dragging a step does not move it (the drag pans the view instead: both steps shift alike).
  const gap = async () => {
    const a = (await step(page, 'Triage referral').boundingBox())!;
    const b = (await step(page, 'Book clinic').boundingBox())!;
    return { x: b.x - a.x, y: b.y - a.y };
  };
  const gapBefore = await gap();
  const before = (await step(page, 'Triage referral').boundingBox())!;
  await page.mouse.move(before.x + 20, before.y + 20);
  await page.mouse.down();
  await page.mouse.move(before.x + 120, before.y + 160, { steps: 10 });
  await page.mouse.up();
  const gapAfter = await gap();
  expect(Math.abs(gapAfter.x - gapBefore.x) + Math.abs(gapAfter.y - gapBefore.y)).toBeLessThan(1);

  // The connection stays open (nothing was refused), and a colleague's edit appears live.
  await expect(page.getByTestId('connection-closed')).toHaveCount(0);
  const editor = await context.newPage();
  await openLink(editor, made.editUrl);
  await step(editor, 'Book clinic').dblclick();
  await editor.keyboard.press('Control+a');
  await editor.keyboard.type('Book first clinic');
  await editor.keyboard.press('Enter');
  await expect(step(page, 'Book first clinic')).toHaveCount(1);
  expect((await storedMap(editor)).steps.map((s) => s.label)).toContain('Book first clinic');
});

test('view only, the status line and the comments speak of looking, not editing', async ({
  page,
}) => {
  const made = await makeMap(page, threeLaneMap('Read only words'));
  await openLink(page, made.viewUrl);
  const status = page.getByTestId('status-line');
  await expect(status).toContainText('View only: you can look, follow and export');

  // A selected step: the keys that still work, none that edit.
  await step(page, 'Triage referral').click();
  await page.keyboard.press('Enter');
  await page.keyboard.press('F2');
  await expect(status).toContainText('Step selected in GP (view only)');
  await expect(status).not.toContainText(/Enter adds|F2 renames|Delete removes/);

  // Comments: no box to write in, and the empty state does not invite one.
  await page.getByRole('tab', { name: 'Comments' }).click();
  const comments = page.getByTestId('comments-panel');
  await expect(comments.getByTestId('add-comment')).toHaveCount(0);
  await expect(comments).toContainText('View only: you can read the comments');
  await expect(comments.getByTestId('comments-empty')).not.toContainText('Select a step');
  await page.screenshot({ path: test.info().outputPath('viewonly-comments.png') });

  // The shortcuts list says which keys do nothing here.
  await page.locator('.react-flow__pane').click({ position: { x: 600, y: 500 } });
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts-view-only')).toBeVisible();
});

test('the status line follows focus: in a panel field it speaks of that field; Tidy up says what it did', async ({
  page,
}) => {
  const made = await makeMap(page, threeLaneMap('Status words'));
  await openLink(page, made.editUrl);
  const status = page.getByTestId('status-line');
  await step(page, 'Triage referral').click();
  await expect(status).toContainText('Enter adds the next step');

  // Alt+P: focus in the panel's first field; Enter there saves the field, it adds no step.
  await page.keyboard.press('Alt+p');
  const kind = page.getByTestId('properties-panel').getByLabel('Kind', { exact: true });
  await expect(kind).toBeFocused();
  await expect(status).not.toContainText('Enter adds');
  await expect(status).toContainText('Panel field: a change saves at once');
  await page.getByTestId('properties-panel').getByLabel('Label', { exact: true }).focus();
  await expect(status).toContainText('Panel field: Enter or leaving it saves');
  await page.screenshot({ path: test.info().outputPath('status-in-panel.png') });

  // Back on the map, the map's keys again.
  await step(page, 'Book clinic').click();
  await expect(status).toContainText('Enter adds the next step');

  // Tidy up: what it did, and how to take it back; a second time, nothing to do.
  await page.getByRole('button', { name: 'Tidy up' }).click();
  await expect(status).toHaveText('Tidied 5 steps — Ctrl+Z undoes.');
  await page.screenshot({ path: test.info().outputPath('tidy-feedback.png') });
  await page.getByRole('button', { name: 'Tidy up' }).click();
  await expect(status).toHaveText('Already tidy: nothing needed to move.');
});
