import type { Severity } from '@procmap/analysis';
import { mapGeometry } from '@procmap/layout';
import {
  type Comment,
  indexMap,
  normalize,
  type ProcessMap,
  roleId,
  type StepKind,
  stepId,
} from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { laneName, mapName, mapNames, stepName, stepsInFlowOrder } from './step-names';

/** An outpatient referral: a nurse triages, a decision books a clinic or closes the case. */
function referral(comments: Comment[] = []): ProcessMap {
  const step = (id: string, lane: string, label: string, x: number, kind: StepKind = 'task') => ({
    id: stepId(id),
    roleId: roleId(lane),
    kind,
    label,
    position: { x, y: 0 },
  });
  return {
    format: 'procmap',
    version: 1,
    title: 'Outpatient referral',
    roles: [
      { id: roleId('clerk'), name: 'Clerk', order: 0 },
      { id: roleId('nurse'), name: 'Nurse', order: 1 },
      { id: roleId('empty'), name: '', order: 2 },
    ],
    steps: [
      step('receive', 'clerk', 'Receive referral', 0, 'start'),
      step('triage', 'nurse', 'Triage referral', 240),
      step('urgent', 'nurse', '  Urgent?  ', 480, 'decision'),
      step('book', 'clerk', 'Book clinic', 720),
      step('close', 'nurse', '', 720, 'end'),
      step('letter', 'clerk', 'Send letter', 960, 'end'),
    ],
    flows: [
      { id: 'f1' as never, from: stepId('receive'), to: stepId('triage') },
      { id: 'f2' as never, from: stepId('triage'), to: stepId('urgent') },
      { id: 'f3' as never, from: stepId('urgent'), to: stepId('book'), label: 'Yes' },
      { id: 'f4' as never, from: stepId('urgent'), to: stepId('close'), label: 'No' },
      { id: 'f5' as never, from: stepId('book'), to: stepId('letter') },
    ],
    comments,
  };
}

const comment = (id: string, target: string, kind: Comment['kind'], resolved = false): Comment => ({
  id: id as never,
  targetId: target,
  kind,
  author: 'Priya',
  text: 'About this step',
  createdAt: '2025-01-01T00:00:00.000Z',
  ...(resolved ? { resolved } : {}),
});

function namesOf(
  map: ProcessMap,
  findings?: Map<string, { findings: number; worst?: Severity | null }>,
) {
  const index = indexMap(normalize(map).map);
  return mapNames(index, mapGeometry(index.map), findings);
}

describe('a step’s name', () => {
  it('says its label, kind, lane, place in the lane, what follows and what is noted on it', () => {
    expect(
      stepName({
        label: 'Triage referral',
        kind: 'task',
        lane: 'Nurse',
        position: 2,
        of: 9,
        next: [{ to: 'Book clinic' }],
        findings: 2,
        comments: { 'pain-point': 1 },
      }),
    ).toBe(
      'Step: Triage referral, task, lane Nurse, 2 of 9; next: Book clinic; 2 findings, 1 pain point',
    );
  });

  it('says how severe the worst finding is', () => {
    const facts = {
      label: 'Book clinic',
      kind: 'task' as const,
      lane: 'Clerk',
      position: 1,
      of: 2,
      next: [],
      comments: {},
    };
    expect(stepName({ ...facts, findings: 2, worst: 'critical' })).toMatch(
      /; 2 findings, worst high$/,
    );
    expect(stepName({ ...facts, findings: 1, worst: 'warning' })).toMatch(/; 1 finding, medium$/);
    expect(
      namesOf(referral(), new Map([['triage', { findings: 3, worst: 'info' as const }]])).steps.get(
        stepId('triage'),
      ),
    ).toMatch(/; 3 findings, worst low$/);
  });

  it('ends with the step’s heat figure while the heat overlay is on', () => {
    const marks = new Map([['triage', { findings: 0, minutes: { wait: 30, lead: 90 } }]]);
    const index = indexMap(referral());
    const geometry = mapGeometry(index.map);
    const wait = mapNames(index, geometry, marks, {
      measure: 'wait',
      leadTime: 300,
      hoursPerDay: 7.5,
    });
    expect(wait.steps.get(stepId('triage'))).toMatch(/; Wait 30 min$/);
    const lead = mapNames(index, geometry, marks, {
      measure: 'lead',
      leadTime: 300,
      hoursPerDay: 7.5,
    });
    expect(lead.steps.get(stepId('triage'))).toMatch(/; 30% of lead time$/);
    expect(mapNames(index, geometry, marks).steps.get(stepId('triage'))).not.toMatch(
      /Wait|lead time/,
    );
  });

  it('gives a decision’s branches with their answers, and says when nothing follows', () => {
    const names = namesOf(referral());
    expect(names.steps.get(stepId('urgent'))).toBe(
      'Step: Urgent?, decision, lane Nurse, 2 of 3; next: Yes, Book clinic; No, Unnamed step',
    );
    expect(names.steps.get(stepId('letter'))).toBe(
      'Step: Send letter, end, lane Clerk, 3 of 3; end of the process',
    );
  });

  it('reads an unnamed step as “Unnamed step”', () => {
    expect(namesOf(referral()).steps.get(stepId('close'))).toBe(
      'Step: Unnamed step, end, lane Nurse, 3 of 3; end of the process',
    );
  });

  it('counts findings and open comments by kind, in words, leaving out what is none', () => {
    const map = referral([
      comment('c1', 'triage', 'pain-point'),
      comment('c2', 'triage', 'idea'),
      comment('c3', 'triage', 'idea'),
      comment('c4', 'triage', 'question'),
      comment('c5', 'triage', 'note', true), // resolved: not counted
      comment('c6', 'book', 'note'),
    ]);
    const names = namesOf(map, new Map([['triage', { findings: 1 }]]));
    expect(names.steps.get(stepId('triage'))).toBe(
      'Step: Triage referral, task, lane Nurse, 1 of 3; next: Urgent?; 1 finding, 1 pain point, 1 question, 2 ideas',
    );
    expect(names.steps.get(stepId('book'))).toBe(
      'Step: Book clinic, task, lane Clerk, 2 of 3; next: Send letter; 1 note',
    );
  });

  it('changes when a label, a flow, a finding or a comment changes', () => {
    const before = namesOf(referral()).steps.get(stepId('triage'));
    const renamedNext = referral();
    const relabelled = {
      ...renamedNext,
      steps: renamedNext.steps.map((s) =>
        s.id === 'urgent' ? { ...s, label: 'Urgent case?' } : s,
      ),
    };
    expect(namesOf(relabelled).steps.get(stepId('triage'))).not.toBe(before);
    const rerouted = { ...referral(), flows: referral().flows.filter((f) => f.id !== 'f2') };
    expect(namesOf(rerouted).steps.get(stepId('triage'))).toMatch(/end of the process$/);
    expect(
      namesOf(referral(), new Map([['triage', { findings: 3 }]])).steps.get(stepId('triage')),
    ).toMatch(/; 3 findings$/);
    expect(
      namesOf(referral([comment('c1', 'triage', 'idea')])).steps.get(stepId('triage')),
    ).toMatch(/; 1 idea$/);
  });
});

describe('lanes and the map', () => {
  it('names a lane with its step count, an unnamed one as such', () => {
    const names = namesOf(referral());
    expect(names.lanes.get(roleId('nurse'))).toBe('Lane Nurse, 3 steps');
    expect(names.lanes.get(roleId('empty'))).toBe('Unnamed lane, no steps');
    expect(laneName('Team leader', 1)).toBe('Lane Team leader, 1 step');
  });

  it('orders a lane’s steps along the flow, left to right', () => {
    const index = indexMap(normalize(referral()).map);
    const order = stepsInFlowOrder(mapGeometry(index.map));
    expect(order.get(roleId('clerk'))).toEqual(['receive', 'book', 'letter']);
    expect(order.get(roleId('nurse'))).toEqual(['triage', 'urgent', 'close']);
    expect(order.get(roleId('empty'))).toEqual([]);
  });

  it('names the map with its size and the keys that move in it', () => {
    expect(mapName(9, 4)).toMatch(
      /^Process map: 9 steps in 4 lanes\. Arrow keys move along the flow/,
    );
    expect(mapName(1, 1)).toMatch(/^Process map: 1 step in 1 lane\./);
    expect(mapName(0, 0)).toBe('Process map: empty. Alt+L adds a lane.');
  });
});
