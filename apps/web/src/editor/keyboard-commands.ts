import type { ProcessDoc } from '@procmap/doc';
import { GEOMETRY, type MapGeometry } from '@procmap/layout';
import type { FlowId, MapIndex, RoleId, StepId, StepKind } from '@procmap/model';
import { selectedStepIds, useSession } from '../store/session-store';
import { copyText, pasteText } from './clipboard';
import { runOrHint } from './run-or-hint';
import { type Direction, laneFrom, stepFrom } from './selection-moves';

/*
 * What the editor's commands do to the selection and the document. The actions table
 * (actions.ts) says which key, button or menu item runs which of these.
 */

/** What a command needs to know about the open map. */
export interface KeyContext {
  readonly doc: ProcessDoc;
  readonly index: MapIndex;
  readonly geometry: MapGeometry;
  readonly readOnly: boolean;
}

const KIND_CYCLE: readonly StepKind[] = ['task', 'decision', 'delay', 'end', 'start'];

const run = runOrHint;

/** A step's label as a hint quotes it: short, and never empty. */
export function stepName(index: MapIndex, id: StepId): string {
  const label = index.step(id)?.label.trim().replace(/\s+/g, ' ') ?? '';
  if (!label) return 'an unnamed step';
  return `“${label.length > 40 ? `${label.slice(0, 39)}…` : label}”`;
}

/** The lane the user is working in: the selected lane, or the lane of the selected step. */
function currentLane(ctx: KeyContext): RoleId | undefined {
  const { selection } = useSession.getState();
  if (selection.kind === 'lane') return selection.id;
  const first = selectedStepIds(selection)[0];
  return first ? ctx.index.step(first)?.roleId : undefined;
}

/** Adds a lane below the current one and starts naming it. */
export function addLane(ctx: KeyContext): void {
  const session = useSession.getState();
  const lane = currentLane(ctx);
  const at = lane ? ctx.geometry.lanes.findIndex((l) => l.role.id === lane) + 1 : undefined;
  run(() => {
    const id = ctx.doc.addRole({
      name: `Lane ${ctx.index.lanes.length + 1}`,
      ...(at !== undefined && at > 0 ? { index: at } : {}),
    });
    session.selectLane(id);
    session.edit({ kind: 'lane', id, fresh: ctx.doc.editMark() });
  });
}

/** Adds a step in the current lane (the first lane when none is) and starts naming it. */
export function addStepInLane(ctx: KeyContext): void {
  const session = useSession.getState();
  const lane = currentLane(ctx) ?? ctx.geometry.lanes[0]?.role.id;
  if (!lane) {
    session.setHint('Add a lane first: press Alt+L.');
    return;
  }
  const hasStart = ctx.index.map.steps.some((s) => s.kind === 'start');
  run(() => {
    const id = ctx.doc.addStep({ roleId: lane, kind: hasStart ? 'task' : 'start', label: '' });
    session.selectSteps([id]);
    session.edit({ kind: 'step', id, fresh: ctx.doc.editMark() });
  });
}

/** Selects a step just made, starts naming it, and says what happened. */
function nameNewStep(ctx: KeyContext, id: StepId, what: string): void {
  const session = useSession.getState();
  session.selectSteps([id]);
  session.edit({ kind: 'step', id, fresh: ctx.doc.editMark() });
  session.setHint(`${what}.`);
}

/**
 * How an inserted step makes room on this canvas: one column, and where the steps without a
 * saved position are drawn (so they move along with the others rather than being covered).
 */
function roomOnCanvas(ctx: KeyContext) {
  return {
    columnStep: GEOMETRY.columnWidth,
    drawnX: (id: StepId) => {
      const box = ctx.geometry.boxOf(id);
      return box ? box.x - GEOMETRY.headerWidth : undefined;
    },
  };
}

/**
 * Enter on a step: the next step. With one step after it, the new one goes in between (the flow
 * re-routed through it); with none, it is added after it; a decision, or a step that already
 * leads to several, gets a new branch instead.
 */
export function addNext(ctx: KeyContext, from: StepId): void {
  const step = ctx.index.step(from);
  if (!step) return;
  const outs = ctx.index.outgoing(from).filter((f) => ctx.index.step(f.to));
  const name = stepName(ctx.index, from);
  if (step.kind === 'decision' || outs.length > 1) {
    run(() => {
      const { stepId } = ctx.doc.addNextStep(from, { label: '' });
      const already = step.kind === 'decision' ? '' : ` (it already led to ${outs.length} steps)`;
      nameNewStep(ctx, stepId, `Started a branch from ${name}${already}`);
    });
    return;
  }
  const only = outs[0];
  if (only) {
    const after = stepName(ctx.index, only.to);
    run(() => {
      const { stepId, moved } = ctx.doc.insertStep(only.id, { label: '' }, roomOnCanvas(ctx));
      const room = moved.length > 0 ? '; the steps after it moved right to make room' : '';
      nameNewStep(ctx, stepId, `Inserted between ${name} and ${after}${room}`);
    });
    return;
  }
  run(() => {
    const { stepId } = ctx.doc.addNextStep(from, { label: '' });
    nameNewStep(ctx, stepId, `Added the next step after ${name}`);
  });
}

/** Shift+Enter on a step: a new step beside whatever follows it, as a branch of its own. */
export function addBranch(ctx: KeyContext, from: StepId): void {
  const name = stepName(ctx.index, from);
  run(() => {
    const { stepId } = ctx.doc.addNextStep(from, { label: '' });
    nameNewStep(ctx, stepId, `Started a branch from ${name}`);
  });
}

/** Connects `from` to an existing step; the new flow is selected (its label and share next). */
export function connectSteps(ctx: KeyContext, from: StepId, to: StepId): boolean {
  const session = useSession.getState();
  let made: FlowId | undefined;
  run(() => {
    made = ctx.doc.connect(from, to);
  });
  if (!made) return false;
  session.selectFlow(made);
  session.setHint(
    `Connected ${stepName(ctx.index, from)} to ${stepName(ctx.index, to)}. The flow is selected: Alt+P sets its label and share.`,
  );
  return true;
}

/**
 * Selects the flows leaving the selected step one by one: the first from a step, the next
 * (round again after the last) from one of them.
 */
export function selectLeavingFlow(ctx: KeyContext): void {
  const session = useSession.getState();
  const { selection } = session;
  let from: StepId | undefined;
  let current: FlowId | undefined;
  if (selection.kind === 'flow') {
    current = selection.id;
    from = ctx.index.flow(selection.id)?.from;
  } else from = selectedStepIds(selection).at(-1);
  if (!from) return;
  const flows = ctx.index.outgoing(from).filter((f) => ctx.index.step(f.to));
  if (flows.length === 0) {
    session.setHint(
      `No flow leaves ${stepName(ctx.index, from)}: Alt+Enter connects it to a step.`,
    );
    return;
  }
  const at = current ? flows.findIndex((f) => f.id === current) : -1;
  const flow = flows[(at + 1) % flows.length]!;
  session.selectFlow(flow.id);
  const which =
    flows.length > 1 ? `Flow ${((at + 1) % flows.length) + 1} of ${flows.length}` : 'Flow';
  const more = flows.length > 1 ? ' Alt+O again for the next;' : '';
  session.setHint(
    `${which}: from ${stepName(ctx.index, from)} to ${stepName(ctx.index, flow.to)}.${more} Alt+P sets its label and share.`,
  );
}

/** Moves the selected steps (or the selected lane) one lane up or down. */
export function moveAcrossLanes(ctx: KeyContext, delta: -1 | 1): void {
  const session = useSession.getState();
  const { selection } = session;
  const lanes = ctx.geometry.lanes;
  if (selection.kind === 'lane') {
    const at = lanes.findIndex((l) => l.role.id === selection.id);
    const to = at + delta;
    if (at >= 0 && to >= 0 && to < lanes.length) {
      run(() => ctx.doc.moveRole(selection.id, to));
      session.setHint(`Lane moved ${delta < 0 ? 'up' : 'down'}: ${to + 1} of ${lanes.length}.`);
    } else session.setHint(`The lane is already at the ${delta < 0 ? 'top' : 'bottom'}.`);
    return;
  }
  const ids = selectedStepIds(selection);
  if (ids.length === 0) return;
  const moved: string[] = [];
  run(() => {
    for (const id of ids) {
      const step = ctx.index.step(id);
      const at = lanes.findIndex((l) => l.role.id === step?.roleId);
      const target = lanes[at + delta];
      if (!step || !target) continue;
      ctx.doc.moveStepToRole(id, target.role.id);
      moved.push(target.role.name || 'an unnamed lane');
    }
  });
  const only = ids.length === 1 ? ids[0] : undefined;
  session.setHint(
    moved.length === 0
      ? `No lane ${delta < 0 ? 'above' : 'below'}.`
      : only
        ? `Moved ${stepName(ctx.index, only)} to ${moved[0]}.`
        : `Moved ${moved.length} steps a lane ${delta < 0 ? 'up' : 'down'}.`,
  );
}

/**
 * Moves the selection along the flow or across lanes; from nothing, to the first step. With
 * `extend`, the step reached joins the selected steps (last, so the keyboard is on it).
 */
export function moveSelection(ctx: KeyContext, direction: Direction, extend = false): void {
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
    // From nothing: where a case starts (the first start step), else the first step drawn.
    const first = ctx.geometry.steps.find((b) => b.step.kind === 'start') ?? ctx.geometry.steps[0];
    const lane = ctx.geometry.lanes[0];
    target = first ? { step: first.step.id } : lane ? { lane: lane.role.id } : undefined;
  }
  if (!target) {
    // A dead end is said, not silent: the keyboard user hears why nothing moved.
    const from = selection.kind === 'steps' ? selection.ids.at(-1) : undefined;
    const name = from ? stepName(ctx.index, from) : 'here';
    const why: Record<Direction, string> = {
      next: `Nothing follows ${name}.`,
      previous: `Nothing comes before ${name}.`,
      up: 'No lane above.',
      down: 'No lane below.',
    };
    if (selection.kind !== 'none') session.setHint(why[direction]);
    return;
  }
  if ('step' in target) {
    const to = target.step;
    const kept = extend ? selectedStepIds(selection).filter((id) => id !== to) : [];
    session.selectSteps([...kept, to]);
    if (kept.length > 0) session.setHint(`${kept.length + 1} steps selected.`);
  } else if (!extend) session.selectLane(target.lane);
}

/** Deletes what is selected: steps (the chain rejoined), a flow, or a lane. */
export function deleteSelection(ctx: KeyContext): void {
  const session = useSession.getState();
  const { selection } = session;
  if (selection.kind === 'steps') {
    // The keyboard keeps its place: the step after the deleted ones (else the one before) is
    // selected next, so the arrows go on from where the user was.
    const gone = new Set(selection.ids);
    const last = selection.ids.at(-1)!;
    const stays = (id: StepId) => !gone.has(id) && ctx.index.step(id) !== undefined;
    const after =
      ctx.index.outgoing(last).find((f) => stays(f.to))?.to ??
      ctx.index.incoming(last).find((f) => stays(f.from))?.from;
    // A step taken out of the middle of a chain leaves the chain joined (one undo brings both
    // back); the hint says so, since a new flow appearing would otherwise surprise.
    let hint = '';
    run(() => {
      const { steps, bridged } = ctx.doc.deleteSteps(selection.ids, { bridge: true });
      const what = steps.length === 1 ? 'Step deleted' : `${steps.length} steps deleted`;
      const joined =
        bridged.length === 0
          ? ''
          : bridged.length === 1
            ? '; the flow rejoined'
            : '; flows rejoined';
      hint = `${what}${joined}. Ctrl+Z undoes.`;
    });
    if (after) session.selectSteps([after]);
    else session.clearSelection();
    if (hint) session.setHint(hint);
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

/** Changes the kind of the selected steps to the next in the cycle. */
export function cycleKind(ctx: KeyContext): void {
  const ids = selectedStepIds(useSession.getState().selection);
  const kinds: StepKind[] = [];
  run(() => {
    for (const id of ids) {
      const step = ctx.index.step(id);
      if (!step) continue;
      const next = KIND_CYCLE[(KIND_CYCLE.indexOf(step.kind) + 1) % KIND_CYCLE.length]!;
      ctx.doc.updateStep(id, { kind: next });
      kinds.push(next);
    }
  });
  if (kinds.length === 1)
    useSession.getState().setHint(`Now a ${kinds[0]} step. Alt+K again for the next kind.`);
  else if (kinds.length > 1)
    useSession.getState().setHint(`Changed the kind of ${kinds.length} steps.`);
}

/** Starts renaming the selected step or lane, `typed` being what was typed onto it. */
export function startRename(typed?: string): boolean {
  const session = useSession.getState();
  const { selection } = session;
  const extra = typed === undefined ? {} : { typed };
  if (selection.kind === 'steps') {
    if (selection.ids.length > 1 && typed !== undefined) {
      session.setHint('Several steps are selected: select one to type its name.');
      return false;
    }
    session.edit({ kind: 'step', id: selection.ids[selection.ids.length - 1]!, ...extra });
    return true;
  }
  if (selection.kind === 'lane') {
    session.edit({ kind: 'lane', id: selection.id, ...extra });
    return true;
  }
  return false;
}

/** Duplicates the selected steps (a copy pasted beside them). */
export function duplicateSelection(ctx: KeyContext): void {
  const ids = selectedStepIds(useSession.getState().selection);
  if (ids.length > 0) pasteText(ctx, copyText(ctx, ids));
}
