import { GEOMETRY, type MapGeometry } from '@procmap/layout';
import { describeFieldChange, fieldWord, formatsOf } from '@procmap/compare';
import { diffMaps, type ProcessMap, type StepId, type StepKind } from '@procmap/model';

/*
 * What the canvas marks while a scenario is shown: how each of its steps differs from the as-is
 * (new, changed with the fields in the compare package's words, moved from another lane), and
 * the as-is's steps the scenario removed, drawn as faint ghosts where they were. Pure: unit
 * tested, and the canvas only draws what it returns. Every mark carries words, never colour
 * alone.
 */

/** How one step of the scenario differs from the as-is. */
export interface StepMark {
  /** Not in the as-is. */
  readonly added: boolean;
  /** The fields that differ from the as-is, in words ("process time", "wait before"); the lane is `movedFrom`. */
  readonly changed: readonly string[];
  /** The same fields with their values, for the step's spoken name ("wait before 2 h → 30 min"). */
  readonly described?: readonly string[];
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

/** A step field's name as its badge says it: the properties panel's label, lower-cased. */
export const fieldWords = (field: string): string => fieldWord('steps', field);

type Process = Pick<ProcessMap, 'roles' | 'steps' | 'flows'>;

/**
 * The marks of `shown` (a scenario) against `asIs`; empty when nothing differs. Durations are
 * written in `shown`'s working day (its settings, the default without).
 */
export function scenarioMarks(
  asIs: Process,
  shown: Process & Pick<Partial<ProcessMap>, 'settings'>,
): ScenarioMarks {
  const changes = diffMaps(asIs, shown).steps;
  const formats = formatsOf(shown);
  const before = new Map(asIs.steps.map((s) => [s.id as string, s]));
  const after = new Map(shown.steps.map((s) => [s.id as string, s]));
  const roleNames = new Map(asIs.roles.map((r) => [r.id as string, r.name]));
  const steps = new Map<StepId, StepMark>();
  for (const id of changes.added) steps.set(id as StepId, { added: true, changed: [] });
  for (const { id, fields } of changes.changed) {
    const moved = fields.includes('roleId');
    const old = before.get(id);
    const from = moved && old ? roleNames.get(old.roleId) : undefined;
    const rest = fields.filter((f) => f !== 'roleId');
    const a = (old ?? {}) as Record<string, unknown>;
    const b = (after.get(id) ?? {}) as Record<string, unknown>;
    steps.set(id as StepId, {
      added: false,
      changed: rest.map(fieldWords),
      described: rest.map((f) => describeFieldChange('steps', f, a[f], b[f], formats)),
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
 * that lane on the scenario's canvas. A ghost that would lie on one of the scenario's steps (say
 * after a tidy-up put a step where it was) moves to the nearest free place in its lane: along
 * its row first, else beside a step of another row of that lane. A step whose lane the scenario
 * no longer has, or that the as-is did not draw, has no ghost.
 */
export function ghostsOf(
  removed: readonly RemovedStep[],
  asIs: MapGeometry,
  shown: MapGeometry,
): Ghost[] {
  const asIsLanes = new Map(asIs.lanes.map((l) => [l.role.id as string, l]));
  const shownLanes = new Map(shown.lanes.map((l) => [l.role.id as string, l]));
  // The boxes a ghost keeps clear of: the scenario's steps, then the ghosts placed before it.
  const taken: Spot[] = shown.steps.map((b) => ({ x: b.x, y: b.y }));
  return removed.flatMap((step) => {
    const box = asIs.boxOf(step.id);
    if (!box) return [];
    const from = asIsLanes.get(box.step.roleId);
    const to = shownLanes.get(box.step.roleId);
    if (!from || !to) return [];
    const y = Math.min(to.y + (box.y - from.y), to.y + Math.max(0, to.height - 1));
    const spot = freeSpot({ x: box.x, y }, to, taken);
    taken.push(spot);
    return [{ ...step, ...spot }];
  });
}

interface Spot {
  readonly x: number;
  readonly y: number;
}

/** Room kept between a moved ghost and a step, as between two steps of a row. */
const CLEARANCE = 16;
const W = GEOMETRY.stepWidth;
const H = GEOMETRY.stepHeight;

const overlaps = (a: Spot, b: Spot) =>
  a.x < b.x + W + CLEARANCE &&
  b.x < a.x + W + CLEARANCE &&
  a.y < b.y + H + CLEARANCE &&
  b.y < a.y + H + CLEARANCE;

/**
 * `want` when no box in `taken` lies on it, else the nearest place clear of them all in `lane`:
 * at `want`'s height or a row of the lane's boxes, either side of a box there.
 */
function freeSpot(
  want: Spot,
  lane: { readonly y: number; readonly height: number },
  taken: readonly Spot[],
): Spot {
  const clear = (s: Spot) => !taken.some((t) => overlaps(s, t));
  if (clear(want)) return want;
  const inLane = taken.filter((t) => t.y >= lane.y && t.y < lane.y + lane.height);
  const rows = [want.y, ...new Set(inLane.map((t) => t.y))];
  // Left of the lane headers' edge only when the ghost already was.
  const leftmost = Math.min(want.x, GEOMETRY.headerWidth);
  const xs = [want.x, ...inLane.flatMap((t) => [t.x + W + CLEARANCE, t.x - W - CLEARANCE])].filter(
    (x) => x >= leftmost,
  );
  let best: Spot | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const y of rows) {
    for (const x of xs) {
      const spot = { x, y };
      // Along its own row before any other: a row's height counts as a long way.
      const distance = Math.abs(x - want.x) + (y === want.y ? 0 : 4 * Math.abs(y - want.y) + W);
      if (distance < bestDistance && clear(spot)) {
        best = spot;
        bestDistance = distance;
      }
    }
  }
  // Right of every box there is always free.
  return best ?? { x: Math.max(want.x, ...taken.map((t) => t.x + W + CLEARANCE)), y: want.y };
}

/** A mark's badges as shown on the step, short: "New", "Changed: process time, wait before", "Moved from Clerk". */
export function markBadges(mark: StepMark): string[] {
  const out: string[] = [];
  if (mark.added) out.push('New');
  if (mark.changed.length > 0) out.push(`Changed: ${mark.changed.join(', ')}`);
  if (mark.movedFrom !== undefined) out.push(`Moved from ${mark.movedFrom}`);
  return out;
}

/**
 * A mark as a step's accessible name says it, with the values the badge leaves out: "changed in
 * this scenario: wait before 2 h → 30 min".
 */
export function markSpoken(mark: StepMark): string {
  const parts: string[] = [];
  if (mark.added) parts.push('new in this scenario');
  const changed = mark.described ?? mark.changed;
  if (changed.length > 0) parts.push(`changed in this scenario: ${changed.join(', ')}`);
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
