import { expect, test } from '@playwright/test';
import {
  expectStepInLane,
  laneNames,
  makeMap,
  openLink,
  step,
  storedMap,
  threeLaneMap,
} from './editor-helpers';

test.describe('multi-select, copy and paste', () => {
  test.beforeEach(async ({ page }) => {
    const made = await makeMap(page, threeLaneMap('Selection'));
    await openLink(page, made.editUrl);
    await expect(page.getByTestId('step')).toHaveCount(5);
  });

  test('Ctrl+click adds to the selection; Delete removes every selected step; one undo restores them', async ({
    page,
  }) => {
    await step(page, 'Register referral').click();
    await step(page, 'Book clinic').click({ modifiers: ['Control'] });
    await expect(page.locator('.step.is-selected')).toHaveCount(2);
    await page.keyboard.press('Delete');
    await expect(page.getByTestId('step')).toHaveCount(3);
    await expect.poll(async () => (await storedMap(page)).steps.length).toBe(3);
    await page.keyboard.press('Control+z');
    await expect(page.getByTestId('step')).toHaveCount(5);
  });

  test('Shift+drag draws a box that selects the steps inside it', async ({ page }) => {
    const a = (await step(page, 'Receive letter').boundingBox())!;
    const b = (await step(page, 'Register referral').boundingBox())!;
    await page.keyboard.down('Shift');
    await page.mouse.move(a.x - 12, a.y - 12);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) {
      await page.mouse.move(
        a.x - 12 + ((b.x + b.width + 12 - (a.x - 12)) * i) / 8,
        a.y - 12 + ((b.y + b.height + 12 - (a.y - 12)) * i) / 8,
      );
    }
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await expect(page.locator('.step.is-selected')).toHaveCount(2);
    await expect(step(page, 'Receive letter')).toHaveClass(/is-selected/);
    await expect(step(page, 'Register referral')).toHaveClass(/is-selected/);
  });

  test('Ctrl+A, Ctrl+C, Ctrl+V: pasted copies in the same lanes, connected alike, one undo', async ({
    page,
  }) => {
    await step(page, 'Triage referral').click();
    await step(page, 'Book clinic').click({ modifiers: ['Control'] });
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect(page.getByTestId('step')).toHaveCount(7);
    await expect(step(page, 'Triage referral')).toHaveCount(2);
    // The copies are selected, in the same lanes as their originals.
    await expect(page.locator('.step.is-selected')).toHaveCount(2);
    const stored = await storedMap(page);
    const copies = stored.steps.filter((s) => !['s1', 's2', 's3', 's4', 's5'].includes(s.id));
    expect(copies.map((s) => [s.label, s.roleId]).sort()).toEqual([
      ['Book clinic', 'nurse'],
      ['Triage referral', 'gp'],
    ]);
    const triage = copies.find((s) => s.label === 'Triage referral')!;
    const book = copies.find((s) => s.label === 'Book clinic')!;
    expect(stored.flows.some((f) => f.from === triage.id && f.to === book.id)).toBe(true);
    expect(stored.flows).toHaveLength(5);

    await page.keyboard.press('Control+z');
    await expect(page.getByTestId('step')).toHaveCount(5);

    // Ctrl+A selects every step; Ctrl+X cuts them; a paste brings them back.
    await page.keyboard.press('Control+a');
    await expect(page.locator('.step.is-selected')).toHaveCount(5);
    await page.keyboard.press('Control+x');
    await expect(page.getByTestId('step')).toHaveCount(0);
    await page.keyboard.press('Control+v');
    await expect(page.getByTestId('step')).toHaveCount(5);
    await expectStepInLane(page, 'Receive letter', 'Clerk');
    await expectStepInLane(page, 'Clinic booked', 'Nurse');
    expect(await laneNames(page)).toEqual(['Clerk', 'GP', 'Nurse']);
  });

  test('steps pasted into another map land in lanes of the same name, or new ones', async ({
    page,
    context,
  }) => {
    await step(page, 'Register referral').click();
    await step(page, 'Triage referral').click({ modifiers: ['Control'] });
    await page.keyboard.press('Control+c');

    const other = await context.newPage();
    const made = await makeMap(other, {
      format: 'procmap',
      version: 1,
      title: 'Other',
      roles: [{ id: 'doctor', name: 'GP', order: 0 }],
      steps: [],
      flows: [],
    });
    await openLink(other, made.editUrl);
    await other.getByTestId('canvas').click({ position: { x: 600, y: 500 } });
    await other.keyboard.press('Control+v');
    await expect(other.getByTestId('step')).toHaveCount(2);
    expect(await laneNames(other)).toEqual(['GP', 'Clerk']);
    await expectStepInLane(other, 'Triage referral', 'GP');
    await expectStepInLane(other, 'Register referral', 'Clerk');
  });

  test('text that is not copied steps is not pasted, and says so', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.evaluate(() => navigator.clipboard.writeText('<img src=x onerror=alert(1)>'));
    await page.getByTestId('canvas').click({ position: { x: 600, y: 500 } });
    await page.keyboard.press('Control+v');
    await expect(page.getByTestId('status-line')).toContainText('no steps to paste');
    await expect(page.getByTestId('step')).toHaveCount(5);
  });
});
