import { type ProcessMap, roleId, type Scenario, type Step, stepId } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { undoReport } from './undo-where';

const step = (id: string, label: string): Step => ({
  id: stepId(id),
  roleId: roleId('nurse'),
  kind: 'task',
  label,
  position: { x: 0, y: 0 },
});

const ROLES = [{ id: roleId('nurse'), name: 'Nurse', order: 0 }];
const STEPS = [step('a', 'Arrive'), step('t', 'Triage')];

const scenario = (id: string, name: string, more: Partial<Scenario> = {}): Scenario => ({
  id,
  name,
  roles: ROLES,
  steps: STEPS,
  flows: [],
  ...more,
});

const map = (scenarios: Scenario[], more: Partial<ProcessMap> = {}): ProcessMap => ({
  format: 'procmap',
  version: 1,
  title: 'ED',
  roles: ROLES,
  steps: STEPS,
  flows: [],
  scenarios,
  ...more,
});

describe('undo and redo say where they acted', () => {
  it('an undo in the process shown is plain', () => {
    const before = map([], { steps: STEPS.slice(0, 1) });
    expect(undoReport(before, map([]), 'as-is', false)).toEqual({
      hint: 'Undone. Ctrl+Shift+Z redoes.',
    });
  });

  it('an undo inside a scenario while the as-is is shown shows the scenario and says so', () => {
    const nurse = scenario('s1', 'To-be: nurse triage', { steps: STEPS.slice(0, 1) });
    const before = map([nurse]);
    const after = map([{ ...nurse, steps: STEPS }]);
    const report = undoReport(before, after, 'as-is', false);
    expect(report.show).toBe('s1');
    expect(report.hint).toBe(
      'Undone in the scenario “To-be: nurse triage”: added “Triage” in Nurse; showing it. Ctrl+Shift+Z redoes.',
    );
  });

  it('an undo in the as-is while a scenario is shown shows the as-is', () => {
    const s = scenario('s1', 'To-be');
    const report = undoReport(map([s], { steps: STEPS.slice(0, 1) }), map([s]), 's1', false);
    expect(report.show).toBe('as-is');
    expect(report.hint).toMatch(/^Undone in the as-is: added “Triage” in Nurse; showing it\./);
  });

  it('an undo of a scenario’s settings override, with the as-is shown, shows the scenario', () => {
    const s = scenario('s1', 'To-be');
    const after = map([{ ...s, settings: { demand: { count: 4, per: 'day' } } }]);
    expect(undoReport(map([s]), after, 'as-is', true).show).toBe('s1');
  });

  it('bringing back a deleted scenario shows it', () => {
    const s = scenario('s1', 'X');
    expect(undoReport(map([]), map([s]), 'as-is', false)).toEqual({
      show: 's1',
      hint: 'Brought back the scenario “X”. Ctrl+Shift+Z redoes.',
    });
  });

  it('the scenario shown taken away by an undo: the as-is is shown, and said', () => {
    const s = scenario('s1', 'X');
    expect(undoReport(map([s]), map([]), 's1', false)).toEqual({
      show: 'as-is',
      hint: 'Undone: the scenario “X” is gone; showing the as-is. Ctrl+Shift+Z redoes.',
    });
  });

  it('another scenario taken away stays on the process shown', () => {
    const s = scenario('s1', 'X');
    const report = undoReport(map([s]), map([]), 'as-is', true);
    expect(report).toEqual({ hint: 'Redone: the scenario “X” is gone.' });
  });
});
