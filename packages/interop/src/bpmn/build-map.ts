import {
  CURRENT_VERSION,
  FORMAT_NAME,
  UNASSIGNED_ROLE_ID,
  UNASSIGNED_ROLE_NAME,
} from '@procmap/model';
import { type ImportNote, type ImportRefusal, refuse } from '../imported';
import { buildSteps, type StepCounts } from './build-steps';
import { acrossFlow, readShapes, type Shape } from './diagram';
import { type Element, documentation, is, list, text } from './elements';
import { removeThrough, resolveParallel } from './graph';
import { IdPool } from './ids';
import { fitLabel } from './labels';
import { type Lanes, readLanes } from './lanes';
import { annotationComments, noteMessageFlows } from './read-artifacts';
import { type Counts, walkProcesses } from './read-process';
import { Report } from './report';

/*
 * The BPMN definitions as a map: roles from pools and lanes, steps and flows from the
 * processes, notes and comments from what lies beside them, and the report.
 */

export type BuiltMap =
  | {
      readonly ok: true;
      readonly map: Record<string, unknown>;
      readonly notes: readonly ImportNote[];
    }
  | ImportRefusal;

export function buildMap(
  definitions: Element,
  unreadable: { readonly count: number; readonly line?: number },
): BuiltMap {
  const roots = list(definitions, 'rootElements');
  const processes = roots.filter((r) => is(r, 'bpmn:Process'));
  const collaborations = roots.filter((r) => is(r, 'bpmn:Collaboration'));
  if (processes.length === 0 && collaborations.length === 0) {
    return refuse(
      'empty',
      'This BPMN file defines no process and no pool: there is nothing to import.',
    );
  }
  const ids = new IdPool();
  const lanes = readLanes(definitions, processes, ids);
  const { shapes, diagrams } = readShapes(definitions);
  const walked = walkProcesses(processes, shapes);
  removeThrough(walked.graph);
  const parallel = resolveParallel(walked.graph);

  const vertical = verticalProcesses(processes, lanes, shapes);
  let unassigned = 0;
  let unassignedId: string | undefined;
  const laneFor = (id: string, depth = 0): string | undefined => {
    if (depth > 64) return undefined;
    const up = walked.hostOf.get(id) ?? walked.parentOf.get(id);
    return lanes.laneOf.get(id) ?? (up === undefined ? undefined : laneFor(up, depth + 1));
  };
  const roleOf = (id: string): string => {
    const process = walked.processOf.get(id);
    const role = laneFor(id) ?? (process ? lanes.poolRole.get(process) : undefined);
    if (role !== undefined) return role;
    unassigned++;
    unassignedId ??= ids.claim(UNASSIGNED_ROLE_ID, 'unassigned');
    return unassignedId;
  };
  const built = buildSteps(walked.graph, ids, {
    shapes,
    roleOf,
    vertical: (id) => {
      const process = walked.processOf.get(id);
      return process !== undefined && vertical.has(process);
    },
  });
  const messageFlows = noteMessageFlows(collaborations, built.stepOf, built.steps);
  const artifacts = [...walked.artifacts, ...collaborations.flatMap((c) => list(c, 'artifacts'))];
  const comments = annotationComments(artifacts, built.stepOf, built.flowOf, ids);

  const roles = orderRoles(lanes, shapes, vertical).map((r, order) => ({
    id: r.id,
    name: fitLabel(r.name).label,
    order,
  }));
  if (unassignedId !== undefined) {
    roles.push({ id: unassignedId, name: UNASSIGNED_ROLE_NAME, order: roles.length });
  }
  const description = [...collaborations, ...processes].map(documentation).filter((d) => d);
  const map = {
    format: FORMAT_NAME,
    version: CURRENT_VERSION,
    title: fitLabel(titleOf(definitions, collaborations, processes)).label,
    ...(description.length > 0 ? { description: description.join('\n\n') } : {}),
    roles,
    steps: built.steps.map(({ notes, ...step }) =>
      notes.length > 0 ? { ...step, notes: notes.join('\n\n') } : step,
    ),
    flows: built.flows,
    comments,
  };
  const report = new Report();
  reportAll(report, {
    walked: walked.counts,
    steps: built.counts,
    lanes,
    unassigned,
    messageFlows,
    parallel: { removed: parallel.removed, kept: parallel.kept.length },
    annotations: comments.length,
    diagrams,
    stepCount: built.steps.length,
    unreadable,
  });
  return { ok: true, map, notes: report.list() };
}

/** Processes drawn in a vertical pool or with vertical lanes (isHorizontal="false"). */
function verticalProcesses(processes: Element[], lanes: Lanes, shapes: Map<string, Shape>) {
  const vertical = new Set<Element>();
  const drawnVertical = (el: Element | undefined) =>
    el?.id !== undefined && shapes.get(el.id)?.isHorizontal === false;
  for (const process of processes) {
    const pool = lanes.participantOf.get(process);
    const inLanes = lanes.roles.some((r) => r.process === process && drawnVertical(r.drawn));
    if (drawnVertical(pool) || inLanes) vertical.add(process);
  }
  return vertical;
}

/** Roles in the order the diagram draws their lanes; lanes not drawn follow in file order. */
function orderRoles(lanes: Lanes, shapes: Map<string, Shape>, vertical: Set<Element>) {
  const keyed = lanes.roles.map((role, index) => {
    const shape =
      (role.drawn?.id && shapes.get(role.drawn.id)) || (role.pool?.id && shapes.get(role.pool.id));
    const across = role.process !== undefined && vertical.has(role.process);
    return { role, index, key: shape ? acrossFlow(shape, across) : Number.POSITIVE_INFINITY };
  });
  keyed.sort((a, b) => a.key - b.key || a.index - b.index);
  return keyed.map((k) => k.role);
}

function titleOf(definitions: Element, collaborations: Element[], processes: Element[]): string {
  const named = (els: Element[]) => els.map((e) => text(e, 'name').trim()).find((n) => n !== '');
  const participants = collaborations.flatMap((c) => list(c, 'participants'));
  return (
    named(collaborations) ??
    (processes.length === 1 ? named(processes) : undefined) ??
    (participants.length === 1 ? named(participants) : undefined) ??
    named([definitions]) ??
    named(processes) ??
    'Imported process'
  );
}

interface Tally {
  readonly walked: Counts;
  readonly steps: StepCounts;
  readonly lanes: Lanes;
  readonly unassigned: number;
  readonly messageFlows: number;
  readonly parallel: { readonly removed: number; readonly kept: number };
  readonly annotations: number;
  readonly diagrams: number;
  readonly stepCount: number;
  readonly unreadable: { readonly count: number; readonly line?: number };
}

function reportAll(r: Report, t: Tally): void {
  const w = t.walked;
  const s = t.steps;
  r.add(
    'unassigned',
    t.unassigned,
    'node in no lane put in Unassigned',
    'nodes in no lane put in Unassigned',
  );
  r.add(
    'message-flows',
    t.messageFlows,
    'message flow between pools kept as notes',
    'message flows between pools kept as notes',
  );
  r.add(
    'parallel-removed',
    t.parallel.removed,
    'parallel gateway replaced by flows that branch or join directly',
    'parallel gateways replaced by flows that branch or join directly',
  );
  r.add(
    'parallel-kept',
    t.parallel.kept,
    'parallel gateway kept as a step of no time, as removing it would change the process',
    'parallel gateways kept as steps of no time, as removing them would change the process',
  );
  r.add(
    'sub-processes',
    w.expanded,
    'expanded sub-process opened out into its steps',
    'expanded sub-processes opened out into their steps',
  );
  r.add(
    'collapsed-sub-processes',
    w.collapsedOpened,
    'collapsed sub-process with steps inside opened out into its steps',
    'collapsed sub-processes with steps inside opened out into their steps',
  );
  r.add(
    'sub-process-events',
    w.subEvents,
    'start or end event of a sub-process left out: flows go straight to the steps inside',
    'start and end events of sub-processes left out: flows go straight to the steps inside',
  );
  r.add(
    'event-sub-processes',
    w.eventSubs,
    'event sub-process kept as a branch',
    'event sub-processes kept as branches',
  );
  r.add(
    'event-sub-processes-unlinked',
    w.eventSubsLoose,
    'event sub-process of a whole process has no flow into it: it starts on its event',
    'event sub-processes of a whole process have no flow into them: they start on their event',
  );
  r.add(
    'boundary-events',
    w.boundary,
    'boundary event kept as a branch from its activity',
    'boundary events kept as branches from their activity',
  );
  r.add('data', w.data, 'data object or store left out', 'data objects and stores left out');
  r.add('other-elements', w.other, 'other element left out', 'other elements left out');
  r.add(
    'dangling-flows',
    w.dangling,
    'sequence flow without a step at both ends left out',
    'sequence flows without a step at both ends left out',
  );
  const at = t.unreadable.line === undefined ? '' : ` (the first on line ${t.unreadable.line})`;
  r.add(
    'unreadable',
    t.unreadable.count,
    'part of the file could not be read and was left out',
    'parts of the file could not be read and were left out',
    at,
  );
  r.add(
    'annotations',
    t.annotations,
    'text annotation kept as a comment',
    'text annotations kept as comments',
  );
  r.add(
    'nested-lanes',
    t.lanes.nested,
    'lane holding other lanes is not a role: its inner lanes are',
    'lanes holding other lanes are not roles: their inner lanes are',
  );
  r.add(
    'duplicate-lane-names',
    t.lanes.sameName,
    'lane shares its name with another and is kept apart',
    'lanes share their name with another and are kept apart',
  );
  r.add(
    'line-breaks',
    s.lineBreaks,
    'name written over several lines joined into one line',
    'names written over several lines joined into one line',
  );
  r.add(
    'long-labels',
    s.cut,
    'name longer than the label limit cut; the full text is in the notes',
    'names longer than the label limit cut; the full text is in the notes',
  );
  r.add(
    'conditions',
    s.conditionsInNotes,
    "flow condition kept in its decision's notes",
    "flow conditions kept in their decision's notes",
  );
  r.add(
    'probabilities',
    s.probabilities,
    'flow probability taken from its name or condition',
    'flow probabilities taken from their names or conditions',
  );
  r.add(
    'probabilities-ignored',
    s.probabilitiesIgnored,
    "decision's stated probabilities ignored, as they do not add up to 1",
    "decisions' stated probabilities ignored, as they do not add up to 1",
  );
  r.add(
    'no-position',
    s.unplaced,
    'step not drawn in the file: tidy up places it',
    'steps not drawn in the file: tidy up places them',
  );
  if (t.diagrams > 1)
    r.add('diagrams', t.diagrams, 'diagram', 'diagrams in the file read as one map');
}
