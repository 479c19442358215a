import {
  type FlowId,
  flowId,
  type Position,
  type RoleId,
  STEP_KINDS,
  type Step,
  type StepId,
  stepId,
} from '@procmap/model';
import { insertRecord, setField } from '../codec';
import { checkFields, checkKind } from '../check-input';
import { DocError } from '../errors';
import { type CommandContext, claimId, freshId, requireRecord } from './context';

type StepFields = Omit<Step, 'id' | 'roleId' | 'kind' | 'label'>;

export interface AddStepInput extends Partial<StepFields> {
  readonly roleId: RoleId;
  readonly id?: string;
  readonly kind?: Step['kind'];
  readonly label?: string;
}

/** Fields of a step that an update may change; `undefined` clears an optional field. */
export type StepPatch = { readonly [K in keyof StepFields]?: StepFields[K] | undefined } & {
  readonly kind?: Step['kind'];
  readonly label?: string;
};

/** Adds a step to a lane. */
export function addStep(ctx: CommandContext, input: AddStepInput): StepId {
  requireRecord(ctx, 'roles', input.roleId);
  checkKind(input.kind, STEP_KINDS, 'step');
  checkFields('steps', input);
  const id = claimId(ctx, 'steps', input.id, 's_');
  // `?? default` rather than defaults spread first: an explicit `kind: undefined` must not
  // leave a step without its required kind or label.
  insertRecord(ctx.maps.steps, id, {
    ...input,
    kind: input.kind ?? 'task',
    label: input.label ?? '',
    id,
  });
  return stepId(id);
}

/** Adds a step after `from`, in the same lane unless told otherwise, connected from it. */
export function addNextStep(
  ctx: CommandContext,
  from: StepId,
  input: Partial<AddStepInput> = {},
): { stepId: StepId; flowId: FlowId } {
  const source = requireRecord(ctx, 'steps', from);
  const role = input.roleId ?? (source.get('roleId') as RoleId);
  const id = addStep(ctx, { ...input, roleId: role });
  const fid = freshId(ctx, 'flows', 'f_');
  insertRecord(ctx.maps.flows, fid, { id: fid, from, to: id });
  return { stepId: id, flowId: flowId(fid) };
}

/**
 * How an inserted step makes room on a map whose steps have saved positions. The document does
 * not know the canvas's measures, so the caller says how wide a column is and where the steps
 * without a saved position are drawn.
 */
export interface InsertRoom {
  /** How far the steps in the way move right: one column of the canvas. */
  readonly columnStep: number;
  /** Where a step without a saved position is drawn (its x in position units), if it is. */
  readonly drawnX?: (id: StepId) => number | undefined;
}

/** What insertStep made, and which steps it moved right to make room. */
export interface Inserted {
  readonly stepId: StepId;
  readonly flowId: FlowId;
  readonly moved: readonly StepId[];
}

/**
 * Inserts a new step on a flow: the flow now ends at the new step (keeping its id, label and
 * share, which belong to the step it leaves) and a new flow leads on from the new step to where
 * the flow went. The new step is in the lane of the flow's source unless told otherwise.
 *
 * With `room`, on a map where steps have saved positions, the new step takes the place of the
 * step it leads to and everything from that column on (in every lane, so columns stay aligned)
 * moves right by one column, all in the same edit. Without saved positions the automatic layout
 * already makes room, so positions are left alone.
 */
export function insertStep(
  ctx: CommandContext,
  on: FlowId,
  input: Partial<AddStepInput> = {},
  room?: InsertRoom,
): Inserted {
  const flow = requireRecord(ctx, 'flows', on);
  const from = flow.get('from') as string;
  const to = flow.get('to') as string;
  const source = requireRecord(ctx, 'steps', from);
  requireRecord(ctx, 'steps', to);
  if (room && !(Number.isFinite(room.columnStep) && room.columnStep > 0)) {
    throw new DocError('invalid-value', 'The column step must be a positive number');
  }
  const role = input.roleId ?? (source.get('roleId') as RoleId);
  const plan = room && input.position === undefined ? planRoom(ctx, from, to, room) : undefined;
  const id = addStep(ctx, {
    ...input,
    roleId: role,
    ...(plan ? { position: plan.position } : {}),
  });
  setField(flow, 'to', id);
  const fid = freshId(ctx, 'flows', 'f_');
  insertRecord(ctx.maps.flows, fid, { id: fid, from: id, to });
  for (const move of plan?.moves ?? []) {
    setField(requireRecord(ctx, 'steps', move.id), 'position', move.position);
  }
  return { stepId: id, flowId: flowId(fid), moved: plan?.moves.map((m) => m.id) ?? [] };
}

interface RoomPlan {
  readonly position: Position;
  readonly moves: readonly { readonly id: StepId; readonly position: Position }[];
}

/**
 * Where a step inserted between `from` and `to` goes, and which steps move right for it. Only
 * when some step has a saved position: a map laid out automatically makes room by itself.
 */
function planRoom(
  ctx: CommandContext,
  from: string,
  to: string,
  room: InsertRoom,
): RoomPlan | undefined {
  const saved = (id: string): Position | undefined => {
    const p = ctx.maps.steps.get(id)?.get('position') as Position | undefined;
    return p && Number.isFinite(p.x) && Number.isFinite(p.y) ? p : undefined;
  };
  let anySaved = false;
  ctx.maps.steps.forEach((_record, id) => {
    if (saved(id)) anySaved = true;
  });
  if (!anySaved) return undefined;
  const xOf = (id: string): number | undefined => {
    const x = saved(id)?.x ?? room.drawnX?.(stepId(id));
    return x !== undefined && Number.isFinite(x) ? x : undefined;
  };
  const fromX = xOf(from);
  const toX = xOf(to);
  if (fromX === undefined || toX === undefined) return undefined;
  const step = room.columnStep;
  // Along the flow, the new step takes its successor's place (never closer than a column to
  // the step it follows); on a flow back (a loop), the place right after the step it follows.
  const forward = toX > fromX;
  const at = forward ? Math.max(toX, fromX + step) : fromX + step;
  // Steps within half a column of where room is made count as in that column (hand-placed
  // boxes are rarely exactly aligned); the step the new one follows never moves.
  const edge = (forward ? toX : at) - step / 2;
  const moves: { id: StepId; position: Position }[] = [];
  ctx.maps.steps.forEach((_record, id) => {
    const x = xOf(id);
    if (id === from || x === undefined || x <= fromX || x < edge) return;
    moves.push({ id: stepId(id), position: { x: x + step, y: saved(id)?.y ?? 0 } });
  });
  return { position: { x: at, y: saved(from)?.y ?? 0 }, moves };
}

/** Changes fields of a step. Its role changes only through moveStepToRole. */
export function updateStep(ctx: CommandContext, id: StepId, patch: StepPatch): void {
  const record = requireRecord(ctx, 'steps', id);
  const {
    id: _id,
    roleId: _role,
    ...fields
  } = patch as StepPatch & { id?: unknown; roleId?: unknown };
  checkKind(fields.kind, STEP_KINDS, 'step');
  checkFields('steps', fields);
  for (const [key, value] of Object.entries(fields)) {
    if ((key === 'kind' || key === 'label') && value === undefined) continue; // required fields
    setField(record, key, value);
  }
}

/** Reassigns a step to another lane (the command a drop into another lane becomes). */
export function moveStepToRole(
  ctx: CommandContext,
  id: StepId,
  role: RoleId,
  position?: Position,
): void {
  const record = requireRecord(ctx, 'steps', id);
  requireRecord(ctx, 'roles', role);
  if (position) checkFields('steps', { position });
  setField(record, 'roleId', role);
  if (position) setField(record, 'position', position);
}

/**
 * Sets the positions of several steps at once (the end of a multi-selection drag), each one
 * also into another lane when `roleId` is given. All or nothing: one bad move changes nothing.
 */
export function moveSteps(
  ctx: CommandContext,
  moves: readonly {
    readonly id: StepId;
    readonly position: Position;
    readonly roleId?: RoleId;
  }[],
): void {
  const records = moves.map((m) => {
    checkFields('steps', { position: m.position });
    if (m.roleId !== undefined) requireRecord(ctx, 'roles', m.roleId);
    return requireRecord(ctx, 'steps', m.id);
  });
  moves.forEach((m, i) => {
    setField(records[i]!, 'position', m.position);
    if (m.roleId !== undefined) setField(records[i]!, 'roleId', m.roleId);
  });
}

export interface DeletedRecords {
  readonly steps: readonly StepId[];
  readonly flows: readonly FlowId[];
  /** Flows made to close the gaps the deleted steps left (see `bridge`). */
  readonly bridged: readonly FlowId[];
}

export interface DeleteOptions {
  /**
   * Closes the gap a deleted run of steps leaves in a chain: when the steps taken out (those
   * joined by flows among themselves) had flows from exactly one other step and to exactly one
   * other step, those two are connected, with the label and share of the flow that led in (a
   * decision's branch keeps its name and share). Anything else (a decision with its branches, a
   * start or an end) is left unconnected: there is no one right way to rejoin it.
   */
  readonly bridge?: boolean;
}

/**
 * Deletes steps with the flows that touch them. Comments on them stay: an analyst's annotation
 * is never lost with its step. They point at nothing until an undo brings the step back, and
 * normalize() shows them on the map meanwhile (an 'orphan-comment' repair).
 */
export function deleteStepsIn(
  ctx: CommandContext,
  ids: readonly StepId[],
  options: DeleteOptions = {},
): DeletedRecords {
  for (const id of ids) requireRecord(ctx, 'steps', id);
  const gone = new Set<string>(ids);
  const flows: FlowId[] = [];
  const touching: FlowEnds[] = [];
  ctx.maps.flows.forEach((record, fid) => {
    const from = record.get('from') as string;
    const to = record.get('to') as string;
    if (gone.has(from) || gone.has(to)) {
      flows.push(flowId(fid));
      touching.push({
        from,
        to,
        label: record.get('label') as string | undefined,
        probability: record.get('probability') as number | undefined,
      });
    }
  });
  const bridges = options.bridge ? gapsToBridge(gone, touching) : [];
  for (const fid of flows) ctx.maps.flows.delete(fid);
  for (const id of gone) ctx.maps.steps.delete(id);
  const bridged: FlowId[] = [];
  for (const b of bridges) {
    if (hasFlow(ctx, b.from, b.to)) continue;
    const id = freshId(ctx, 'flows', 'f_');
    insertRecord(ctx.maps.flows, id, {
      id,
      from: b.from,
      to: b.to,
      ...(b.label !== undefined ? { label: b.label } : {}),
      ...(b.probability !== undefined ? { probability: b.probability } : {}),
    });
    bridged.push(flowId(id));
  }
  return { steps: [...gone].map(stepId), flows, bridged };
}

interface FlowEnds {
  readonly from: string;
  readonly to: string;
  readonly label: string | undefined;
  readonly probability: number | undefined;
}

/** For each run of deleted steps with one way in and one way out: the flow that rejoins it. */
function gapsToBridge(gone: ReadonlySet<string>, touching: readonly FlowEnds[]): FlowEnds[] {
  // Runs: deleted steps joined by flows among themselves (union-find over the deleted ids).
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r) as string;
    parent.set(id, r);
    return r;
  };
  for (const id of gone) parent.set(id, id);
  for (const f of touching) {
    if (gone.has(f.from) && gone.has(f.to)) parent.set(root(f.from), root(f.to));
  }
  const runs = new Map<string, { ins: FlowEnds[]; outs: FlowEnds[] }>();
  const run = (id: string) => {
    const key = root(id);
    const r = runs.get(key) ?? { ins: [], outs: [] };
    runs.set(key, r);
    return r;
  };
  for (const f of touching) {
    if (!gone.has(f.from)) run(f.to).ins.push(f);
    else if (!gone.has(f.to)) run(f.from).outs.push(f);
  }
  const out: FlowEnds[] = [];
  for (const { ins, outs } of runs.values()) {
    const sources = new Set(ins.map((f) => f.from));
    const targets = new Set(outs.map((f) => f.to));
    if (sources.size !== 1 || targets.size !== 1) continue;
    const into = ins[0] as FlowEnds;
    const to = (outs[0] as FlowEnds).to;
    if (into.from === to) continue; // a loop through the deleted steps only: nothing to rejoin
    out.push({ from: into.from, to, label: into.label, probability: into.probability });
  }
  return out;
}

function hasFlow(ctx: CommandContext, from: string, to: string): boolean {
  let found = false;
  ctx.maps.flows.forEach((record) => {
    if (record.get('from') === from && record.get('to') === to) found = true;
  });
  return found;
}

/** Refuses to delete nothing, so a stray key press does not create an empty undo step. */
export function deleteSteps(
  ctx: CommandContext,
  ids: readonly StepId[],
  options: DeleteOptions = {},
): DeletedRecords {
  if (ids.length === 0) throw new DocError('invalid-value', 'No steps to delete');
  return deleteStepsIn(ctx, ids, options);
}
