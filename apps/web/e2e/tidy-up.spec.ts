import { expect, type Page, test } from '@playwright/test';
import { expectConnected } from './editor-helpers';

interface StepPlace {
  readonly roleId: string;
  /** Top-left in flow units (React Flow's node transform): independent of pan and zoom. */
  readonly x: number;
  readonly y: number;
}

/** Every step's lane (data-role-id) and position on the canvas, by step id. */
async function stepPlaces(page: Page): Promise<Record<string, StepPlace>> {
  return page.evaluate(() => {
    const out: Record<string, { roleId: string; x: number; y: number }> = {};
    for (const el of document.querySelectorAll<HTMLElement>('[data-testid="step"]')) {
      const node = el.closest<HTMLElement>('.react-flow__node');
      const m = node?.style.transform.match(/translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)/);
      out[el.dataset.stepId as string] = {
        roleId: el.dataset.roleId as string,
        x: m ? Number(m[1]) : Number.NaN,
        y: m ? Number(m[2]) : Number.NaN,
      };
    }
    return out;
  });
}

/** Every step lies, on screen, inside the band of the lane its role owns (the lane header's band). */
async function expectEveryStepInsideItsLane(page: Page): Promise<void> {
  const problems = await page.evaluate(() => {
    const bands = new Map<string, DOMRect>();
    for (const lane of document.querySelectorAll<HTMLElement>('[data-testid="lane"]')) {
      bands.set(lane.dataset.roleId as string, lane.getBoundingClientRect());
    }
    const wrong: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('[data-testid="step"]')) {
      const box = el.getBoundingClientRect();
      const band = bands.get(el.dataset.roleId as string);
      if (!band) wrong.push(`${el.dataset.stepId}: no lane ${el.dataset.roleId}`);
      else if (box.top < band.top - 0.5 || box.bottom > band.bottom + 0.5) {
        wrong.push(
          `${el.dataset.stepId}: ${box.top}..${box.bottom} outside ${band.top}..${band.bottom}`,
        );
      }
    }
    return wrong;
  });
  expect(problems).toEqual([]);
}

test('Tidy up lays the map out in one undoable edit and keeps every step in its lane', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Outpatient referral/ }).click();
  await expect(page).toHaveURL(/\/m\/[^/]+#token=/);
  await expectConnected(page);
  await expect(page.getByTestId('step')).toHaveCount(42);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  const before = await stepPlaces(page);
  expect(Object.keys(before)).toHaveLength(42);
  await expectEveryStepInsideItsLane(page);

  const button = page.getByTestId('tidy-up');
  await expect(button).toBeEnabled();
  await page.keyboard.press('Alt+t');

  // Done when the button is back and the steps have moved.
  await expect
    .poll(async () => {
      const now = await stepPlaces(page);
      return Object.keys(before).filter(
        (id) => now[id] && (now[id].x !== before[id]?.x || now[id].y !== before[id]?.y),
      ).length;
    })
    .toBeGreaterThan(0);
  await expect(button).toBeEnabled();
  await expect(button).toHaveText('Tidy up');
  await expect(page.getByTestId('tidy-progress')).toHaveCount(0);
  await expect(page.getByTestId('status-line')).not.toContainText('Could not tidy up');

  const after = await stepPlaces(page);
  expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  for (const [id, place] of Object.entries(before)) {
    expect(after[id]?.roleId, `lane of step ${id}`).toBe(place.roleId);
  }
  await expectEveryStepInsideItsLane(page);
  // No two steps on top of each other.
  const boxes = Object.values(after);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i] as StepPlace;
      const b = boxes[j] as StepPlace;
      expect(a.x === b.x && a.y === b.y, `steps ${i} and ${j} overlap`).toBe(false);
    }
  }

  // One undo takes the whole tidy-up back.
  await page.keyboard.press('Control+z');
  await expect.poll(() => stepPlaces(page)).toEqual(before);
  await expectEveryStepInsideItsLane(page);
});
