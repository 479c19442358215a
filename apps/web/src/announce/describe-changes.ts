import {
  type Comment,
  type CommentKind,
  lanesInOrder,
  type ProcessMap,
  type Role,
  type Step,
  type StepKind,
} from '@procmap/model';
import { quoted } from './change-sentence';

/*
 * What a colleague's change did, in words a listener can follow: the difference of two map
 * snapshots, record by record (by id), as a short list of changes (here); a burst of them merged
 * (merge-changes.ts); one sentence for one person's changes (change-sentence.ts). Moving a box
 * on the canvas is not said: it changes nothing a listener works with.
 */

/** One thing a person did to the map. Labels are kept as typed; they are quoted when said. */
export type Change =
  | {
      readonly kind: 'step-added';
      readonly id: string;
      readonly label: string;
      readonly lane: string;
    }
  | {
      readonly kind: 'step-renamed';
      readonly id: string;
      readonly from: string;
      readonly to: string;
    }
  | { readonly kind: 'step-deleted'; readonly id: string; readonly label: string }
  | {
      readonly kind: 'step-moved';
      readonly id: string;
      readonly label: string;
      readonly lane: string;
    }
  | {
      readonly kind: 'step-kind';
      readonly id: string;
      readonly label: string;
      readonly stepKind: StepKind;
    }
  | { readonly kind: 'step-edited'; readonly id: string; readonly label: string }
  | { readonly kind: 'connected'; readonly id: string; readonly from: string; readonly to: string }
  | {
      readonly kind: 'disconnected';
      readonly id: string;
      readonly from: string;
      readonly to: string;
    }
  | {
      readonly kind: 'flow-edited';
      readonly id: string;
      readonly from: string;
      readonly to: string;
    }
  | { readonly kind: 'lane-added'; readonly id: string; readonly name: string }
  | {
      readonly kind: 'lane-renamed';
      readonly id: string;
      readonly from: string;
      readonly to: string;
    }
  | { readonly kind: 'lane-deleted'; readonly id: string; readonly name: string }
  | {
      readonly kind: 'lane-moved';
      readonly id: string;
      readonly name: string;
      /** Where it went: above the lane now after it, or below the one now before it. */
      readonly place: { readonly above: string } | { readonly below: string };
    }
  | { readonly kind: 'lane-edited'; readonly id: string; readonly name: string }
  | {
      readonly kind: 'commented';
      readonly id: string;
      readonly commentKind: CommentKind;
      /** What the comment is on, already in words: “Triage”, the flow from “A” to “B”, the map. */
      readonly on: string;
    }
  | { readonly kind: 'replied'; readonly id: string; readonly on: string }
  | { readonly kind: 'resolved'; readonly id: string; readonly on: string; readonly open: boolean }
  | { readonly kind: 'comment-deleted'; readonly id: string; readonly on: string }
  | { readonly kind: 'scenario-added'; readonly id: string; readonly name: string }
  | {
      readonly kind: 'scenario-renamed';
      readonly id: string;
      readonly from: string;
      readonly to: string;
    }
  | { readonly kind: 'scenario-deleted'; readonly id: string; readonly name: string }
  /** Anything done inside a scenario: its steps, lanes, flows, settings, description, ideas. */
  | { readonly kind: 'scenario-edited'; readonly id: string; readonly name: string }
  | { readonly kind: 'map-renamed'; readonly id: 'map'; readonly to: string }
  | { readonly kind: 'map-edited'; readonly id: 'map' };

const byId = <T extends { readonly id: string }>(list: readonly T[] | undefined) =>
  new Map((list ?? []).map((r) => [r.id as string, r] as const));

/** A record without the fields a sentence says otherwise (or not at all), for "details changed". */
function details(record: object, skip: readonly string[]): string {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (!skip.includes(key)) out[key] = value;
  return JSON.stringify(out);
}

const STEP_SAID = ['id', 'roleId', 'label', 'kind', 'position'];
const LANE_SAID = ['id', 'name', 'order'];

function stepChanges(before: ProcessMap, after: ProcessMap, out: Change[]): void {
  const was = byId(before.steps);
  const now = byId(after.steps);
  const laneName = (map: ProcessMap, id: string) =>
    map.roles.find((r) => r.id === id)?.name ?? map.roles.find((r) => r.id === id)?.id ?? '';
  for (const step of after.steps) {
    const old = was.get(step.id);
    if (!old) {
      out.push({
        kind: 'step-added',
        id: step.id,
        label: step.label,
        lane: laneName(after, step.roleId),
      });
      continue;
    }
    if (old === step) continue;
    if (old.label !== step.label) {
      out.push({ kind: 'step-renamed', id: step.id, from: old.label, to: step.label });
    }
    if (old.roleId !== step.roleId) {
      out.push({
        kind: 'step-moved',
        id: step.id,
        label: step.label,
        lane: laneName(after, step.roleId),
      });
    }
    if (old.kind !== step.kind) {
      out.push({ kind: 'step-kind', id: step.id, label: step.label, stepKind: step.kind });
    }
    if (details(old, STEP_SAID) !== details(step, STEP_SAID)) {
      out.push({ kind: 'step-edited', id: step.id, label: step.label });
    }
  }
  for (const step of before.steps) {
    if (!now.has(step.id)) out.push({ kind: 'step-deleted', id: step.id, label: step.label });
  }
}

function flowChanges(before: ProcessMap, after: ProcessMap, out: Change[]): void {
  const stepsBefore = byId(before.steps);
  const stepsAfter = byId(after.steps);
  const added = new Set([...stepsAfter.keys()].filter((id) => !stepsBefore.has(id)));
  const deleted = new Set([...stepsBefore.keys()].filter((id) => !stepsAfter.has(id)));
  const was = byId(before.flows);
  const now = byId(after.flows);
  const label = (steps: Map<string, Step>, id: string) => steps.get(id)?.label ?? '';
  for (const flow of after.flows) {
    const old = was.get(flow.id);
    // A flow to or from a step added in the same change is part of adding it.
    if (added.has(flow.from) || added.has(flow.to)) continue;
    const from = label(stepsAfter, flow.from);
    const to = label(stepsAfter, flow.to);
    if (!old) out.push({ kind: 'connected', id: flow.id, from, to });
    else if (old !== flow && details(old, ['id']) !== details(flow, ['id'])) {
      out.push({ kind: 'flow-edited', id: flow.id, from, to });
    }
  }
  // A step inserted between two others replaces the flow that joined them.
  const joinedByNew = (from: string, to: string) =>
    after.flows.some((f) => f.from === from && added.has(f.to)) &&
    after.flows.some((f) => f.to === to && added.has(f.from));
  for (const flow of before.flows) {
    if (now.has(flow.id)) continue;
    // A flow of a deleted step goes with it.
    if (deleted.has(flow.from) || deleted.has(flow.to)) continue;
    if (joinedByNew(flow.from, flow.to)) continue;
    out.push({
      kind: 'disconnected',
      id: flow.id,
      from: label(stepsBefore, flow.from),
      to: label(stepsBefore, flow.to),
    });
  }
}

/** Lanes that moved among the lanes both snapshots have, and where to. */
function laneMoves(before: readonly Role[], after: readonly Role[]): Change[] {
  const both = new Set(before.map((r) => r.id as string));
  const oldSeq = lanesInOrder(before).filter((r) => after.some((a) => a.id === r.id));
  const newSeq = lanesInOrder(after).filter((r) => both.has(r.id));
  const ids = (seq: readonly Role[], skip?: string) =>
    seq
      .filter((r) => r.id !== skip)
      .map((r) => r.id)
      .join('\n');
  if (ids(oldSeq) === ids(newSeq)) return [];
  const old = byId(before);
  // The lane whose taking out leaves the others in the same order moved; a lane whose order
  // key changed is tried first (a swap of two neighbours fits either).
  const candidates = [...newSeq].sort(
    (a, b) => Number(old.get(a.id)?.order === a.order) - Number(old.get(b.id)?.order === b.order),
  );
  const mover = candidates.find((r) => ids(oldSeq, r.id) === ids(newSeq, r.id));
  if (!mover) return [];
  const at = newSeq.findIndex((r) => r.id === mover.id);
  const wasAt = oldSeq.findIndex((r) => r.id === mover.id);
  const next = newSeq[at + 1];
  const previous = newSeq[at - 1];
  const place =
    at < wasAt && next
      ? { above: next.name }
      : previous
        ? { below: previous.name }
        : { above: (next as Role).name };
  return [{ kind: 'lane-moved', id: mover.id, name: mover.name, place }];
}

function laneChanges(before: ProcessMap, after: ProcessMap, out: Change[]): void {
  const was = byId(before.roles);
  const now = byId(after.roles);
  for (const lane of after.roles) {
    const old = was.get(lane.id);
    if (!old) {
      out.push({ kind: 'lane-added', id: lane.id, name: lane.name });
      continue;
    }
    if (old === lane) continue;
    if (old.name !== lane.name) {
      out.push({ kind: 'lane-renamed', id: lane.id, from: old.name, to: lane.name });
    }
    if (details(old, LANE_SAID) !== details(lane, LANE_SAID)) {
      out.push({ kind: 'lane-edited', id: lane.id, name: lane.name });
    }
  }
  out.push(...laneMoves(before.roles, after.roles));
  for (const lane of before.roles) {
    if (!now.has(lane.id)) out.push({ kind: 'lane-deleted', id: lane.id, name: lane.name });
  }
}

/** What a comment is on, in words. */
function target(map: ProcessMap, comment: Comment): string {
  const id = comment.targetId;
  if (id === undefined) return 'the map';
  const step = map.steps.find((s) => s.id === id);
  if (step) return quoted(step.label);
  const flow = map.flows.find((f) => f.id === id);
  if (flow) {
    const label = (sid: string) => quoted(map.steps.find((s) => s.id === sid)?.label ?? '');
    return `the flow from ${label(flow.from)} to ${label(flow.to)}`;
  }
  return 'a step since deleted';
}

function commentChanges(before: ProcessMap, after: ProcessMap, out: Change[]): void {
  const was = byId(before.comments);
  const now = byId(after.comments);
  for (const comment of after.comments ?? []) {
    const old = was.get(comment.id);
    const on = target(after, comment);
    if (!old) {
      out.push({ kind: 'commented', id: comment.id, commentKind: comment.kind, on });
      continue;
    }
    if (old === comment) continue;
    // Votes, and edits of a comment's own text, are not said: the panel shows them.
    if ((comment.replies?.length ?? 0) > (old.replies?.length ?? 0)) {
      out.push({ kind: 'replied', id: comment.id, on });
    }
    if (Boolean(old.resolved) !== Boolean(comment.resolved)) {
      out.push({ kind: 'resolved', id: comment.id, on, open: !comment.resolved });
    }
  }
  for (const comment of before.comments ?? []) {
    if (!now.has(comment.id)) {
      out.push({ kind: 'comment-deleted', id: comment.id, on: target(before, comment) });
    }
  }
}

const MAP_LISTS = ['roles', 'steps', 'flows', 'comments', 'title', 'scenarios'];

/** Scenarios made, renamed, deleted, or edited inside (ADR 9), by id. */
function scenarioChanges(before: ProcessMap, after: ProcessMap, out: Change[]): void {
  const was = byId(before.scenarios);
  const now = byId(after.scenarios);
  for (const scenario of after.scenarios ?? []) {
    const old = was.get(scenario.id);
    const { id, name } = scenario;
    if (!old) {
      out.push({ kind: 'scenario-added', id, name });
      continue;
    }
    if (old === scenario) continue;
    if (old.name !== name) out.push({ kind: 'scenario-renamed', id, from: old.name, to: name });
    if (details(old, ['name']) !== details(scenario, ['name'])) {
      out.push({ kind: 'scenario-edited', id, name });
    }
  }
  for (const scenario of before.scenarios ?? []) {
    if (!now.has(scenario.id)) {
      out.push({ kind: 'scenario-deleted', id: scenario.id, name: scenario.name });
    }
  }
}

function mapChanges(before: ProcessMap, after: ProcessMap, out: Change[]): void {
  if (before.title !== after.title) out.push({ kind: 'map-renamed', id: 'map', to: after.title });
  if (details(before, MAP_LISTS) !== details(after, MAP_LISTS))
    out.push({ kind: 'map-edited', id: 'map' });
}

/** What changed from `before` to `after`, record by record; moves on the canvas left out. */
export function describeChanges(before: ProcessMap, after: ProcessMap): Change[] {
  if (before === after) return [];
  const out: Change[] = [];
  mapChanges(before, after, out);
  if (before.scenarios !== after.scenarios) scenarioChanges(before, after, out);
  if (before.roles !== after.roles) laneChanges(before, after, out);
  if (before.steps !== after.steps) stepChanges(before, after, out);
  if (before.flows !== after.flows || before.steps !== after.steps) flowChanges(before, after, out);
  if (before.comments !== after.comments || before.steps !== after.steps) {
    commentChanges(before, after, out);
  }
  return out;
}
