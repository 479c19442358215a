import type { Finding } from '@procmap/analysis';
import { mapGeometry } from '@procmap/layout';
import {
  type Comment,
  type Flow,
  flowId,
  indexMap,
  normalize,
  type ProcessMap,
  roleId,
  type Step,
  stepId,
} from '@procmap/model';
import { describe, expect, it } from 'vitest';
import {
  focusAfterDelete,
  findingsByStep,
  loopFlows,
  openCommentsByStep,
  outlineOf,
  stepFacts,
} from './outline-model';

const step = (id: string, role: string, label: string, kind: Step['kind'] = 'task'): Step => ({
  id: stepId(id),
  roleId: roleId(role),
  kind,
  label,
});
const flow = (id: string, from: string, to: string, more: Partial<Flow> = {}): Flow => ({
  id: flowId(id),
  from: stepId(from),
  to: stepId(to),
  ...more,
});

/**
 * A Blue Badge application: the applicant applies, the council checks the form, asks for a
 * correction when it is incomplete (a rework loop back to the check) and decides.
 */
const blueBadge: ProcessMap = {
  format: 'procmap',
  version: 1,
  title: 'Blue Badge',
  roles: [
    { id: roleId('applicant'), name: 'Applicant', order: 0 },
    { id: roleId('council'), name: 'Council officer', order: 1 },
  ],
  steps: [
    // Listed out of flow order on purpose: the outline reads the flow, not the file.
    step('decide', 'council', 'Eligible?', 'decision'),
    step('apply', 'applicant', 'Apply online', 'start'),
    step('check', 'council', 'Check form'),
    step('fix', 'applicant', 'Correct the form'),
    step('issue', 'council', 'Issue badge', 'end'),
    step('refuse', 'council', 'Send refusal', 'end'),
  ],
  flows: [
    flow('f1', 'apply', 'check'),
    flow('f2', 'check', 'decide'),
    flow('f3', 'decide', 'issue', { label: 'Yes', probability: 0.7 }),
    flow('f4', 'decide', 'refuse', { label: 'No', probability: 0.1 }),
    flow('f5', 'decide', 'fix', { label: 'Incomplete', probability: 0.2 }),
    flow('f6', 'fix', 'check', { label: 'rework' }),
  ],
};

const outline = (map: ProcessMap) => {
  const index = indexMap(normalize(map).map);
  return outlineOf(index, mapGeometry(index.map));
};
const names = (map: ProcessMap) =>
  outline(map).map((lane) => [lane.heading, lane.steps.map((s) => s.name)]);
const stepIn = (map: ProcessMap, id: string) =>
  outline(map)
    .flatMap((l) => l.steps)
    .find((s) => s.id === id)!;

describe('outlineOf', () => {
  it('lists each lane in lane order, its steps along the flow', () => {
    expect(names(blueBadge)).toEqual([
      ['Applicant — 2 steps', ['Apply online', 'Correct the form']],
      ['Council officer — 4 steps', ['Check form', 'Eligible?', 'Issue badge', 'Send refusal']],
    ]);
  });

  it('follows the lanes’ order keys, not the order they are stored in', () => {
    const swapped = {
      ...blueBadge,
      roles: [
        { id: roleId('applicant'), name: 'Applicant', order: 5 },
        { id: roleId('council'), name: 'Council officer', order: 1 },
      ],
    };
    expect(names(swapped).map(([heading]) => heading)).toEqual([
      'Council officer — 4 steps',
      'Applicant — 2 steps',
    ]);
  });

  it('names decision branches by their labels and shares, with the lane of a handoff', () => {
    const decide = stepIn(blueBadge, 'decide');
    expect(decide.kind).toBe('Decision');
    expect(decide.next.map((l) => l.text)).toEqual([
      'Issue badge (Yes · 70%)',
      'Send refusal (No · 10%)',
      'Correct the form (Incomplete · 20%), in Applicant',
    ]);
    expect(decide.previous.map((l) => l.text)).toEqual(['Check form']);
  });

  it('says a loop goes back, at both of its ends, after the forward flows', () => {
    const fix = stepIn(blueBadge, 'fix');
    expect(fix.next).toEqual([
      expect.objectContaining({
        stepId: 'check',
        loop: true,
        text: 'back to Check form (rework), in Council officer',
      }),
    ]);
    const check = stepIn(blueBadge, 'check');
    expect(check.previous.map((l) => l.text)).toEqual([
      'Apply online, in Applicant',
      'back from Correct the form (rework), in Applicant',
    ]);
    expect(check.next.map((l) => [l.text, l.loop])).toEqual([['Eligible?', false]]);
  });

  it('calls an unlabelled loop a loop, and a forward flow in a loop-free map never one', () => {
    const unlabelled = {
      ...blueBadge,
      flows: blueBadge.flows.map((f) => (f.id === 'f6' ? flow('f6', 'fix', 'check') : f)),
    };
    expect(stepIn(unlabelled, 'fix').next.map((l) => l.text)).toEqual([
      'back to Check form (loop), in Council officer',
    ]);
    const noLoop = { ...blueBadge, flows: blueBadge.flows.filter((f) => f.id !== 'f6') };
    const index = indexMap(noLoop);
    expect(loopFlows(index, mapGeometry(noLoop)).size).toBe(0);
  });

  it('names unnamed steps by their place in their lane, so two of them differ', () => {
    const map: ProcessMap = {
      ...blueBadge,
      steps: blueBadge.steps.map((s) =>
        s.id === 'issue' || s.id === 'refuse' ? { ...s, label: '  ' } : s,
      ),
    };
    const decide = stepIn(map, 'decide');
    expect(decide.next.map((l) => l.text)).toEqual([
      'unnamed step 3 of Council officer (Yes · 70%)',
      'unnamed step 4 of Council officer (No · 10%)',
      'Correct the form (Incomplete · 20%), in Applicant',
    ]);
    expect(stepIn(map, 'issue').name).toBe('Unnamed step');
  });

  it('gives an empty lane a heading and no steps, and an unnamed lane a name', () => {
    const map: ProcessMap = {
      ...blueBadge,
      roles: [...blueBadge.roles, { id: roleId('gp'), name: ' ', order: 2 }],
    };
    expect(outline(map).at(-1)).toMatchObject({ heading: 'Unnamed lane — no steps', steps: [] });
  });

  it('leaves out flows to steps that are gone and flows from a step to itself', () => {
    const map: ProcessMap = {
      ...blueBadge,
      flows: [...blueBadge.flows, flow('self', 'check', 'check'), flow('gone', 'check', 'nope')],
    };
    expect(stepIn(map, 'check').next.map((l) => l.stepId)).toEqual(['decide']);
  });
});

describe('stepFacts', () => {
  it('says only what is set, in words, with durations as people write them', () => {
    expect(stepFacts(step('a', 'r', 'Plain'), 7.5)).toEqual([]);
    const full: Step = {
      ...step('a', 'r', 'Check form'),
      processTime: 90,
      waitTime: 2 * 7.5 * 60,
      valueClass: 'waste',
      activity: 'inspection',
      completeAccurate: 0.655,
      systems: ['Case system', 'Email'],
      dataEntered: ['NHS number'],
      batchSize: 20,
      notes: ' Twice a week ',
    };
    expect(stepFacts(full, 7.5)).toEqual([
      { term: 'Process time', value: '1 h 30 min' },
      { term: 'Wait before it starts', value: '2 d' },
      { term: 'Value', value: 'Waste' },
      { term: 'Activity', value: 'Inspection' },
      { term: 'Complete and accurate', value: '65.5%' },
      { term: 'Systems', value: 'Case system, Email' },
      { term: 'Data keyed in', value: 'NHS number' },
      { term: 'Batch size', value: '20' },
      { term: 'Notes', value: 'Twice a week' },
    ]);
  });
});

describe('findings and comments of a step', () => {
  const finding = (severity: Finding['severity'], ids: string[], message: string) =>
    ({
      rule: 'long-wait',
      waste: 'waiting',
      severity,
      stepIds: ids.map(stepId),
      flowIds: [],
      roleIds: [],
      message,
      timeAtStake: 0,
    }) as unknown as Finding;

  it('lists the findings naming a step, most severe first', () => {
    const all = [
      finding('info', ['check'], 'A'),
      finding('critical', ['apply', 'check'], 'B'),
      finding('warning', ['apply'], 'C'),
    ];
    const byStep = findingsByStep(all);
    expect(byStep.get(stepId('check'))?.map((f) => f.message)).toEqual(['B', 'A']);
    expect(byStep.get(stepId('apply'))?.map((f) => f.message)).toEqual(['B', 'C']);
    expect(byStep.has(stepId('decide'))).toBe(false);
  });

  it('groups a step’s open comments by kind, pain points first, resolved ones left out', () => {
    const comment = (id: string, kind: Comment['kind'], resolved = false): Comment =>
      ({
        id,
        targetId: 'check',
        kind,
        author: 'Priya',
        text: id,
        createdAt: '',
        resolved,
      }) as never;
    const byStep = openCommentsByStep([
      comment('n1', 'note'),
      comment('p1', 'pain-point'),
      comment('p2', 'pain-point', true),
      comment('i1', 'idea'),
      { ...comment('o1', 'pain-point'), targetId: 'apply' },
      { ...comment('r1', 'idea', true), targetId: 'decide' },
    ]);
    const groups = byStep.get(stepId('check')) ?? [];
    expect(byStep.get(stepId('apply'))?.map((g) => g.kind)).toEqual(['pain-point']);
    expect(byStep.has(stepId('decide'))).toBe(false);
    expect(groups.map((g) => [g.kind, g.comments.map((c) => c.id)])).toEqual([
      ['pain-point', ['p1']],
      ['idea', ['i1']],
      ['note', ['n1']],
    ]);
  });
});

describe('focusAfterDelete', () => {
  it('goes to the next step in the lane, else the one before, else nowhere', () => {
    const lanes = outline(blueBadge);
    expect(focusAfterDelete(lanes, stepId('decide'))).toBe('issue');
    expect(focusAfterDelete(lanes, stepId('refuse'))).toBe('issue');
    const alone = outline({ ...blueBadge, steps: [step('only', 'applicant', 'Only')], flows: [] });
    expect(focusAfterDelete(alone, stepId('only'))).toBeUndefined();
  });
});
