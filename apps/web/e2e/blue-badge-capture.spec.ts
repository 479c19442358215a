import { expect, type Page, test } from '@playwright/test';
import { makeMap, openLink, storedMap } from './editor-helpers';

/*
 * A council's Blue Badge application, captured live in a workshop by a facilitator who never
 * touches the mouse: five roles, seventeen steps, a decision on the evidence, a rework loop back
 * to the check when evidence is missing, and the decision's answers with their shares.
 */

interface StoredFlow {
  readonly from: string;
  readonly to: string;
  readonly label?: string;
  readonly probability?: number;
}

const ROLES = [
  'Applicant',
  'Customer services',
  'Blue Badge officer',
  'Occupational therapist',
  'Team leader',
];

/** Every step: its role and kind, in the order of the process. */
const STEPS: readonly (readonly [label: string, role: string, kind: string])[] = [
  ['Apply online', 'Applicant', 'start'],
  ['Check application', 'Customer services', 'task'],
  ['Verify identity and address', 'Customer services', 'task'],
  ['Evidence complete?', 'Customer services', 'decision'],
  ['Request missing evidence', 'Customer services', 'task'],
  ['Send missing evidence', 'Applicant', 'task'],
  ['Assess eligibility', 'Blue Badge officer', 'task'],
  ['Book mobility assessment', 'Occupational therapist', 'task'],
  ['Carry out mobility assessment', 'Occupational therapist', 'task'],
  ['Write assessment report', 'Occupational therapist', 'task'],
  ['Review assessment report', 'Blue Badge officer', 'task'],
  ['Recommend decision', 'Blue Badge officer', 'task'],
  ['Team leader signs off', 'Team leader', 'task'],
  ['Order badge from supplier', 'Blue Badge officer', 'task'],
  ['Wait for badge delivery', 'Blue Badge officer', 'delay'],
  ['Post badge to applicant', 'Customer services', 'task'],
  ['Badge received', 'Applicant', 'end'],
];

/** Every flow as from → to by label, with its label and share where it has them. */
const FLOWS: readonly (readonly [from: string, to: string, label?: string, share?: number])[] = [
  ['Apply online', 'Check application'],
  ['Check application', 'Verify identity and address'],
  ['Verify identity and address', 'Evidence complete?'],
  ['Evidence complete?', 'Request missing evidence', 'No', 0.2],
  ['Request missing evidence', 'Send missing evidence'],
  ['Send missing evidence', 'Check application', 'Evidence received'],
  ['Evidence complete?', 'Assess eligibility', 'Yes', 0.8],
  ['Assess eligibility', 'Book mobility assessment'],
  ['Book mobility assessment', 'Carry out mobility assessment'],
  ['Carry out mobility assessment', 'Write assessment report'],
  ['Write assessment report', 'Review assessment report'],
  ['Review assessment report', 'Recommend decision'],
  ['Recommend decision', 'Team leader signs off'],
  ['Team leader signs off', 'Order badge from supplier'],
  ['Order badge from supplier', 'Wait for badge delivery'],
  ['Wait for badge delivery', 'Post badge to applicant'],
  ['Post badge to applicant', 'Badge received'],
];

/** The facilitator's keyboard: each call waits for what the key opens before typing on. */
function facilitator(page: Page) {
  const keys = page.keyboard;
  const press = async (...chords: string[]) => {
    for (const chord of chords) await keys.press(chord);
  };
  /** A key that opens a name field (a new lane or step), the name, Enter. */
  const name = async (key: string, field: 'Lane name' | 'Step label', text: string) => {
    await keys.press(key);
    const box = page.getByRole('textbox', { name: field });
    await expect(box).toBeFocused();
    await keys.type(text);
    await keys.press('Enter');
    await expect(box).toHaveCount(0);
  };
  const lane = (text: string) => name('Alt+l', 'Lane name', text);
  const next = (text: string) => name('Enter', 'Step label', text);
  /** Alt+Enter, part of the other step's name, Enter: a flow to it, selected. */
  const connectTo = async (part: string, expected: string) => {
    await keys.press('Alt+Enter');
    const input = page.getByTestId('connect-dialog').getByRole('combobox');
    await expect(input).toBeFocused();
    await keys.type(part);
    await expect(
      page.getByTestId('connect-dialog').getByRole('option', { selected: true }),
    ).toContainText(expected);
    await keys.press('Enter');
    await expect(page.getByTestId('connect-dialog')).toHaveCount(0);
  };
  /** On a selected flow: Alt+P to its label, Tab to its share, Esc back to the map. */
  const labelFlow = async (label: string, share?: string) => {
    await keys.press('Alt+p');
    await expect(page.getByTestId('flow-label')).toBeFocused();
    await keys.type(label);
    await keys.press('Enter');
    if (share !== undefined) {
      await keys.press('Tab');
      await expect(page.getByTestId('flow-probability')).toBeFocused();
      await keys.type(share);
      await keys.press('Enter');
    }
    await keys.press('Escape');
    await expect(page.getByTestId('flow-label')).not.toBeFocused();
  };
  return { press, name, lane, next, connectTo, labelFlow };
}

test('the whole Blue Badge process is captured by keyboard alone: roles, steps, decision, rework loop, labels and shares; then reviewed in the outline', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // Every pointer or mouse event the page receives is counted: there must be none.
  await page.addInitScript(() => {
    const w = window as unknown as { pointerEvents: number };
    w.pointerEvents = 0;
    for (const type of ['pointerdown', 'mousedown', 'click', 'dblclick', 'wheel']) {
      window.addEventListener(
        type,
        // Enter on a link or button is a click too, with no pointer behind it (detail 0).
        (event) => {
          if (!(event.type === 'click' && (event as MouseEvent).detail === 0)) w.pointerEvents++;
        },
        true,
      );
    }
  });
  const made = await makeMap(page, {
    format: 'procmap',
    version: 1,
    title: 'Blue Badge application',
    roles: [],
    steps: [],
    flows: [],
  });
  await openLink(page, made.editUrl);
  const f = facilitator(page);

  // Five lanes, each added below the last.
  for (const role of ROLES) await f.lane(role);
  await f.press('ArrowUp', 'ArrowUp', 'ArrowUp', 'ArrowUp'); // back to the Applicant lane

  // The application comes in and is checked by customer services.
  await f.name('Alt+n', 'Step label', 'Apply online');
  await f.next('Check application');
  await f.press('Alt+ArrowDown');
  await f.next('Verify identity and address');
  await f.next('Evidence complete?');
  await f.press('Alt+k'); // task → decision

  // No: evidence is requested, the applicant sends it, and it is checked again (the loop).
  await f.next('Request missing evidence');
  await f.next('Send missing evidence');
  await f.press('Alt+ArrowUp');
  await f.connectTo('check app', 'Check application');
  await f.labelFlow('Evidence received');

  // Back along the flow to the decision: its other answer leads on to the assessment.
  await f.press('ArrowLeft', 'ArrowLeft', 'ArrowLeft'); // from the flow to its start, then back
  await expect(page.getByTestId('status-line')).toContainText('Enter adds a branch');
  await f.next('Assess eligibility');
  await f.press('Alt+ArrowDown');

  // The decision's two answers, chosen one by one from the decision, with their shares.
  await f.press('ArrowLeft', 'Alt+o');
  await expect(page.getByTestId('flow-properties')).toContainText('to Request missing evidence');
  await f.labelFlow('No', '20');
  await f.press('Alt+o');
  await expect(page.getByTestId('flow-properties')).toContainText('to Assess eligibility');
  await f.labelFlow('Yes', '80');
  await f.press('ArrowRight'); // from the flow to the step it leads to: Assess eligibility

  // The assessment, the decision and the badge, handed between the lanes with Alt+↑/↓.
  await f.next('Book mobility assessment');
  await f.press('Alt+ArrowDown');
  await f.next('Carry out mobility assessment');
  await f.next('Write assessment report');
  await f.next('Review assessment report');
  await f.press('Alt+ArrowUp');
  await f.next('Recommend decision');
  await f.next('Team leader signs off');
  await f.press('Alt+ArrowDown', 'Alt+ArrowDown');
  await f.next('Order badge from supplier');
  await f.press('Alt+ArrowUp', 'Alt+ArrowUp');
  await f.next('Wait for badge delivery');
  await f.press('Alt+k', 'Alt+k'); // task → decision → delay
  await f.next('Post badge to applicant');
  await f.press('Alt+ArrowUp');
  await f.next('Badge received');
  await f.press('Alt+ArrowUp', 'Alt+k', 'Alt+k', 'Alt+k'); // to the Applicant; task → … → end
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  // Then the stored map is the process as told, read back through the API.
  await expect.poll(async () => (await storedMap(page)).flows.length).toBe(FLOWS.length);
  const map = await storedMap(page);
  const roleNames = [...map.roles]
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
    .map((r) => r.name);
  expect(roleNames).toEqual(ROLES);
  const roleOf = new Map(map.roles.map((r) => [r.id, r.name]));
  const stepsTold = map.steps.map((s) => [s.label, roleOf.get(s.roleId), s.kind]);
  const byText = (a: readonly unknown[], b: readonly unknown[]) =>
    String(a).localeCompare(String(b));
  expect(stepsTold.sort(byText)).toEqual(STEPS.map((s) => [...s]).sort(byText));
  const labelOf = new Map(map.steps.map((s) => [s.id, s.label]));
  const flowsTold = (map.flows as readonly StoredFlow[]).map((fl) => {
    const told: (string | number)[] = [labelOf.get(fl.from) ?? '?', labelOf.get(fl.to) ?? '?'];
    if (fl.label !== undefined) told.push(fl.label);
    if (fl.probability !== undefined) told.push(fl.probability);
    return told;
  });
  expect(flowsTold.sort(byText)).toEqual(FLOWS.map((fl) => [...fl]).sort(byText));
  // One decision, and the one loop goes back from the evidence sent to the check.
  expect(map.steps.filter((s) => s.kind === 'decision')).toHaveLength(1);

  // Then the room reviews it in the outline, still by keyboard: a section per lane in order, each
  // lane's steps in the order a case meets them, and the rework loop followed back to the check.
  await page.keyboard.press('Alt+v');
  const outline = page.getByTestId('outline');
  await expect(outline).toBeVisible();
  const lanes = outline.getByTestId('outline-lane');
  await expect(lanes).toHaveCount(ROLES.length);
  for (const [i, role] of ROLES.entries()) {
    await expect(lanes.nth(i).getByRole('heading', { level: 3 })).toHaveText(
      new RegExp(`^${role} — `),
    );
    await expect(lanes.nth(i).getByRole('heading', { level: 4 })).toHaveText(
      STEPS.filter((s) => s[1] === role).map((s) => s[0]),
    );
  }
  const loop = outline.getByRole('link', { name: /^back to Check application/ });
  await expect(loop).toHaveCount(1);
  for (let i = 0; i < 200 && !(await loop.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(loop).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(
    outline.getByRole('heading', { level: 4, name: 'Check application', exact: true }),
  ).toBeFocused();
  // Back on the map, the keyboard is on the step the loop led to.
  await page.keyboard.press('Alt+v');
  await expect(outline).toHaveCount(0);
  const check = map.steps.find((s) => s.label === 'Check application')!;
  await expect(page.getByRole('listbox', { name: /^Process map/ })).toBeFocused();
  await expect(page.getByRole('listbox', { name: /^Process map/ })).toHaveAttribute(
    'aria-activedescendant',
    `map-step-${check.id}`,
  );

  expect(
    await page.evaluate(() => (window as unknown as { pointerEvents: number }).pointerEvents),
  ).toBe(0);
  await page.screenshot({ path: test.info().outputPath('blue-badge.png') });
});
