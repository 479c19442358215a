import { CURRENT_VERSION, FORMAT_NAME, UNASSIGNED_ROLE_ID } from '@procmap/model';
import { type ImportNote, type ImportRefusal, refuse } from '../imported';
import { buildSteps } from './build-steps';
import { readShapes } from './diagram';
import { type Element, documentation, is, list, text } from './elements';
import { removeThrough, resolveParallel } from './graph';
import { IdPool } from './ids';
import { fitLabel } from './labels';
import { readLanes } from './lanes';
import { buildRoles, verticalProcesses } from './roles';
import { ProcmapData } from './read-procmap';
import { annotationComments, noteMessageFlows } from './read-artifacts';
import { walkProcesses } from './read-process';
import { reportOf } from './report';

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
  const data = new ProcmapData(definitions);
  const lanes = readLanes(definitions, processes, ids, data);
  const { shapes, diagrams } = readShapes(definitions);
  const walked = walkProcesses(processes, shapes, data);
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
    data,
    vertical: (id) => {
      const process = walked.processOf.get(id);
      return process !== undefined && vertical.has(process);
    },
  });
  const messageFlows = noteMessageFlows(collaborations, built.stepOf, built.steps);
  const fromPools = collaborations.flatMap((c) => list(c, 'artifacts'));
  const artifacts = [...walked.artifacts, ...fromPools.filter(annotationOrLink)];
  walked.counts.other += fromPools.length - fromPools.filter(annotationOrLink).length;
  const comments = annotationComments(artifacts, built.stepOf, built.flowOf, ids, data);
  const roles = buildRoles(lanes, { shapes, vertical, data, unassignedId });
  const description = [...collaborations, ...processes].map(documentation).filter((d) => d);
  const header = processes.map((p) => data.header(p)).find((h) => h.id || h.settings) ?? {};
  const map = {
    format: FORMAT_NAME,
    version: CURRENT_VERSION,
    ...(header.id === undefined ? {} : { id: header.id }),
    title: fitLabel(titleOf(definitions, collaborations, processes)).label,
    ...(description.length > 0 ? { description: description.join('\n\n') } : {}),
    ...(header.settings === undefined ? {} : { settings: header.settings }),
    roles,
    steps: built.steps.map(({ notes, ...step }) =>
      notes.length > 0 ? { ...step, notes: notes.join('\n\n') } : step,
    ),
    flows: built.flows,
    comments,
  };
  const notes = reportOf({
    walked: walked.counts,
    steps: built.counts,
    lanes,
    unassigned,
    messageFlows,
    parallel: { removed: parallel.removed, kept: parallel.kept.length },
    annotations: comments.length,
    diagrams,
    unreadable,
    procmapIgnored: data.ignored,
  });
  return { ok: true, map, notes };
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

const annotationOrLink = (a: Element) => is(a, 'bpmn:TextAnnotation') || is(a, 'bpmn:Association');
