import { GEOMETRY, mapGeometry } from '@procmap/layout';
import {
  indexMap,
  normalize,
  type ProcessMap,
  roleId,
  type Step,
  type StepKind,
  stepId,
} from '@procmap/model';
import { describe, expect, it } from 'vitest';
import {
  type Ghost,
  ghostsOf,
  markBadges,
  markSpoken,
  marksSummary,
  scenarioMarks,
} from './scenario-marks';
import { nextScenarioName } from './scenario-names';
import { mapNames } from './step-names';

const step = (
  id: string,
  lane: string,
  label: string,
  x: number,
  more: Partial<Step> = {},
  kind: StepKind = 'task',
): Step => ({ id: stepId(id), roleId: roleId(lane), kind, label, position: { x, y: 0 }, ...more });

/** A claim: the clerk logs it, checks it and a nurse assesses it. */
function asIs(): ProcessMap {
  return {
    format: 'procmap',
    version: 1,
    title: 'Claims',
    roles: [
      { id: roleId('clerk'), name: 'Clerk', order: 0 },
      { id: roleId('nurse'), name: 'Nurse', order: 1 },
    ],
    steps: [
      step('log', 'clerk', 'Log claim', 0, { processTime: 5 }, 'start'),
      step('check', 'clerk', 'Check claim', 240, { processTime: 10, waitTime: 60 }),
      step('assess', 'nurse', 'Assess', 480, { processTime: 20 }),
      step('file', 'clerk', 'File', 720, {}, 'end'),
    ],
    flows: [
      { id: 'f1' as never, from: stepId('log'), to: stepId('check') },
      { id: 'f2' as never, from: stepId('check'), to: stepId('assess') },
      { id: 'f3' as never, from: stepId('assess'), to: stepId('file') },
    ],
  };
}

/** The to-be: no check; assess done by the clerk, quicker; a new portal step at the start. */
function toBe(): ProcessMap {
  const map = asIs();
  return {
    ...map,
    steps: [
      step('portal', 'clerk', 'Portal form', 0, {}, 'start'),
      step('log', 'clerk', 'Log claim', 0, { processTime: 5 }, 'start'),
      step('assess', 'clerk', 'Assess', 480, { processTime: 10, waitTime: 5 }),
      step('file', 'clerk', 'File', 900, {}, 'end'),
    ],
    flows: [
      { id: 'f0' as never, from: stepId('portal'), to: stepId('log') },
      { id: 'f2' as never, from: stepId('log'), to: stepId('assess') },
      { id: 'f3' as never, from: stepId('assess'), to: stepId('file') },
    ],
  };
}

describe('scenario marks', () => {
  it('marks new, changed (fields in words) and moved steps; a drag alone is no change', () => {
    const marks = scenarioMarks(asIs(), toBe());
    expect(marks.steps.get(stepId('portal'))).toEqual({ added: true, changed: [] });
    expect(marks.steps.get(stepId('assess'))).toEqual({
      added: false,
      changed: ['process time', 'wait before'],
      described: ['process time 20 min → 10 min', 'wait before none → 5 min'],
      movedFrom: 'Nurse',
    });
    // "file" moved on the canvas only; "log" is unchanged.
    expect(marks.steps.has(stepId('file'))).toBe(false);
    expect(marks.steps.has(stepId('log'))).toBe(false);
    expect(marks.removed).toEqual([{ id: 'check', label: 'Check claim', kind: 'task' }]);
  });

  it('says each mark in words, on the card and in the step’s name', () => {
    const marks = scenarioMarks(asIs(), toBe());
    const assess = marks.steps.get(stepId('assess'))!;
    expect(markBadges(assess)).toEqual(['Changed: process time, wait before', 'Moved from Nurse']);
    expect(markBadges(marks.steps.get(stepId('portal'))!)).toEqual(['New']);
    expect(markSpoken(assess)).toBe(
      'changed in this scenario: process time 20 min → 10 min, wait before none → 5 min, moved from lane Nurse',
    );
    expect(marksSummary(marks)).toBe('Steps 1 new, 1 changed, 1 moved to another lane, 1 removed.');
    expect(marksSummary(scenarioMarks(asIs(), asIs()))).toBe('No step differs from the as-is yet.');
    const index = indexMap(normalize(toBe()).map);
    const names = mapNames(index, mapGeometry(index.map), undefined, undefined, marks.steps);
    expect(names.steps.get(stepId('assess'))).toMatch(
      /^Step: Assess, task, lane Clerk, \d of \d; changed in this scenario: process time 20 min → 10 min, wait before none → 5 min, moved from lane Nurse; next: File$/,
    );
    expect(names.steps.get(stepId('log'))).not.toMatch(/scenario/);
  });

  it('moves a ghost off a step now where it was, to the nearest free place in its row', () => {
    // given a to-be tidied up: the clerk's assess now stands where the removed check was
    const before = asIs();
    const tidied = toBe();
    const after: ProcessMap = {
      ...tidied,
      steps: tidied.steps.map((s) =>
        s.id === 'assess' ? { ...s, position: { x: 240, y: 0 } } : s,
      ),
    };
    const a = mapGeometry(normalize(before).map);
    const b = mapGeometry(normalize(after).map);
    const W = GEOMETRY.stepWidth;
    const H = GEOMETRY.stepHeight;
    const was = a.boxOf('check')!;
    const clerkBefore = a.lanes.find((l) => l.role.id === 'clerk')!;
    const clerkAfter = b.lanes.find((l) => l.role.id === 'clerk')!;
    const y = clerkAfter.y + (was.y - clerkBefore.y);
    expect(b.boxOf('assess')).toMatchObject({ x: was.x, y });
    // when
    const [ghost] = ghostsOf(scenarioMarks(before, after).removed, a, b);
    // then it lies on no step of the scenario, in the same row of the clerk's lane
    expect(ghost).toBeDefined();
    for (const live of b.steps) {
      const apart =
        ghost!.x >= live.x + W ||
        live.x >= ghost!.x + W ||
        ghost!.y >= live.y + H ||
        live.y >= ghost!.y + H;
      expect({ step: live.step.id, apart }).toEqual({ step: live.step.id, apart: true });
    }
    expect(ghost!.y).toBe(y);
    expect(ghost!.y).toBeGreaterThanOrEqual(clerkAfter.y);
    expect(ghost!.y + H).toBeLessThanOrEqual(clerkAfter.y + clerkAfter.height);
    // the nearest free place along the row: right of Assess (File is further on; left of
    // Assess the portal is in the way)
    const assess = b.boxOf('assess')!;
    expect(ghost!.x).toBe(assess.x + W + 16);
  });

  it('keeps two moved ghosts off each other', () => {
    // given the check and the filing removed, and the clerk's row now full where the check was
    const before = asIs();
    const after: ProcessMap = {
      ...before,
      steps: [
        step('log', 'clerk', 'Log claim', 0, { processTime: 5 }, 'start'),
        step('scan', 'clerk', 'Scan', 240),
        step('assess', 'clerk', 'Assess', 480, { processTime: 20 }),
      ],
      flows: [],
    };
    const a = mapGeometry(normalize(before).map);
    const b = mapGeometry(normalize(after).map);
    const W = GEOMETRY.stepWidth;
    // when
    const ghosts = ghostsOf(scenarioMarks(before, after).removed, a, b);
    // then the check's ghost goes right of Assess, and the filing's, which it would now cover,
    // right of that ghost
    expect(ghosts.map((g) => g.id)).toEqual(['check', 'file']);
    const [check, file] = ghosts as [Ghost, Ghost];
    const assess = b.boxOf('assess')!;
    expect(check).toMatchObject({ x: assess.x + W + 16, y: assess.y });
    expect(a.boxOf('file')!.x).toBeLessThan(check.x + W);
    expect(file).toMatchObject({ x: check.x + W + 16, y: assess.y });
  });

  it('draws a removed step where the as-is had it, in its lane; none when its lane is gone', () => {
    const before = asIs();
    const after = toBe();
    const marks = scenarioMarks(before, after);
    const a = mapGeometry(normalize(before).map);
    const b = mapGeometry(normalize(after).map);
    const was = a.boxOf('check')!;
    const clerkBefore = a.lanes.find((l) => l.role.id === 'clerk')!;
    const clerkAfter = b.lanes.find((l) => l.role.id === 'clerk')!;
    expect(ghostsOf(marks.removed, a, b)).toEqual([
      {
        id: 'check',
        label: 'Check claim',
        kind: 'task',
        x: was.x,
        y: clerkAfter.y + (was.y - clerkBefore.y),
      },
    ]);
    // The scenario without the clerk's lane (its steps with the nurse): no ghost to place.
    const noClerk: ProcessMap = {
      ...after,
      roles: after.roles.filter((r) => r.id !== 'clerk'),
      steps: after.steps.map((s) => ({ ...s, roleId: roleId('nurse') })),
    };
    expect(ghostsOf(marks.removed, a, mapGeometry(normalize(noClerk).map))).toEqual([]);
  });

  it('names a moved step’s old lane “Unnamed lane” when it had no name', () => {
    const before = asIs();
    const unnamed = { ...before, roles: before.roles.map((r) => ({ ...r, name: ' ' })) };
    const mark = scenarioMarks(unnamed, { ...toBe(), roles: unnamed.roles }).steps.get(
      stepId('assess'),
    );
    expect(mark?.movedFrom).toBe('Unnamed lane');
  });
});

describe('a new scenario’s name', () => {
  it('is the first “To-be n” no scenario has', () => {
    expect(nextScenarioName([])).toBe('To-be 1');
    expect(nextScenarioName(['To-be 1', 'Portal'])).toBe('To-be 2');
    expect(nextScenarioName(['to-be 2', ' To-be 1 '])).toBe('To-be 3');
  });
});
