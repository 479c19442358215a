import { expect, type Page, test } from '@playwright/test';
import { lane, makeMap, openLink, step, typeInto } from './editor-helpers';

/*
 * A facilitator adds a forgotten step in the middle of a tidied map: Enter on a step that leads
 * to one next step inserts the new step between them. It must take its successor's place, the
 * steps after it moving right, rather than land in a second row under the successor, where it
 * hides the successor's incoming arrow and the arrowhead of the rework loop into it.
 */

/** Positions as Tidy up writes them: x = 36 + column × 248. */
const col = (c: number) => ({ x: 36 + c * 248, y: 0 });

const s = (id: string, roleId: string, label: string, c: number, kind = 'task') => ({
  id,
  roleId,
  kind,
  label,
  position: col(c),
});

/** A tidied Blue Badge check: a decision on the evidence with a rework loop back into it. */
const TIDIED_BADGE_MAP = {
  format: 'procmap',
  version: 1,
  title: 'Blue Badge check',
  roles: [
    { id: 'applicant', name: 'Applicant', order: 0 },
    { id: 'officer', name: 'Blue Badge officer', order: 1 },
  ],
  steps: [
    s('apply', 'applicant', 'Apply online', 0, 'start'),
    s('check', 'officer', 'Check eligibility criteria', 1),
    s('decide', 'officer', 'Evidence complete?', 2, 'decision'),
    s('send', 'applicant', 'Send missing evidence', 3),
    s('approve', 'officer', 'Approve badge', 3),
    s('done', 'applicant', 'Badge received', 4, 'end'),
  ],
  flows: [
    { id: 'f1', from: 'apply', to: 'check' },
    { id: 'f2', from: 'check', to: 'decide' },
    { id: 'f3', from: 'decide', to: 'send', label: 'No' },
    { id: 'f4', from: 'send', to: 'decide', label: 'Evidence received' },
    { id: 'f5', from: 'decide', to: 'approve', label: 'Yes' },
    { id: 'f6', from: 'approve', to: 'done' },
  ],
};

interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** Every step's box on screen, by label. */
async function stepBoxes(page: Page): Promise<Record<string, Box>> {
  return page.evaluate(() => {
    const out: Record<string, Box> = {};
    for (const el of document.querySelectorAll<HTMLElement>('[data-testid="step"]')) {
      const label = el.querySelector('[data-testid="step-label"]')?.textContent ?? '';
      const r = el.getBoundingClientRect();
      out[label] = { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    }
    return out;
  });
}

/** Every step's place on the canvas in flow units (independent of pan and zoom), by step id. */
async function stepPlaces(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const el of document.querySelectorAll<HTMLElement>('[data-testid="step"]')) {
      const node = el.closest<HTMLElement>('.react-flow__node');
      out[el.dataset.stepId as string] = node?.style.transform ?? '';
    }
    return out;
  });
}

const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

test('a step inserted between two steps of a tidied map takes its successor’s place and the steps after it make room; one Ctrl+Z puts everything back', async ({
  page,
}, testInfo) => {
  const made = await makeMap(page, TIDIED_BADGE_MAP);
  await openLink(page, made.editUrl);
  await expect(page.getByTestId('step')).toHaveCount(6);
  const placesBefore = await stepPlaces(page);
  const laneHeight = async () => (await lane(page, 'Blue Badge officer').boundingBox())?.height;
  const officerHeight = await laneHeight();
  await page.screenshot({ path: testInfo.outputPath('before-insert.png') });

  await step(page, 'Check eligibility criteria').click();
  await typeInto(page, 'Enter', 'Step label', 'Check proof of address');
  await expect(page.getByTestId('step')).toHaveCount(7);
  await page.screenshot({ path: testInfo.outputPath('after-insert.png') });

  const boxes = await stepBoxes(page);
  const added = boxes['Check proof of address'] as Box;
  expect(added).toBeDefined();
  for (const [label, box] of Object.entries(boxes)) {
    if (label !== 'Check proof of address') {
      expect(overlaps(added, box), `overlaps “${label}”`).toBe(false);
    }
  }
  // Between the step it follows and the step it leads to, reading left to right, in one row.
  const before = boxes['Check eligibility criteria'] as Box;
  const after = boxes['Evidence complete?'] as Box;
  expect(added.left).toBeGreaterThan(before.right);
  expect(added.right).toBeLessThan(after.left);
  expect(Math.abs(added.top - before.top)).toBeLessThan(1);
  // No second row: the lane is as tall as before.
  expect(await laneHeight()).toBe(officerHeight);
  // The hint says why the steps after it moved.
  await expect(page.getByTestId('status-line')).toContainText('make room');

  // One undo takes the step, its name, its flow and the moves back.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('step')).toHaveCount(6);
  await expect(page.locator('.react-flow__edge')).toHaveCount(6);
  await expect.poll(() => stepPlaces(page)).toEqual(placesBefore);
});
