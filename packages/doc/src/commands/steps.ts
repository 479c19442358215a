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
  checkFields(input);
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

/** Changes fields of a step. Its role changes only through moveStepToRole. */
export function updateStep(ctx: CommandContext, id: StepId, patch: StepPatch): void {
  const record = requireRecord(ctx, 'steps', id);
  const {
    id: _id,
    roleId: _role,
    ...fields
  } = patch as StepPatch & { id?: unknown; roleId?: unknown };
  checkKind(fields.kind, STEP_KINDS, 'step');
  checkFields(fields);
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
  if (position) checkFields({ position });
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
    checkFields({ position: m.position });
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
}

/**
 * Deletes steps with the flows that touch them. Comments on them stay: an analyst's annotation
 * is never lost with its step. They point at nothing until an undo brings the step back, and
 * normalize() shows them on the map meanwhile (an 'orphan-comment' repair).
 */
export function deleteStepsIn(ctx: CommandContext, ids: readonly StepId[]): DeletedRecords {
  for (const id of ids) requireRecord(ctx, 'steps', id);
  const gone = new Set<string>(ids);
  const flows: FlowId[] = [];
  ctx.maps.flows.forEach((record, fid) => {
    if (gone.has(record.get('from') as string) || gone.has(record.get('to') as string)) {
      flows.push(flowId(fid));
    }
  });
  for (const fid of flows) ctx.maps.flows.delete(fid);
  for (const id of new Set(ids)) ctx.maps.steps.delete(id);
  return { steps: [...new Set(ids)], flows };
}

/** Refuses to delete nothing, so a stray key press does not create an empty undo step. */
export function deleteSteps(ctx: CommandContext, ids: readonly StepId[]): DeletedRecords {
  if (ids.length === 0) throw new DocError('invalid-value', 'No steps to delete');
  return deleteStepsIn(ctx, ids);
}
