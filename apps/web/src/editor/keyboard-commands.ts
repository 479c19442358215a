import type { MapDoc } from '@procmap/doc';
import type { MapIndex, RoleId, StepId, StepKind } from '@procmap/model';
import { selectedStepIds, useSession } from '../store/session-store';
import { pasteText, copyText } from './clipboard';
import type { MapGeometry } from '@procmap/layout';
import { runOrHint } from './run-or-hint';
import { focusFlowLabel } from '../panels/FlowProperties';
import { type Direction, laneFrom, stepFrom } from './selection-moves';

/** What a key press needs to know about the open map. */
export interface KeyContext {
  readonly doc: MapDoc;
  readonly index: MapIndex;
  readonly geometry: MapGeometry;
  readonly readOnly: boolean;
}

const KIND_CYCLE: readonly StepKind[] = ['task', 'decision', 'delay', 'end', 'start'];

const run = runOrHint;

/** The lane the user is working in: the selected lane, or the lane of the selected step. */
function currentLane(ctx: KeyContext): RoleId | undefined {
  const { selection } = useSession.getState();
  if (selection.kind === 'lane') return selection.id;
  const first = selectedStepIds(selection)[0];
  return first ? ctx.index.step(first)?.roleId : undefined;
}

function addLane(ctx: KeyContext): void {
  const session = useSession.getState();
  const lane = currentLane(ctx);
  const at = lane ? ctx.geometry.lanes.findIndex((l) => l.role.id === lane) + 1 : undefined;
  run(() => {
    const id = ctx.doc.addRole({
      name: `Lane ${ctx.index.lanes.length + 1}`,
      ...(at !== undefined && at > 0 ? { index: at } : {}),
    });
    session.selectLane(id);
    session.edit({ kind: 'lane', id });
  });
}

function addStepInLane(ctx: KeyContext): void {
  const session = useSession.getState();
  const lane = currentLane(ctx) ?? ctx.geometry.lanes[0]?.role.id;
  if (!lane) {
    session.setHint('Add a lane first: press L.');
    return;
  }
  const hasStart = ctx.index.map.steps.some((s) => s.kind === 'start');
  run(() => {
    const id = ctx.doc.addStep({ roleId: lane, kind: hasStart ? 'task' : 'start', label: '' });
    session.selectSteps([id]);
    session.edit({ kind: 'step', id });
  });
}

function addNext(ctx: KeyContext, from: StepId): void {
  const session = useSession.getState();
  run(() => {
    const { stepId } = ctx.doc.addNextStep(from, { label: '' });
    session.selectSteps([stepId]);
    session.edit({ kind: 'step', id: stepId });
  });
}

function moveAcrossLanes(ctx: KeyContext, delta: -1 | 1): void {
  const session = useSession.getState();
  const { selection } = session;
  const lanes = ctx.geometry.lanes;
  if (selection.kind === 'lane') {
    const at = lanes.findIndex((l) => l.role.id === selection.id);
    const to = at + delta;
    if (at >= 0 && to >= 0 && to < lanes.length) run(() => ctx.doc.moveRole(selection.id, to));
    return;
  }
  const ids = selectedStepIds(selection);
  if (ids.length === 0) return;
  run(() => {
    for (const id of ids) {
      const step = ctx.index.step(id);
      const at = lanes.findIndex((l) => l.role.id === step?.roleId);
      const target = lanes[at + delta];
      if (!step || !target) continue;
      ctx.doc.moveStepToRole(id, target.role.id);
    }
  });
}

function moveSelection(ctx: KeyContext, direction: Direction): void {
  const session = useSession.getState();
  const { selection } = session;
  let target: { step: StepId } | { lane: RoleId } | undefined;
  if (selection.kind === 'lane') target = laneFrom(ctx.geometry, selection.id, direction);
  else if (selection.kind === 'flow') {
    const flow = ctx.index.flow(selection.id);
    if (flow)
      target = { step: direction === 'previous' || direction === 'up' ? flow.from : flow.to };
  } else if (selection.kind === 'steps') {
    target = stepFrom(ctx.index, ctx.geometry, selection.ids[selection.ids.length - 1]!, direction);
  } else {
    const first = ctx.geometry.steps[0];
    const lane = ctx.geometry.lanes[0];
    target = first ? { step: first.step.id } : lane ? { lane: lane.role.id } : undefined;
  }
  if (!target) return;
  if ('step' in target) session.selectSteps([target.step]);
  else session.selectLane(target.lane);
}

function deleteSelection(ctx: KeyContext): void {
  const session = useSession.getState();
  const { selection } = session;
  if (selection.kind === 'steps') {
    // A step taken out of the middle of a chain leaves the chain joined (one undo brings both
    // back); the hint says so, since a new flow appearing would otherwise surprise.
    run(() => {
      const { steps, bridged } = ctx.doc.deleteSteps(selection.ids, { bridge: true });
      const what = steps.length === 1 ? 'Step deleted' : `${steps.length} steps deleted`;
      const joined =
        bridged.length === 0
          ? ''
          : bridged.length === 1
            ? '; the flow rejoined'
            : '; flows rejoined';
      session.setHint(`${what}${joined}. Ctrl+Z undoes.`);
    });
    session.clearSelection();
  } else if (selection.kind === 'flow') {
    run(() => ctx.doc.disconnect(selection.id));
    session.clearSelection();
  } else if (selection.kind === 'lane') {
    deleteLane(ctx, selection.id);
  }
}

/** Deletes a lane: at once when it is empty (undo brings it back), else asks where its steps go. */
export function deleteLane(ctx: KeyContext, id: RoleId): void {
  const session = useSession.getState();
  if (ctx.index.stepsByRole(id).length > 0) {
    session.openDialog({ kind: 'delete-lane', id });
    return;
  }
  run(() => ctx.doc.deleteRole(id));
  session.clearSelection();
}

function cycleKind(ctx: KeyContext): void {
  const ids = selectedStepIds(useSession.getState().selection);
  run(() => {
    for (const id of ids) {
      const step = ctx.index.step(id);
      if (!step) continue;
      const next = KIND_CYCLE[(KIND_CYCLE.indexOf(step.kind) + 1) % KIND_CYCLE.length]!;
      ctx.doc.updateStep(id, { kind: next });
    }
  });
}

/** Handles one key press on the canvas; true when it did something (the caller prevents default). */
export function handleEditorKey(event: KeyboardEvent, ctx: KeyContext): boolean {
  const session = useSession.getState();
  const { selection } = session;
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key;
  const lower = key.length === 1 ? key.toLowerCase() : key;
  const steps = selectedStepIds(selection);

  if (key === '?') {
    session.openDialog('shortcuts');
    return true;
  }
  if (key === 'Escape') {
    session.clearSelection();
    return true;
  }
  if (mod && !event.altKey) {
    if (lower === 'z' && !event.shiftKey) {
      if (!ctx.doc.undo()) session.setHint('Nothing of yours to undo.');
      return true;
    }
    if ((lower === 'z' && event.shiftKey) || lower === 'y') {
      if (!ctx.doc.redo()) session.setHint('Nothing to redo.');
      return true;
    }
    if (lower === 'l' && event.shiftKey) {
      if (!ctx.readOnly) addLane(ctx);
      return true;
    }
    if (lower === 'a' && !event.shiftKey) {
      session.selectSteps(ctx.geometry.steps.map((box) => box.step.id));
      return true;
    }
    if (lower === 'd' && !event.shiftKey) {
      if (!ctx.readOnly && steps.length > 0) pasteText(ctx, copyText(ctx, steps));
      return true;
    }
    return false;
  }
  if (key === 'Tab') {
    if (selection.kind === 'none') return false;
    moveSelection(ctx, event.shiftKey ? 'previous' : 'next');
    return true;
  }
  if (key === 'ArrowUp' || key === 'ArrowDown') {
    const delta = key === 'ArrowUp' ? -1 : 1;
    if (event.altKey) {
      if (!ctx.readOnly) moveAcrossLanes(ctx, delta);
    } else moveSelection(ctx, delta < 0 ? 'up' : 'down');
    return true;
  }
  if (key === 'ArrowRight' || key === 'ArrowLeft') {
    moveSelection(ctx, key === 'ArrowRight' ? 'next' : 'previous');
    return true;
  }
  if (event.altKey || ctx.readOnly) return false;
  if (key === 'Enter') {
    if (steps.length > 0) addNext(ctx, steps[steps.length - 1]!);
    else if (selection.kind === 'lane') addStepInLane(ctx);
    else return false;
    return true;
  }
  if (key === 'F2') {
    if (steps.length > 0) session.edit({ kind: 'step', id: steps[steps.length - 1]! });
    else if (selection.kind === 'lane') session.edit({ kind: 'lane', id: selection.id });
    else if (selection.kind === 'flow') focusFlowLabel();
    return true;
  }
  if (key === 'Delete' || key === 'Backspace') {
    deleteSelection(ctx);
    return true;
  }
  if (lower === 'l') {
    addLane(ctx);
    return true;
  }
  if (lower === 'n') {
    addStepInLane(ctx);
    return true;
  }
  if (lower === 'k' && steps.length > 0) {
    cycleKind(ctx);
    return true;
  }
  return false;
}
