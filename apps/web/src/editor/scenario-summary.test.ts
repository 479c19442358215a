import { type ProcessMap, roleId, type Scenario, type Step, stepId } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { scenarioMarks } from './scenario-marks';
import { scenarioSummary, settingsChanged } from './scenario-summary';

const step = (id: string, lane: string, label: string, more: Partial<Step> = {}): Step => ({
  id: stepId(id),
  roleId: roleId(lane),
  kind: 'task',
  label,
  ...more,
});

const asIs: ProcessMap = {
  format: 'procmap',
  version: 1,
  title: 'Claims',
  settings: { demand: { count: 40, per: 'day' }, hoursPerDay: 7.5 },
  roles: [
    { id: roleId('clerk'), name: 'Clerk', order: 0, headcount: 2 },
    { id: roleId('nurse'), name: 'Nurse', order: 1 },
  ],
  steps: [
    step('log', 'clerk', 'Log claim'),
    step('check', 'clerk', 'Check claim', { processTime: 10 }),
    step('assess', 'nurse', 'Assess'),
    step('file', 'clerk', 'File'),
  ],
  flows: [],
};

const scenario = (more: Partial<Scenario>): Scenario => ({
  id: 's1',
  name: 'To-be',
  roles: asIs.roles,
  steps: asIs.steps,
  flows: [],
  ...more,
});

const said = (s: Scenario) => scenarioSummary(asIs, s, scenarioMarks(asIs, s));

describe('the scenario banner’s summary', () => {
  it('names steps once, with one and many right', () => {
    const one = scenario({
      steps: [
        step('log', 'clerk', 'Log claim'),
        step('check', 'clerk', 'Check claim', { processTime: 5 }),
        step('assess', 'clerk', 'Assess'),
      ],
    });
    expect(said(one)).toBe('1 step changed, 1 moved to another lane, 1 removed.');
    const many = scenario({
      steps: [
        step('log', 'clerk', 'Log claim'),
        step('new1', 'clerk', 'Portal'),
        step('new2', 'clerk', 'Email'),
      ],
    });
    expect(said(many)).toBe('2 new steps, 3 removed.');
    expect(said(scenario({ steps: asIs.steps.slice(0, 2) }))).toBe('2 steps removed.');
  });

  it('counts settings and roles changed', () => {
    const s = scenario({
      settings: { demand: { count: 60, per: 'day' }, hoursPerDay: 7.5 },
      roles: [{ ...(asIs.roles[0] as Scenario['roles'][number]), headcount: 3 }, asIs.roles[1]!],
    });
    expect(said(s)).toBe('Demand and 1 role changed.');
    expect(said(scenario({ roles: asIs.roles.slice(0, 1) }))).toBe('1 role removed.');
    expect(said(scenario({}))).toBe('Nothing differs from the as-is yet.');
  });

  it('a setting overridden with the map’s own value changes nothing', () => {
    expect(settingsChanged(asIs.settings, { hoursPerDay: 7.5, currency: 'EUR' })).toEqual([
      'currency',
    ]);
  });
});
