import { type Element, flag, is, list, one, text } from './elements';
import type { GEdge, GNode, Graph } from './graph';

/*
 * Branches the flow does not draw: boundary events and event sub-processes joined to their
 * activity, and link events joined to their partners.
 */

export interface EventSub {
  readonly starts: string[];
  /** The opened-out sub-process it belongs to, if any. */
  readonly host?: string;
}

interface Ports {
  readonly portOut: (id: string) => string;
  readonly made: (from: string, to: string) => GEdge;
  readonly nameOf: (id: string) => string;
}

/**
 * Boundary events and event sub-processes as branches from their activity. A non-interrupting
 * one is a flow from the activity: the case goes on and also takes the branch. An interrupting
 * one is a branch point after the activity: the activity's flows out now leave from the event,
 * which becomes a decision between them and its own flows (the case either finished the
 * activity or the event cut it short). Several interrupting events on one activity are asked in
 * turn. An event sub-process inside an opened-out sub-process is a branch of that sub-process;
 * one directly in a process is kept with no flow into it.
 */
export function attachBranches(
  graph: Graph,
  boundaries: Element[],
  eventSubs: EventSub[],
  artifacts: Element[],
  { portOut, made, nameOf }: Ports,
): void {
  const byHost = new Map<string, { id: string; interrupting: boolean }[]>();
  const push = (host: string, id: string, interrupting: boolean) => {
    const list = byHost.get(host) ?? [];
    list.push({ id, interrupting });
    byHost.set(host, list);
  };
  for (const b of boundaries) {
    const host = one(b, 'attachedToRef')?.id;
    if (host === undefined || b.id === undefined || host === b.id) continue;
    if (compensates(b)) linkCompensation(graph, b, artifacts, made, nameOf(host));
    else push(host, b.id, flag(b, 'cancelActivity', true));
  }
  for (const sub of eventSubs) {
    for (const start of sub.starts) {
      const el = graph.nodes.get(start)?.element;
      if (sub.host !== undefined) push(sub.host, start, flag(el, 'isInterrupting', true));
      else
        note(
          graph.nodes.get(start),
          'The start of an event sub-process: it begins when its event happens while the process runs, so no flow leads here.',
        );
    }
  }
  for (const [host, events] of byHost) {
    const exit = portOut(host);
    if (!graph.nodes.has(exit)) continue;
    const hostLabel = nameOf(host);
    const normal = graph.out(exit);
    let prev = exit;
    for (const e of events) {
      const n = graph.nodes.get(e.id);
      if (!n) continue;
      const of = hostLabel ? ` of "${hostLabel}"` : '';
      if (!e.interrupting) {
        graph.edge(made(exit, e.id));
        note(
          n,
          `A non-interrupting event${of}: the case goes on with the activity and also takes this branch.`,
        );
        continue;
      }
      graph.edge(made(prev, e.id));
      note(
        n,
        `An interrupting event${of}: the case either finishes the activity or leaves it here.`,
      );
      prev = e.id;
    }
    for (const e of normal) graph.retarget(e, prev);
    for (const e of events) {
      const n = graph.nodes.get(e.id);
      if (n && e.interrupting && graph.out(e.id).length > 1) n.kind = 'decision';
    }
  }
}

const compensates = (event: Element) =>
  list(event, 'eventDefinitions').some((d) => is(d, 'bpmn:CompensateEventDefinition'));

/**
 * A compensation boundary event is no branch of the flow: it names the activity that undoes the
 * work (its handler, joined by an association) when a later step asks for compensation. It is
 * kept apart from the flow, with a flow to its handler.
 */
function linkCompensation(
  graph: Graph,
  event: Element,
  artifacts: Element[],
  made: (from: string, to: string) => GEdge,
  hostLabel: string,
): void {
  const id = event.id as string;
  for (const link of artifacts.filter((a) => is(a, 'bpmn:Association'))) {
    const handler = one(link, 'targetRef')?.id;
    if (one(link, 'sourceRef')?.id === id && handler !== undefined && graph.nodes.has(handler)) {
      graph.edge(made(id, handler));
    }
  }
  const of = hostLabel ? ` "${hostLabel}"` : ' its activity';
  note(
    graph.nodes.get(id),
    `Compensation: when a later step asks, the work of${of} is undone along this branch; no flow leads here.`,
  );
}

/** The name a link event goes by: its link definition's, else its own. */
function linkName(el: Element | undefined): string | undefined {
  const def = list(el, 'eventDefinitions').find((d) => is(d, 'bpmn:LinkEventDefinition'));
  if (!def) return undefined;
  return text(def, 'name').trim() || text(el, 'name').trim();
}

/**
 * Link events are a drawing's off-page connectors: a throwing link goes on at the catching links
 * of the same name in the same process. Matched ones pass the case straight on; a link with no
 * partner stays a delay, so no path is lost. Returns how many link events were joined.
 */
export function joinLinks(graph: Graph, made: (from: string, to: string) => GEdge): number {
  const events = [...graph.nodes.values()].filter((n) => linkName(n.element) !== undefined);
  const key = (n: GNode) =>
    `${linkName(n.element)}\u0000${(n.element?.$parent as Element | undefined)?.id}`;
  const catches = events.filter((n) => is(n.element, 'bpmn:IntermediateCatchEvent'));
  const joined = new Set<GNode>();
  for (const thrown of events.filter((n) => is(n.element, 'bpmn:IntermediateThrowEvent'))) {
    for (const caught of catches.filter((c) => key(c) === key(thrown))) {
      graph.edge(made(thrown.id, caught.id));
      joined.add(thrown).add(caught);
    }
  }
  for (const n of joined) n.kind = 'through';
  return joined.size;
}

function note(node: GNode | undefined, text: string): void {
  node?.notes.push(text);
}
