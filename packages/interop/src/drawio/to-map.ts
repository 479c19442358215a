import type { ImportNote } from '../imported';
import { UNASSIGNED_ROLE_ID, UNASSIGNED_ROLE_NAME } from '@procmap/model';
import type { Cell } from './cells';
import { laneOf, lanesAreColumns, orderLanes, roleNames } from './lanes-to-roles';
import { capped, cellLines, cellText, idMaker } from './names';
import { flowsRunDown, stepPositions } from './positions';
import { type ShapeKind, shapeKind, stepKind } from './shape-kind';
import type { Lane, PageStructure, Placed } from './structure';

/*
 * One draw.io page as a procmap map (not yet validated): lanes to roles, shapes to steps,
 * connectors to flows, text boxes to notes, and a note for everything approximated.
 */

export interface DrawioOptions {
  /** The author of the notes made from text boxes. Default "draw.io". */
  readonly author?: string;
  /** The creation time of those notes (ISO 8601); the import has no clock. Default "". */
  readonly createdAt?: string;
}

export interface MapDraft {
  readonly map: Record<string, unknown>;
  readonly notes: ImportNote[];
}

type Json = Record<string, unknown>;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

interface Flow {
  readonly cell: Cell;
  readonly from: string;
  readonly to: string;
}

/**
 * The connectors that join two steps, each end taken to the step it is drawn on. `stepIds`:
 * the step id of each step's draw.io id; flows name step ids.
 */
function resolveFlows(page: PageStructure, stepIds: ReadonlyMap<string, string>) {
  const flows: Flow[] = [];
  let loose = 0;
  const end = (cellId: string | undefined) => {
    const owner = cellId === undefined ? undefined : page.stepOf.get(cellId);
    return owner === undefined ? undefined : stepIds.get(owner);
  };
  for (const cell of page.edges) {
    const from = end(cell.source);
    const to = end(cell.target);
    if (from !== undefined && to !== undefined) flows.push({ cell, from, to });
    else loose++;
  }
  return { flows, loose };
}

/** A connector's label: its own value and its label cells', on one line. */
function flowLabel(cell: Cell, page: PageStructure): string {
  const parts = [cellText(cell), ...(page.edgeLabels.get(cell.id) ?? []).map(cellText)];
  return capped(parts.filter((p) => p !== '').join(' ')).name;
}

export function pageToMap(page: PageStructure, title: string, options: DrawioOptions): MapDraft {
  const notes: ImportNote[] = [];
  const note = (code: string, count: number, message: string) => {
    if (count > 0) notes.push({ code, count, message });
  };
  const lanes = orderLanes(page.lanes, lanesAreColumns(page.lanes));
  const names = roleNames(lanes);
  const id = idMaker();
  const roleIdOf = new Map<Lane, string>();
  const roles: Json[] = lanes.map((lane, order) => {
    const roleId = id(lane.cell.id);
    roleIdOf.set(lane, roleId);
    return { id: roleId, name: names[order], order };
  });

  // Steps: their lane, then their kind once the flows say what enters and leaves them.
  const stepIds = new Map<string, string>(); // draw.io id -> step id
  const placed: { step: Placed; id: string; lane: Lane | undefined }[] = [];
  let byPosition = 0;
  for (const step of page.steps) {
    const found = laneOf(step, lanes);
    if (found.byPosition) byPosition++;
    const stepId = id(step.cell.id);
    // A repeated draw.io id (a damaged file): connectors reach the first shape of it.
    if (!stepIds.has(step.cell.id)) stepIds.set(step.cell.id, stepId);
    placed.push({ step, id: stepId, lane: found.lane });
  }
  const { flows, loose } = resolveFlows(page, stepIds);
  const incoming = new Map<string, number>();
  const outgoing = new Map<string, number>();
  for (const f of flows) {
    outgoing.set(f.from, (outgoing.get(f.from) ?? 0) + 1);
    incoming.set(f.to, (incoming.get(f.to) ?? 0) + 1);
  }

  const unassigned = placed.filter((p) => !p.lane).length;
  let unassignedId: string | undefined;
  if (unassigned > 0) {
    unassignedId = id(UNASSIGNED_ROLE_ID);
    roles.push({ id: unassignedId, name: UNASSIGNED_ROLE_NAME, order: roles.length });
  }

  const shapes = placed.map((p) => shapeKind(p.step.cell.style));
  const placedAt = new Map(placed.map((p) => [p.id, p.step]));
  const columns =
    lanes.length > 0
      ? lanesAreColumns(lanes)
      : flowsRunDown(
          flows.map((f) => [placedAt.get(f.from), placedAt.get(f.to)] as [Placed, Placed]),
        );
  const positions = stepPositions(
    placed.map((p) => ({ ...p.step, lane: p.lane })),
    columns,
    shapes.map((s) => s === 'task'),
  );
  let unlabelled = 0;
  let shortened = 0;
  const steps: Json[] = placed.map((p, i) => {
    const text = cellText(p.step.cell);
    const { name, full } = capped(text);
    if (text === '') unlabelled++;
    if (full !== undefined) shortened++;
    const shape = shapes[i] as ShapeKind;
    const kind = stepKind(shape, incoming.get(p.id) ?? 0, outgoing.get(p.id) ?? 0, text);
    return {
      id: p.id,
      roleId: p.lane ? roleIdOf.get(p.lane) : unassignedId,
      kind,
      label: name,
      position: positions[i],
      ...(full === undefined ? {} : { notes: full }),
    };
  });

  const flowRecords: Json[] = flows.map((f) => {
    const label = flowLabel(f.cell, page);
    return {
      id: id(f.cell.id),
      from: f.from,
      to: f.to,
      ...(label === '' ? {} : { label }),
    };
  });

  const comments: Json[] = [];
  let emptyTexts = 0;
  for (const text of page.texts) {
    const words = cellLines(text.cell);
    if (words === '') {
      emptyTexts++;
      continue;
    }
    comments.push({
      id: id(text.cell.id),
      kind: 'note',
      author: options.author ?? 'draw.io',
      text: words,
      createdAt: options.createdAt ?? '',
    });
  }

  const kindCount = (k: ShapeKind) => shapes.filter((s) => s === k).length;
  const middles = steps.filter((s, i) => shapes[i] === 'terminal' && s.kind === 'task').length;
  if (lanes.length === 0) {
    note(
      'no-swimlanes',
      placed.length,
      `This page has no swimlanes: its ${plural(placed.length, 'step')} are in one "${UNASSIGNED_ROLE_NAME}" lane. Add roles and move the steps into them.`,
    );
  } else {
    note(
      'unassigned',
      unassigned,
      `${plural(unassigned, 'shape')} in no lane put in "${UNASSIGNED_ROLE_NAME}"`,
    );
  }
  note(
    'placed-by-position',
    byPosition,
    `${plural(byPosition, 'shape')} drawn over a lane, but not inside it, put in that lane`,
  );
  note(
    'pools',
    page.pools.length,
    `${plural(page.pools.length, 'pool')} not kept (procmap has no pools): ${plural(page.lanes.length, 'lane')} inside became roles`,
  );
  note(
    'text-as-notes',
    comments.length,
    `${plural(comments.length, 'text box', 'text boxes')} kept as notes on the map`,
  );
  note(
    'empty-text-skipped',
    emptyTexts,
    `${plural(emptyTexts, 'empty text box', 'empty text boxes')} skipped`,
  );
  note('loose-connectors', loose, `${plural(loose, 'connector')} not joining two shapes skipped`);
  note(
    'parallel-as-task',
    kindCount('parallel'),
    `${plural(kindCount('parallel'), 'parallel gateway')} kept as tasks: every flow leaving a task is taken`,
  );
  note(
    'round-as-task',
    middles,
    `${plural(middles, 'round shape')} with flows both in and out kept as tasks`,
  );
  note('unlabelled', unlabelled, `${plural(unlabelled, 'shape')} had no label`);
  note(
    'labels-shortened',
    shortened,
    `${plural(shortened, 'label')} shortened to fit; the full text is in the step's notes`,
  );
  note(
    'unreachable',
    page.unreachable,
    `${plural(page.unreachable, 'cell')} whose parents form a loop skipped`,
  );

  const map: Json = {
    format: 'procmap',
    version: 1,
    title: capped(title).name,
    roles,
    steps,
    flows: flowRecords,
    ...(comments.length > 0 ? { comments } : {}),
  };
  return { map, notes };
}
