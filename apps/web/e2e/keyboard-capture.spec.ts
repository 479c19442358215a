import { expect, test } from '@playwright/test';
import { createMapFromHome, expectStepInLane, lane, step, typeInto } from './editor-helpers';

test('a facilitator captures three lanes and a connected six-step process with the keyboard only', async ({
  page,
}) => {
  await createMapFromHome(page, 'Referral by keyboard');
  const keys = page.keyboard;

  // Given three lanes, named as the room calls them out.
  await typeInto(page, 'Alt+l', 'Lane name', 'Patient');
  await typeInto(page, 'Alt+l', 'Lane name', 'Ward clerk');
  await typeInto(page, 'Alt+l', 'Lane name', 'Nurse');
  await keys.press('ArrowUp');
  await keys.press('ArrowUp');

  // When the process is typed step by step: Enter adds the next step, Alt+arrows hand it over.
  await typeInto(page, 'Alt+n', 'Step label', 'Referral arrives');
  await typeInto(page, 'Enter', 'Step label', 'Register referral');
  await keys.press('Alt+ArrowDown');
  await typeInto(page, 'Enter', 'Step label', 'Check NHS number');
  await typeInto(page, 'Enter', 'Step label', 'Triage referral');
  await keys.press('Alt+ArrowDown');
  await typeInto(page, 'Enter', 'Step label', 'Book appointment');
  await keys.press('Alt+ArrowUp');
  await typeInto(page, 'Enter', 'Step label', 'Letter received');
  await keys.press('Alt+ArrowUp');
  for (let i = 0; i < 3; i++) await keys.press('Alt+k'); // task → decision → delay → end

  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  // Then, after a reload, everything is there, in the right lanes.
  await page.reload();
  await expect(page.getByTestId('lane-name')).toHaveText(['Patient', 'Ward clerk', 'Nurse']);
  await expect(page.getByTestId('step')).toHaveCount(6);
  await expectStepInLane(page, 'Referral arrives', 'Patient');
  await expectStepInLane(page, 'Register referral', 'Ward clerk');
  await expectStepInLane(page, 'Check NHS number', 'Ward clerk');
  await expectStepInLane(page, 'Triage referral', 'Nurse');
  await expectStepInLane(page, 'Book appointment', 'Ward clerk');
  await expectStepInLane(page, 'Letter received', 'Patient');
  await expect(step(page, 'Referral arrives')).toHaveAttribute('data-kind', 'start');
  await expect(step(page, 'Letter received')).toHaveAttribute('data-kind', 'end');
  await expect(page.locator('.react-flow__edge')).toHaveCount(5);
  // Four of the five flows change hands between roles, and look it.
  await expect(page.locator('.react-flow__edge.flow--handoff')).toHaveCount(4);
  await expect(lane(page, 'Nurse')).toContainText('1 step');
});
