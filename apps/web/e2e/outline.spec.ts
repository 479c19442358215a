import { expect, type Locator, type Page, test } from '@playwright/test';
import { makeMap, openLink, renameStep, storedMap } from './editor-helpers';

/*
 * The outline view, by keyboard only: the process as lists per lane, read, followed and edited
 * without the canvas, kept live with a colleague's edits, and printable.
 */

/** A Blue Badge application: a decision with three branches and a rework loop back. */
function blueBadge(title: string) {
  const s = (id: string, roleId: string, label: string, kind = 'task', more = {}) => ({
    id,
    roleId,
    kind,
    label,
    ...more,
  });
  return {
    format: 'procmap',
    version: 1,
    title,
    roles: [
      { id: 'applicant', name: 'Applicant', order: 0 },
      { id: 'council', name: 'Council officer', order: 1 },
    ],
    steps: [
      s('apply', 'applicant', 'Apply online', 'start', {
        processTime: 20,
        systems: ['Council website'],
      }),
      s('check', 'council', 'Check form', 'task', {
        processTime: 15,
        waitTime: 2 * 7.5 * 60,
        valueClass: 'necessary',
        completeAccurate: 0.6,
        dataEntered: ['NHS number'],
      }),
      s('decide', 'council', 'Eligible?', 'decision'),
      s('fix', 'applicant', 'Correct the form'),
      s('issue', 'council', 'Issue badge', 'end'),
      s('refuse', 'council', 'Send refusal', 'end'),
    ],
    flows: [
      { id: 'f1', from: 'apply', to: 'check' },
      { id: 'f2', from: 'check', to: 'decide' },
      { id: 'f3', from: 'decide', to: 'issue', label: 'Yes', probability: 0.7 },
      { id: 'f4', from: 'decide', to: 'refuse', label: 'No', probability: 0.1 },
      { id: 'f5', from: 'decide', to: 'fix', label: 'Incomplete', probability: 0.2 },
      { id: 'f6', from: 'fix', to: 'check', label: 'rework' },
    ],
    comments: [
      {
        id: 'c1',
        targetId: 'check',
        kind: 'pain-point',
        author: 'Priya',
        text: 'Forms come back half filled',
        createdAt: '2025-01-01T10:00:00.000Z',
      },
    ],
  };
}

const isFocused = (locator: Locator) =>
  locator.evaluate((el) => el === document.activeElement).catch(() => false);

/**
 * Presses Tab until `target` has focus, a keyboard user's way to reach it: Shift+Tab when it
 * comes before the focused element on the page, as a user who sees it above would.
 */
async function tabTo(page: Page, target: Locator, most = 40): Promise<void> {
  const before = await target.evaluate((el) => {
    const at = document.activeElement;
    return !!at && at !== document.body && !!(el.compareDocumentPosition(at) & 4);
  });
  const key = before ? 'Shift+Tab' : 'Tab';
  for (let i = 0; i < most; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

const outline = (page: Page) => page.getByTestId('outline');
const stepHeading = (page: Page, name: string) =>
  outline(page).getByRole('heading', { level: 4, name, exact: true });
const stepItem = (page: Page, name: string) =>
  outline(page)
    .getByTestId('outline-step')
    .filter({ has: page.getByRole('heading', { level: 4, name, exact: true }) });

/** Opens the outline with Alt+V, from wherever the page has put focus. */
async function openOutline(page: Page): Promise<void> {
  await page.keyboard.press('Alt+v');
  await expect(outline(page)).toBeVisible();
  await expect(page.getByTestId('outline-toggle')).toHaveAttribute('aria-pressed', 'true');
}

test('a keyboard user reads the Blue Badge process in the outline and follows its links', async ({
  page,
}) => {
  const made = await makeMap(page, blueBadge('Blue Badge'));
  await openLink(page, made.editUrl);
  await openOutline(page);
  await expect(page.getByTestId('canvas')).toHaveCount(0);

  // Lanes in lane order, each with its steps along the flow.
  await expect(outline(page).getByRole('heading', { level: 3 })).toHaveText([
    'Applicant — 2 steps',
    'Council officer — 4 steps',
  ]);
  await expect(outline(page).getByRole('heading', { level: 4 })).toHaveText([
    'Apply online',
    'Correct the form',
    'Check form',
    'Eligible?',
    'Issue badge',
    'Send refusal',
  ]);

  // The data, the comment and the links of one step, in words.
  const check = stepItem(page, 'Check form');
  await expect(check).toContainText('Process time: 15 min');
  await expect(check).toContainText('Wait before it starts: 2 d');
  await expect(check).toContainText('Value: Necessary');
  await expect(check).toContainText('Complete and accurate: 60%');
  await expect(check).toContainText('Data keyed in: NHS number');
  await expect(check).toContainText('Pain point: Forms come back half filled — Priya');

  // Tab reaches the first link; Enter follows it: the step's heading has focus and is selected.
  const toCheck = outline(page).getByRole('link', { name: 'Check form, in Council officer' });
  await tabTo(page, toCheck);
  await page.keyboard.press('Enter');
  await expect(stepHeading(page, 'Check form')).toBeFocused();
  await expect(check).toHaveAttribute('aria-current', 'true');
  await expect(
    page.getByTestId('step-properties').getByRole('textbox', { name: 'Label' }),
  ).toHaveValue('Check form');

  // Next along the flow, then a decision's branch, then a loop back.
  await tabTo(page, check.getByRole('link', { name: 'Eligible?' }));
  await page.keyboard.press('Enter');
  await expect(stepHeading(page, 'Eligible?')).toBeFocused();
  const branch = stepItem(page, 'Eligible?').getByRole('link', {
    name: 'Correct the form (Incomplete · 20%), in Applicant',
  });
  await tabTo(page, branch);
  await page.keyboard.press('Enter');
  await expect(stepHeading(page, 'Correct the form')).toBeFocused();
  const loop = stepItem(page, 'Correct the form').getByRole('link', {
    name: 'back to Check form (rework), in Council officer',
  });
  await tabTo(page, loop);
  await page.keyboard.press('Enter');
  await expect(stepHeading(page, 'Check form')).toBeFocused();

  // Back to the map: the step followed to is still selected there.
  await page.keyboard.press('Alt+v');
  await expect(outline(page)).toHaveCount(0);
  await expect(page.locator('[data-testid="step"][data-step-id="check"]')).toHaveClass(
    /is-selected/,
  );
  // …and the keyboard is on the map, on that step: arrows go on from there.
  const map = page.getByRole('listbox', { name: /^Process map/ });
  await expect(map).toBeFocused();
  await expect(map).toHaveAttribute('aria-activedescendant', 'map-step-check');
});

test('rename, add after, connect to and delete by keyboard, and Ctrl+Z undoes', async ({
  page,
}) => {
  const made = await makeMap(page, blueBadge('Blue Badge edits'));
  await openLink(page, made.editUrl);
  await openOutline(page);

  // Rename: F2 on a step's name opens its field; Enter saves and gives focus back to the name.
  await tabTo(page, outline(page).getByRole('link', { name: 'Check form, in Council officer' }));
  await page.keyboard.press('Enter');
  await tabTo(page, stepItem(page, 'Check form').getByRole('link', { name: 'Eligible?' }));
  await page.keyboard.press('Enter');
  await page.keyboard.press('F2');
  const field = outline(page).getByRole('textbox', { name: 'New name for Eligible?' });
  await expect(field).toBeFocused();
  await page.keyboard.type('Eligible for a badge?');
  await page.keyboard.press('Enter');
  await expect(stepHeading(page, 'Eligible for a badge?')).toBeFocused();
  await expect
    .poll(async () => (await storedMap(page)).steps.find((s) => s.id === 'decide')?.label)
    .toBe('Eligible for a badge?');

  // Add after: the new step goes between Check form and what follows, its name field focused.
  const checkItem = stepItem(page, 'Check form');
  await tabTo(page, checkItem.getByRole('button', { name: 'Add after Check form' }));
  await page.keyboard.press('Enter');
  const newName = outline(page).getByRole('textbox', { name: 'New name for Unnamed step' });
  await expect(newName).toBeFocused();
  await page.keyboard.type('Scan documents');
  await page.keyboard.press('Enter');
  await expect(stepHeading(page, 'Scan documents')).toBeFocused();
  await expect(checkItem.getByRole('link', { name: 'Scan documents' })).toBeVisible();
  await expect(
    stepItem(page, 'Scan documents').getByRole('link', { name: 'Eligible for a badge?' }),
  ).toBeVisible();

  // Connect to…: the picker lists the other steps; type, choose with ↓ and Enter, Enter connects.
  const fix = stepItem(page, 'Correct the form');
  await tabTo(page, fix.getByRole('button', { name: 'Connect to… (from Correct the form)' }));
  await page.keyboard.press('Enter');
  const picker = fix.getByRole('combobox', { name: 'Connect to…' });
  await expect(picker).toBeFocused();
  await page.keyboard.type('refus');
  await expect(fix.getByRole('option')).toHaveText(['Send refusal Council officer']);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(picker).toHaveValue('Send refusal');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('outline-status')).toHaveText(
    'Connected “Correct the form” to “Send refusal”.',
  );
  await expect(
    fix.getByRole('button', { name: 'Connect to… (from Correct the form)' }),
  ).toBeFocused();
  await expect(fix.getByRole('link', { name: 'Send refusal, in Council officer' })).toBeVisible();
  await expect
    .poll(async () =>
      (await storedMap(page)).flows.some((f) => f.from === 'fix' && f.to === 'refuse'),
    )
    .toBe(true);

  // Delete: the chain is rejoined, focus goes to the next step of the lane, Ctrl+Z undoes.
  await tabTo(page, stepItem(page, 'Check form').getByRole('link', { name: 'Scan documents' }));
  await page.keyboard.press('Enter');
  await expect(stepHeading(page, 'Scan documents')).toBeFocused();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('outline-status')).toHaveText(
    'Deleted “Scan documents”; the flow rejoined. Ctrl+Z undoes.',
  );
  await expect(stepHeading(page, 'Eligible for a badge?')).toBeFocused();
  await expect(stepHeading(page, 'Scan documents')).toHaveCount(0);
  await expect(
    stepItem(page, 'Check form').getByRole('link', { name: 'Eligible for a badge?' }),
  ).toBeVisible();

  await page.keyboard.press('Control+z');
  await expect(stepHeading(page, 'Scan documents')).toHaveCount(1);
  await expect(stepHeading(page, 'Eligible for a badge?')).toBeFocused();
  await expect
    .poll(async () => (await storedMap(page)).steps.map((s) => s.label))
    .toContain('Scan documents');
});

test('a colleague’s rename appears in the outline while the user’s half-typed name and focus stay', async ({
  page,
  browser,
}) => {
  const made = await makeMap(page, blueBadge('Blue Badge together'));
  await openLink(page, made.editUrl);
  await openOutline(page);
  await tabTo(page, outline(page).getByRole('link', { name: 'Check form, in Council officer' }));
  await page.keyboard.press('Enter');
  await page.keyboard.press('F2');
  const field = outline(page).getByTestId('outline-rename');
  await expect(field).toBeFocused();
  await page.keyboard.type('Check the f');

  // A colleague renames another step, then the very step being renamed here.
  const other = await browser.newContext();
  const colleague = await other.newPage();
  await openLink(colleague, made.editUrl);
  await renameStep(colleague, 'Send refusal', 'Write refusal letter');
  await renameStep(colleague, 'Check form', 'Check application');

  await expect(stepHeading(page, 'Write refusal letter')).toBeVisible();
  await expect(stepHeading(page, 'Check application')).toBeVisible();
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('Check the f');
  await page.keyboard.type('orm');
  await page.keyboard.press('Enter');
  await expect(stepHeading(page, 'Check the form')).toBeFocused();
  await expect
    .poll(async () => (await storedMap(colleague)).steps.map((s) => s.label).sort())
    .toEqual(
      [
        'Apply online',
        'Check the form',
        'Correct the form',
        'Eligible?',
        'Issue badge',
        'Write refusal letter',
      ].sort(),
    );
  await other.close();
});

test('one lane of the outline, as a screen reader reads it', async ({ page }) => {
  const made = await makeMap(page, blueBadge('Blue Badge read aloud'));
  await openLink(page, made.editUrl);
  await openOutline(page);
  const applicant = outline(page).getByRole('region', { name: 'Applicant — 2 steps' });
  // The analysis's findings are under each step they name (its wording is the analysis's).
  await expect(applicant).toMatchAriaSnapshot(`
    - region "Applicant — 2 steps":
      - heading "Applicant — 2 steps" [level=3]
      - list:
        - listitem:
          - heading "Apply online" [level=4]
          - paragraph: Start
          - paragraph: "Previous: none, a case starts here"
          - paragraph:
            - text: "Next:"
            - link "Check form, in Council officer"
          - term: "Process time:"
          - definition: 20 min
          - term: "Systems:"
          - definition: Council website
          - list "1 finding":
            - listitem: /^Warning. .*hand the work to another role/
          - group "Edit Apply online":
            - button "Rename Apply online"
            - button "Add after Apply online"
            - button "Connect to… (from Apply online)"
            - button "Delete Apply online"
        - listitem:
          - heading "Correct the form" [level=4]
          - paragraph: Task
          - paragraph:
            - text: "Previous:"
            - link "Eligible? (Incomplete · 20%), in Council officer"
          - paragraph:
            - text: "Next:"
            - link "back to Check form (rework), in Council officer"
          - list /findings$/:
            - listitem: /^Warning. Work goes back/
          - group "Edit Correct the form":
            - button "Rename Correct the form"
            - button "Add after Correct the form"
            - button "Connect to… (from Correct the form)"
            - button "Delete Correct the form"
  `);
});

test('printed, the outline is the page: no toolbar, panel or buttons', async ({ page }) => {
  const made = await makeMap(page, blueBadge('Blue Badge printed'));
  await openLink(page, made.editUrl);
  await openOutline(page);
  await expect(page.locator('.toolbar')).toBeVisible();
  await expect(outline(page).getByRole('button').first()).toBeVisible();

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.toolbar')).toBeHidden();
  await expect(page.getByTestId('properties-panel')).toBeHidden();
  await expect(page.locator('.status-line')).toBeHidden();
  const shownButtons = await page
    .getByRole('button')
    .evaluateAll((all) => all.filter((b) => (b as HTMLElement).offsetParent !== null).length);
  expect(shownButtons).toBe(0);
  await expect(outline(page).getByText('Blue Badge printed', { exact: true })).toBeVisible();
  await expect(stepHeading(page, 'Send refusal')).toBeVisible();
  // The whole outline is laid out on the page, not cut to the window's height.
  const clipped = await outline(page).evaluate((el) => el.scrollHeight > el.clientHeight + 1);
  expect(clipped).toBe(false);

  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('.toolbar')).toBeVisible();
});

test('in a view-only map the outline reads the same and offers no edits', async ({ page }) => {
  const made = await makeMap(page, blueBadge('Blue Badge view only'));
  await openLink(page, made.viewUrl);
  await openOutline(page);
  await expect(outline(page).getByRole('heading', { level: 4 })).toHaveCount(6);
  await expect(outline(page).getByRole('button')).toHaveCount(0);
  await expect(outline(page)).toContainText('View only');
  await tabTo(page, outline(page).getByRole('link', { name: 'Check form, in Council officer' }));
  await page.keyboard.press('Enter');
  await expect(stepHeading(page, 'Check form')).toBeFocused();
  await page.keyboard.press('F2');
  await page.keyboard.press('Delete');
  await expect(outline(page).getByRole('textbox')).toHaveCount(0);
  await expect(stepHeading(page, 'Check form')).toBeVisible();
});

test('an empty map’s outline says so and starts a lane', async ({ page }) => {
  const made = await makeMap(page, {
    format: 'procmap',
    version: 1,
    title: 'Empty',
    roles: [],
    steps: [],
    flows: [],
  });
  await openLink(page, made.editUrl);
  await openOutline(page);
  const empty = page.getByTestId('outline-empty');
  await expect(empty).toContainText('This map has no lanes or steps yet.');
  await tabTo(page, empty.getByRole('button', { name: 'Add a lane' }));
  await page.keyboard.press('Enter');
  const laneName = outline(page).getByRole('textbox', { name: 'New name for the lane Lane 1' });
  await expect(laneName).toBeFocused();
  await page.keyboard.type('Nurse');
  await page.keyboard.press('Enter');
  await expect(outline(page).getByRole('heading', { level: 3 })).toHaveText(['Nurse — no steps']);
  await tabTo(page, outline(page).getByRole('button', { name: 'Add a step to Nurse' }));
  await page.keyboard.press('Enter');
  await expect(outline(page).getByRole('textbox', { name: /^New name for/ })).toBeFocused();
  await page.keyboard.type('Triage referral');
  await page.keyboard.press('Enter');
  await expect(stepHeading(page, 'Triage referral')).toBeFocused();
  await expect(outline(page).getByRole('heading', { level: 3 })).toHaveText(['Nurse — 1 step']);
});
