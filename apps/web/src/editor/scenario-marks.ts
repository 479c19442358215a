import type { MapGeometry } from '@procmap/layout';
import { diffMaps, type ProcessMap, type StepId, type StepKind } from '@procmap/model';

/*
 * What the canvas marks while a scenario is shown: how each of its steps differs from the as-is
 * (new, changed with the fields in words, moved from another lane), and the as-is's steps the
 * scenario removed, drawn as faint ghosts where they were. Pure: unit tested, and the canvas
 * only draws what it returns. Every mark carries words, never colour alone.
 */

/** How one step of the scenario differs from the as-is. */
export interface StepMark {
  /** Not in the as-is. */
  readonly added: boolean;
  /** The fields that differ from the as-is, in words ("wait", "time"); the lane is `movedFrom`. */
  readonly changed: readonly string[];
  /** The as-is lane's name when the step moved to another lane. */
  readonly movedFrom?: string;
}

/** A step of the as-is the scenario removed. */
export interface RemovedStep {
  readonly id: StepId;
  readonly label: string;
  readonly kind: StepKind;
}

export interface ScenarioMarks {
  readonly steps: ReadonlyMap<StepId, StepMark>;
  readonly removed: readonly RemovedStep[];
}

/** A removed step drawn where it was: its as-is place, in its lane on the scenario's canvas. */
export interface Ghost extends RemovedStep {
  readonly x: number;
  readonly y: number;
}

/** Step fields as a badge names them. */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  kind: 'kind',
  label: 'name',
  processTime: 'time',
  waitTime: 'wait',
  processVariation: 'time variation',
  waitVariation: 'wait variation',
  valueClass: 'value',
  activity: 'activity',
  completeAccurate: 'complete and accurate',
  dataEntered: 'data entered',
  systems: 'systems',
  batchSize: 'batch size',
  notes: 'notes',
};

/** A field's name in words: its own name when it has none. */
export const fieldWords = (field: string): string => FIELD_WORDS[field] ?? field;

type Process = Pick<ProcessMap, 'roles' | 'steps' | 'flows'>;

/** The marks of `shown` (a scenario) against `asIs`; empty when nothing differs. */
export function scenarioMarks(asIs: Process, shown: Process): ScenarioMarks {
  const changes = diffMaps(asIs, shown).steps;
  const before = new Map(asIs.steps.map((s) => [s.id as string, s]));
  const roleNames = new Map(asIs.roles.map((r) => [r.id as string, r.name]));
  const steps = new Map<StepId, StepMark>();
  for (const id of changes.added) steps.set(id as StepId, { added: true, changed: [] });
  for (const { id, fields } of changes.changed) {
    const moved = fields.includes('roleId');
    const old = before.get(id);
    const from = moved && old ? roleNames.get(old.roleId) : undefined;
    steps.set(id as StepId, {
      added: false,
      changed: fields.filter((f) => f !== 'roleId').map(fieldWords),
      ...(moved ? { movedFrom: from?.trim() || 'Unnamed lane' } : {}),
    });
  }
  const removed = changes.removed.flatMap((id) => {
    const step = before.get(id);
    return step ? [{ id: step.id, label: step.label, kind: step.kind }] : [];
  });
  return { steps, removed };
}

/**
 * Where the removed steps are drawn: at their as-is x and their height within their lane, in
 * that lane on the scenario's canvas. A step whose lane the scenario no longer has, or that the
 * as-is did not draw, has no ghost.
 */
export function ghostsOf(
  removed: readonly RemovedStep[],
  asIs: MapGeometry,
  shown: MapGeometry,
): Ghost[] {
  const asIsLanes = new Map(asIs.lanes.map((l) => [l.role.id as string, l]));
  const shownLanes = new Map(shown.lanes.map((l) => [l.role.id as string, l]));
  return removed.flatMap((step) => {
    const box = asIs.boxOf(step.id);
    if (!box) return [];
    const from = asIsLanes.get(box.step.roleId);
    const to = shownLanes.get(box.step.roleId);
    if (!from || !to) return [];
    const y = Math.min(to.y + (box.y - from.y), to.y + Math.max(0, to.height - 1));
    return [{ ...step, x: box.x, y }];
  });
}

/** A mark's badges as shown on the step: "New", "Changed: wait, time", "Moved from Clerk". */
export function markBadges(mark: StepMark): string[] {
  const out: string[] = [];
  if (mark.added) out.push('New');
  if (mark.changed.length > 0) out.push(`Changed: ${mark.changed.join(', ')}`);
  if (mark.movedFrom !== undefined) out.push(`Moved from ${mark.movedFrom}`);
  return out;
}

/** A mark as a step's accessible name says it: "new in this scenario". */
export function markSpoken(mark: StepMark): string {
  const parts: string[] = [];
  if (mark.added) parts.push('new in this scenario');
  if (mark.changed.length > 0) parts.push(`changed in this scenario: ${mark.changed.join(', ')}`);
  if (mark.movedFrom !== undefined) parts.push(`moved from lane ${mark.movedFrom}`);
  return parts.join(', ');
}

const count = (n: number, one: string, many = one) => `${n} ${n === 1 ? one : many}`;

/** The differences in one line, for the scenario's banner: "Steps 1 new, 2 changed, 1 removed." */
export function marksSummary(marks: ScenarioMarks): string {
  let added = 0;
  let changed = 0;
  let moved = 0;
  for (const mark of marks.steps.values()) {
    if (mark.added) added++;
    if (mark.changed.length > 0) changed++;
    if (mark.movedFrom !== undefined) moved++;
  }
  const parts = [
    added ? count(added, 'new') : '',
    changed ? count(changed, 'changed') : '',
    moved ? count(moved, 'moved to another lane') : '',
    marks.removed.length ? count(marks.removed.length, 'removed') : '',
  ].filter(Boolean);
  if (parts.length === 0) return 'No step differs from the as-is yet.';
  return `Steps ${parts.join(', ')}.`;
}
