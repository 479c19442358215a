import type { Finding } from '@procmap/analysis';
import type { MapGeometry } from '@procmap/layout';
import {
  type Comment,
  type CommentKind,
  type Flow,
  type FlowId,
  flowLabel,
  formatDuration,
  type MapIndex,
  type RoleId,
  type Step,
  type StepId,
  type StepKind,
} from '@procmap/model';

/*
 * The outline's content as plain data: each lane's steps in the order people read the map
 * (along the flow, left to right), every step's flows in and out as words a link can carry,
 * and its data in users' words. Pure, so order, branches and loops are unit-tested.
 */

/** A flow in or out of a step, as the outline links it. */
export interface OutlineLink {
  readonly flowId: FlowId;
  /** The step at the other end: where the link goes. */
  readonly stepId: StepId;
  /** The link's words: "Book clinic (Yes · 80%), in Admin", "back to Check form (rework)". */
  readonly text: string;
  /** The flow closes a loop: it goes back to a step drawn earlier (or comes back from one). */
  readonly loop: boolean;
}

/** One step as the outline lists it. */
export interface OutlineStep {
  readonly id: StepId;
  readonly step: Step;
  /** Its name, or "Unnamed step". */
  readonly name: string;
  /** Its kind in words: "Decision". */
  readonly kind: string;
  /** Its place in its lane, from 1. */
  readonly place: number;
  readonly previous: readonly OutlineLink[];
  readonly next: readonly OutlineLink[];
}

/** One lane: its steps in flow order. */
export interface OutlineLane {
  readonly id: RoleId;
  readonly name: string;
  /** "Nurse — 4 steps". */
  readonly heading: string;
  readonly steps: readonly OutlineStep[];
}

/** A step kind in words. */
export const KIND_WORDS: Readonly<Record<StepKind, string>> = {
  start: 'Start',
  task: 'Task',
  decision: 'Decision',
  delay: 'Delay',
  end: 'End',
};

const VALUE_WORDS: Readonly<Record<NonNullable<Step['valueClass']>, string>> = {
  'value-adding': 'Value-adding',
  necessary: 'Necessary',
  waste: 'Waste',
};

const ACTIVITY_WORDS: Readonly<Record<NonNullable<Step['activity']>, string>> = {
  work: 'Work',
  approval: 'Approval',
  inspection: 'Inspection',
  transport: 'Transport',
};

/** A lane's name as people read it, never empty. */
export function laneName(name: string): string {
  return name.trim() || 'Unnamed lane';
}

/** "4 steps", "1 step", "no steps". */
export function countSteps(n: number): string {
  return n === 0 ? 'no steps' : n === 1 ? '1 step' : `${n} steps`;
}

/** Each drawn step's place in reading order: by lane, then left to right, then top to bottom. */
function readingOrder(geometry: MapGeometry): Map<StepId, { x: number; y: number }> {
  const at = new Map<StepId, { x: number; y: number }>();
  for (const box of geometry.steps) at.set(box.step.id, { x: box.x, y: box.y });
  return at;
}

/**
 * The strongly connected components of the flow graph (iterative Tarjan: a long chain must not
 * touch the call stack). Two steps in one component lie on a loop together.
 */
function components(index: MapIndex): Map<StepId, number> {
  const steps = index.map.steps.filter((s, i, all) => all.findIndex((o) => o.id === s.id) === i);
  const order = new Map<StepId, number>();
  const low = new Map<StepId, number>();
  const comp = new Map<StepId, number>();
  const stack: StepId[] = [];
  const onStack = new Set<StepId>();
  let counter = 0;
  let count = 0;
  const targets = (id: StepId) =>
    index
      .outgoing(id)
      .map((f) => f.to)
      .filter((to) => index.step(to));
  for (const root of steps) {
    if (order.has(root.id)) continue;
    const work: { id: StepId; next: StepId[]; at: number }[] = [];
    const visit = (id: StepId) => {
      order.set(id, counter);
      low.set(id, counter);
      counter++;
      stack.push(id);
      onStack.add(id);
      work.push({ id, next: targets(id), at: 0 });
    };
    visit(root.id);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      if (frame.at < frame.next.length) {
        const to = frame.next[frame.at++]!;
        if (!order.has(to)) visit(to);
        else if (onStack.has(to)) {
          low.set(frame.id, Math.min(low.get(frame.id)!, order.get(to)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === order.get(frame.id)) {
        let id: StepId;
        do {
          id = stack.pop()!;
          onStack.delete(id);
          comp.set(id, count);
        } while (id !== frame.id);
        count++;
      }
    }
  }
  return comp;
}

/**
 * The flows that go back: both ends on one loop, and the step it leads to drawn no later than
 * the step it leaves (left of it, or level with it and not below). That is the flow a reader
 * sees turn back, "back to Check form".
 */
export function loopFlows(index: MapIndex, geometry: MapGeometry): Set<FlowId> {
  const comp = components(index);
  const at = readingOrder(geometry);
  const loops = new Set<FlowId>();
  for (const flow of index.map.flows) {
    const a = at.get(flow.from);
    const b = at.get(flow.to);
    if (!a || !b || flow.from === flow.to) continue;
    if (comp.get(flow.from) !== comp.get(flow.to)) continue;
    if (b.x < a.x || (b.x === a.x && b.y <= a.y)) loops.add(flow.id);
  }
  return loops;
}

/**
 * The outline: one entry per lane in lane order, each with its steps in reading order, and for
 * every step its flows in and out in words.
 */
export function outlineOf(index: MapIndex, geometry: MapGeometry): OutlineLane[] {
  const loops = loopFlows(index, geometry);
  const place = new Map<StepId, { lane: string; place: number }>();
  const lanes = geometry.lanes.map((laneBox) => {
    const boxes = geometry.steps
      .filter((b) => b.step.roleId === laneBox.role.id)
      .sort((a, b) => a.x - b.x || a.y - b.y);
    const name = laneName(laneBox.role.name);
    for (const [i, b] of boxes.entries()) place.set(b.step.id, { lane: name, place: i + 1 });
    return { role: laneBox.role, name, boxes };
  });

  /** The other end's name; an unnamed step says where it is, so two unnamed steps differ. */
  const nameOf = (id: StepId): string => {
    const label = index.step(id)?.label.trim() ?? '';
    if (label) return label;
    const p = place.get(id);
    return p ? `unnamed step ${p.place} of ${p.lane}` : 'an unnamed step';
  };
  const link = (flow: Flow, from: Step, direction: 'next' | 'previous'): OutlineLink => {
    const other = direction === 'next' ? flow.to : flow.from;
    const otherStep = index.step(other)!;
    const loop = loops.has(flow.id);
    const words = flowLabel(flow.label?.trim(), flow.probability);
    const laneWords = place.get(other)?.lane ?? '';
    const elsewhere = otherStep.roleId !== from.roleId && otherStep.label.trim() !== '';
    let text = nameOf(other);
    if (loop) text = `${direction === 'next' ? 'back to' : 'back from'} ${text}`;
    if (words) text += ` (${words})`;
    else if (loop) text += ' (loop)';
    if (elsewhere && laneWords) text += `, in ${laneWords}`;
    return { flowId: flow.id, stepId: other, text, loop };
  };
  const ordered = (flows: readonly Flow[], end: 'from' | 'to') =>
    flows
      .filter((f) => index.step(f[end]) && place.has(f[end]) && f.from !== f.to)
      .sort((a, b) => Number(loops.has(a.id)) - Number(loops.has(b.id)));

  return lanes.map(({ role, name, boxes }) => ({
    id: role.id,
    name,
    heading: `${name} — ${countSteps(boxes.length)}`,
    steps: boxes.map((box, i) => {
      const step = box.step;
      return {
        id: step.id,
        step,
        name: step.label.trim() || 'Unnamed step',
        kind: KIND_WORDS[step.kind] ?? 'Step',
        place: i + 1,
        previous: ordered(index.incoming(step.id), 'from').map((f) => link(f, step, 'previous')),
        next: ordered(index.outgoing(step.id), 'to').map((f) => link(f, step, 'next')),
      };
    }),
  }));
}

/** One item of a step's data: what it is and its value, in words. */
export interface StepFact {
  readonly term: string;
  readonly value: string;
}

/** A step's data that is set, in users' words: times, value, accuracy, systems, data. */
export function stepFacts(step: Step, hoursPerDay: number): StepFact[] {
  const facts: StepFact[] = [];
  const duration = (minutes: number) => formatDuration(minutes, { hoursPerDay });
  if (step.processTime !== undefined) {
    facts.push({ term: 'Process time', value: duration(step.processTime) });
  }
  if (step.waitTime !== undefined && step.waitTime > 0) {
    facts.push({ term: 'Wait before it starts', value: duration(step.waitTime) });
  }
  if (step.valueClass) facts.push({ term: 'Value', value: VALUE_WORDS[step.valueClass] });
  if (step.activity && step.activity !== 'work') {
    facts.push({ term: 'Activity', value: ACTIVITY_WORDS[step.activity] });
  }
  if (step.completeAccurate !== undefined) {
    const percent = Math.round(step.completeAccurate * 1000) / 10;
    facts.push({ term: 'Complete and accurate', value: `${percent}%` });
  }
  if (step.systems?.length) facts.push({ term: 'Systems', value: step.systems.join(', ') });
  if (step.dataEntered?.length) {
    facts.push({ term: 'Data keyed in', value: step.dataEntered.join(', ') });
  }
  if (step.batchSize !== undefined) {
    facts.push({ term: 'Batch size', value: String(step.batchSize) });
  }
  if (step.notes?.trim()) facts.push({ term: 'Notes', value: step.notes.trim() });
  return facts;
}

/** The analysis findings naming each step, most severe first (then in the analysis's order). */
export function findingsByStep(findings: readonly Finding[]): Map<StepId, Finding[]> {
  const rank = { critical: 0, warning: 1, info: 2 } as const;
  const byStep = new Map<StepId, Finding[]>();
  const ordered = findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank[a.f.severity] - rank[b.f.severity] || a.i - b.i);
  for (const { f } of ordered) {
    for (const id of new Set(f.stepIds)) {
      const list = byStep.get(id);
      if (list) list.push(f);
      else byStep.set(id, [f]);
    }
  }
  return byStep;
}

/** The order comment kinds are listed in: what hurts first. */
const KIND_ORDER: readonly CommentKind[] = ['pain-point', 'question', 'idea', 'note'];

/** A step's open comments, grouped by kind in `KIND_ORDER`. */
export type CommentGroups = readonly { kind: CommentKind; comments: Comment[] }[];

/** Each step's open comments, grouped by kind in `KIND_ORDER` (steps without any left out). */
export function openCommentsByStep(
  comments: readonly Comment[] | undefined,
): Map<StepId, CommentGroups> {
  const open = new Map<StepId, Comment[]>();
  for (const c of comments ?? []) {
    if (c.resolved || c.targetId === undefined) continue;
    const id = c.targetId as StepId;
    const list = open.get(id);
    if (list) list.push(c);
    else open.set(id, [c]);
  }
  const grouped = new Map<StepId, CommentGroups>();
  for (const [id, list] of open) {
    grouped.set(
      id,
      KIND_ORDER.map((kind) => ({ kind, comments: list.filter((c) => c.kind === kind) })).filter(
        (g) => g.comments.length > 0,
      ),
    );
  }
  return grouped;
}

/**
 * Where focus goes when a step is deleted: the step after it in its lane, else the one before,
 * else nowhere (the lane's heading).
 */
export function focusAfterDelete(lanes: readonly OutlineLane[], id: StepId): StepId | undefined {
  for (const lane of lanes) {
    const at = lane.steps.findIndex((s) => s.id === id);
    if (at < 0) continue;
    return (lane.steps[at + 1] ?? lane.steps[at - 1])?.id;
  }
  return undefined;
}
