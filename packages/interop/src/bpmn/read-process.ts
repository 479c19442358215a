import type { Shape } from './diagram';
import { type Element, flag, is, list, one, text } from './elements';
import { attachBranches, type EventSub, joinLinks } from './branches';
import { type GEdge, Graph, type NodeKind } from './graph';
import { singleLine } from './labels';
import type { ProcmapData } from './read-procmap';

/*
 * Walks the processes of a file into a Graph. Tasks of every kind, call activities and empty
 * sub-processes are tasks; exclusive, inclusive, event-based and complex gateways decisions;
 * intermediate and boundary events delays. A sub-process with content is opened out: its start
 * and end events and its way in and out are passing nodes, removed later, so flows into it reach
 * its first steps and flows out of it leave from its last ones. Boundary events and event
 * sub-processes are branches, joined to their activity afterwards (attachBranches).
 */

export interface Counts {
  expanded: number;
  collapsedOpened: number;
  eventSubs: number;
  eventSubsLoose: number;
  boundary: number;
  data: number;
  other: number;
  repeated: number;
  dangling: number;
  subEvents: number;
  links: number;
}

export interface Walked {
  readonly graph: Graph;
  /** Node id → the sub-process it is in (for the lane of a node in no lane). */
  readonly parentOf: Map<string, string>;
  /** Node id → its process. */
  readonly processOf: Map<string, Element>;
  /** Boundary event id → the id of the activity it is attached to. */
  readonly hostOf: Map<string, string>;
  /** Every text annotation and association, of processes, sub-processes and collaborations. */
  readonly artifacts: Element[];
  readonly counts: Counts;
}

const inPort = (id: string) => `\u0000in:${id}`;
const outPort = (id: string) => `\u0000out:${id}`;

const TRIGGERS: Record<string, string> = {
  'bpmn:TimerEventDefinition': 'Timer',
  'bpmn:MessageEventDefinition': 'Message',
  'bpmn:SignalEventDefinition': 'Signal',
  'bpmn:ErrorEventDefinition': 'Error',
  'bpmn:EscalationEventDefinition': 'Escalation',
  'bpmn:ConditionalEventDefinition': 'Condition',
  'bpmn:CompensateEventDefinition': 'Compensation',
  'bpmn:CancelEventDefinition': 'Cancel',
};

/** What triggers an event, in a word ("Timer"), or ''. */
export function triggerOf(event: Element): string {
  const def = list(event, 'eventDefinitions')[0];
  return def ? (TRIGGERS[def.$type] ?? '') : '';
}

const hasFlowNodes = (el: Element) => list(el, 'flowElements').some((f) => is(f, 'bpmn:FlowNode'));

type Mode = 'top' | 'flat' | 'event';

interface Flat {
  readonly el: Element;
  readonly members: string[];
  readonly starts: string[];
  readonly ends: string[];
}

export function walkProcesses(
  processes: Element[],
  shapes: Map<string, Shape>,
  data: ProcmapData,
): Walked {
  const graph = new Graph();
  const parentOf = new Map<string, string>();
  const processOf = new Map<string, Element>();
  const hostOf = new Map<string, string>();
  const artifacts: Element[] = [];
  const counts: Counts = {
    expanded: 0,
    collapsedOpened: 0,
    eventSubs: 0,
    eventSubsLoose: 0,
    boundary: 0,
    data: 0,
    other: 0,
    repeated: 0,
    dangling: 0,
    subEvents: 0,
    links: 0,
  };
  const flows: Element[] = [];
  const flats: Flat[] = [];
  const flatIds = new Set<string>();
  const boundaries: Element[] = [];
  const eventSubs: EventSub[] = [];

  const byId = new Map<string, Element>();
  const node = (el: Element, kind: NodeKind, label = singleLine(text(el, 'name'))) =>
    graph.add({ id: el.id as string, kind, label, notes: [], element: el });

  const walk = (container: Element, process: Element, mode: Mode, sub?: string): Flat => {
    const flat: Flat = { el: container, members: [], starts: [], ends: [] };
    for (const a of list(container, 'artifacts')) {
      if (is(a, 'bpmn:TextAnnotation') || is(a, 'bpmn:Association')) artifacts.push(a);
      else counts.other++;
    }
    for (const el of list(container, 'flowElements')) {
      if (is(el, 'bpmn:SequenceFlow')) {
        flows.push(el);
        continue;
      }
      if (!is(el, 'bpmn:FlowNode') || el.id === undefined) {
        if (is(el, 'bpmn:DataObject') || is(el, 'bpmn:DataObjectReference')) counts.data++;
        else if (is(el, 'bpmn:DataStoreReference')) counts.data++;
        else counts.other++;
        continue;
      }
      const id = el.id;
      byId.set(id, el);
      processOf.set(id, process);
      if (sub !== undefined) parentOf.set(id, sub);
      if (is(el, 'bpmn:SubProcess') && flag(el, 'triggeredByEvent', false)) {
        counts.eventSubs++;
        const inner = walk(el, process, 'event', id);
        eventSubs.push({ starts: inner.starts, ...(mode === 'flat' && sub ? { host: sub } : {}) });
        if (!(mode === 'flat' && sub)) counts.eventSubsLoose++;
        continue;
      }
      flat.members.push(id);
      if (is(el, 'bpmn:SubProcess') && hasFlowNodes(el)) {
        if (shapes.get(id)?.isExpanded === false) counts.collapsedOpened++;
        else counts.expanded++;
        graph.add({ id: inPort(id), kind: 'through', label: '', notes: [] });
        graph.add({ id: outPort(id), kind: 'through', label: '', notes: [] });
        flats.push(walk(el, process, 'flat', id));
        flatIds.add(id);
      } else if (is(el, 'bpmn:Activity')) {
        const task = node(el, 'task');
        const loop = one(el, 'loopCharacteristics');
        if (loop) {
          counts.repeated++;
          task.notes.push(
            is(loop, 'bpmn:MultiInstanceLoopCharacteristics')
              ? 'Done once for each of several items in the BPMN file (multi-instance); imported as one step.'
              : 'Repeated in a loop in the BPMN file; imported as one step.',
          );
        }
      } else if (is(el, 'bpmn:Gateway') && data.generated(el) !== undefined) node(el, 'through');
      else if (is(el, 'bpmn:ParallelGateway')) node(el, 'parallel');
      else if (is(el, 'bpmn:Gateway')) node(el, 'decision');
      else if (is(el, 'bpmn:StartEvent')) {
        flat.starts.push(id);
        if (mode === 'flat') counts.subEvents++;
        if (mode === 'event') node(el, 'delay', singleLine(text(el, 'name')) || triggerOf(el));
        else node(el, mode === 'flat' ? 'through' : 'start');
      } else if (is(el, 'bpmn:EndEvent')) {
        flat.ends.push(id);
        if (mode === 'flat') counts.subEvents++;
        node(el, mode === 'flat' ? 'through' : 'end');
      } else if (is(el, 'bpmn:BoundaryEvent')) {
        counts.boundary++;
        boundaries.push(el);
        const host = one(el, 'attachedToRef')?.id;
        if (host !== undefined) hostOf.set(id, host);
        node(el, 'delay', singleLine(text(el, 'name')) || triggerOf(el));
      } else if (is(el, 'bpmn:Event')) node(el, 'delay');
      else node(el, 'task');
    }
    return flat;
  };

  for (const process of processes) walk(process, process, 'top');

  const portIn = (id: string) => (flatIds.has(id) ? inPort(id) : id);
  const portOut = (id: string) => (flatIds.has(id) ? outPort(id) : id);
  const made = (from: string, to: string): GEdge => ({
    id: `${from}-${to}`.replaceAll('\u0000', ''),
    from,
    to,
    label: '',
    condition: '',
    made: true,
  });

  for (const flow of flows) {
    const from = one(flow, 'sourceRef')?.id;
    const to = one(flow, 'targetRef')?.id;
    if (from === undefined || to === undefined || flow.id === undefined) {
      counts.dangling++;
      continue;
    }
    const a = portOut(from);
    const b = portIn(to);
    if (!graph.nodes.has(a) || !graph.nodes.has(b)) {
      counts.dangling++;
      continue;
    }
    const probability = data.probability(flow);
    graph.edge({
      id: data.originalId(flow) ?? flow.id,
      bpmnId: flow.id,
      ...(probability === undefined ? {} : { probability }),
      ...(data.generated(flow) === undefined ? {} : { made: true }),
      from: a,
      to: b,
      label: text(flow, 'name'),
      condition: text(one(flow, 'conditionExpression'), 'body').trim(),
    });
  }

  // The way into an opened-out sub-process leads to its start events, else to the steps nothing
  // flows into; its last steps (end events, else steps with no way out) lead out.
  for (const flat of flats) {
    const id = flat.el.id as string;
    // Where every step inside has a way in (or out), as in a loop, all of them are ways in (out):
    // a path is never cut.
    const orAll = (found: string[]) => (found.length > 0 ? found : flat.members);
    const firsts = flat.starts.length > 0 ? flat.starts : orAll(flat.members.filter(noneInto));
    const lasts = flat.ends.length > 0 ? flat.ends : orAll(flat.members.filter(noneOut));
    for (const m of firsts) graph.edge(made(inPort(id), portIn(m)));
    for (const m of lasts) graph.edge(made(portOut(m), outPort(id)));
  }
  function noneInto(id: string): boolean {
    return !hostOf.has(id) && graph.into(portIn(id)).length === 0;
  }
  function noneOut(id: string): boolean {
    return !hostOf.has(id) && graph.out(portOut(id)).length === 0;
  }

  const nameOf = (id: string) => singleLine(text(byId.get(id), 'name'));
  counts.links = joinLinks(graph, made);
  attachBranches(graph, boundaries, eventSubs, artifacts, { portOut, made, nameOf });
  return { graph, parentOf, processOf, hostOf, artifacts, counts };
}
