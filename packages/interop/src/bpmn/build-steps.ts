import { type Shape, alongFlow, DI_SCALE } from './diagram';
import { type Element, documentation, list, one, text } from './elements';
import type { GEdge, Graph } from './graph';
import type { IdPool } from './ids';
import { fitLabel, hadLineBreaks, probabilityIn } from './labels';
import type { ProcmapData } from './read-procmap';
import { durationMinutes } from './timer-duration';

/*
 * The graph's nodes as steps and its edges as flows: labels made single-line and cut to the
 * map's cap, documentation and conditions kept in notes, positions from the diagram, and the
 * probabilities a decision's flows state where they clearly are probabilities.
 */

export interface StepDraft {
  [field: string]: unknown;
  id: string;
  roleId: string;
  kind: 'start' | 'task' | 'decision' | 'delay' | 'end';
  label: string;
  processTime?: number;
  position?: { x: number; y: number };
  notes: string[];
}

export interface FlowDraft {
  id: string;
  from: string;
  to: string;
  label?: string;
  probability?: number;
}

export interface StepCounts {
  cut: number;
  lineBreaks: number;
  conditionsInNotes: number;
  probabilities: number;
  probabilitiesIgnored: number;
  unplaced: number;
}

export interface Built {
  readonly steps: StepDraft[];
  readonly flows: FlowDraft[];
  /** Graph node id → step id, and the file's flow id → flow id. */
  readonly stepOf: Map<string, string>;
  readonly flowOf: Map<string, string>;
  readonly counts: StepCounts;
}

interface Along {
  readonly at: number;
  readonly vertical: boolean;
}

export interface Placing {
  readonly shapes: Map<string, Shape>;
  /** Whether the node's pool is drawn vertically. */
  readonly vertical: (nodeId: string) => boolean;
  readonly roleOf: (nodeId: string) => string;
  readonly data: ProcmapData;
}

/** The wait a timer's duration gives, in minutes, when it has a readable one. */
function timerWait(el: Element | undefined): number | undefined {
  const def = list(el, 'eventDefinitions').find((d) => d.$type === 'bpmn:TimerEventDefinition');
  return def ? durationMinutes(text(one(def, 'timeDuration'), 'body')) : undefined;
}

function timerText(el: Element | undefined): string {
  const def = list(el, 'eventDefinitions').find((d) => d.$type === 'bpmn:TimerEventDefinition');
  if (!def) return '';
  for (const key of ['timeDuration', 'timeDate', 'timeCycle']) {
    const body = text(one(def, key), 'body').trim();
    if (body !== '') return `Timer (${key.slice(4).toLowerCase()}): ${body}`;
  }
  return '';
}

export function buildSteps(graph: Graph, ids: IdPool, placing: Placing): Built {
  const counts: StepCounts = {
    cut: 0,
    lineBreaks: 0,
    conditionsInNotes: 0,
    probabilities: 0,
    probabilitiesIgnored: 0,
    unplaced: 0,
  };
  const steps: StepDraft[] = [];
  const stepOf = new Map<string, string>();
  const along = new Map<string, Along>();
  for (const node of graph.nodes.values()) {
    if (node.kind === 'parallel' || node.kind === 'through') continue; // resolved before
    const name = text(node.element, 'name');
    const { label, cut } = fitLabel(node.label);
    if (cut) counts.cut++;
    if (hadLineBreaks(name)) counts.lineBreaks++;
    const notes = [documentation(node.element), timerText(node.element), ...node.notes];
    if (cut) notes.push(`Full name: ${name.trim()}`);
    const id = ids.claim(placing.data.originalId(node.element) ?? node.id, 'step');
    stepOf.set(node.id, id);
    const shape = placing.shapes.get(node.id);
    const vertical = placing.vertical(node.id);
    if (shape) along.set(id, { at: alongFlow(shape, vertical), vertical });
    else counts.unplaced++;
    // A timer's duration is the delay's wait, unless procmap's own attribute says it.
    const wait = node.kind === 'delay' ? timerWait(node.element) : undefined;
    steps.push({
      ...(wait === undefined ? {} : { waitTime: wait }),
      ...placing.data.stepFields(node.element),
      id,
      roleId: placing.roleOf(node.id),
      kind: node.kind,
      label,
      ...(node.element?.$type === 'bpmn:ParallelGateway' ? { processTime: 0 } : {}),
      notes: notes.filter((n) => n !== ''),
    });
  }
  placeAlongFlow(steps, along);
  const { flows, flowOf } = buildFlows(graph.edges, stepOf, steps, ids, counts);
  return { steps, flows, stepOf, flowOf, counts };
}

/** x from the diagram, measured from the first shape of each orientation; y is the lane's. */
function placeAlongFlow(steps: StepDraft[], along: Map<string, Along>): void {
  const min = new Map<boolean, number>();
  for (const { at, vertical } of along.values()) {
    min.set(vertical, Math.min(min.get(vertical) ?? Number.POSITIVE_INFINITY, at));
  }
  for (const step of steps) {
    const place = along.get(step.id);
    if (!place) continue;
    const from = min.get(place.vertical) ?? 0;
    step.position = { x: Math.round((place.at - from) * DI_SCALE), y: 0 };
  }
}

function buildFlows(
  edges: GEdge[],
  stepOf: Map<string, string>,
  steps: StepDraft[],
  ids: IdPool,
  counts: StepCounts,
): { flows: FlowDraft[]; flowOf: Map<string, string> } {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const flows: FlowDraft[] = [];
  const flowOf = new Map<string, string>();
  const leaving = new Map<string, FlowDraft[]>();
  const parsed = new Set<FlowDraft>(); // probabilities read from names, not from procmap's data
  for (const edge of edges) {
    const from = stepOf.get(edge.from);
    const to = stepOf.get(edge.to);
    if (from === undefined || to === undefined) continue;
    const source = byId.get(from) as StepDraft;
    const id = ids.claim(edge.id, 'flow');
    if (edge.bpmnId !== undefined) flowOf.set(edge.bpmnId, id);
    const named = fitLabel(edge.label);
    const condition = edge.condition;
    let label = named.label;
    if (named.cut) counts.cut++;
    if (hadLineBreaks(edge.label)) counts.lineBreaks++;
    if (label === '' && condition !== '') label = fitLabel(condition).label;
    else if (condition !== '' && condition !== label) {
      source.notes.push(`Condition of "${label}": ${condition}`);
      counts.conditionsInNotes++;
    }
    const flow: FlowDraft = { id, from, to, ...(label === '' ? {} : { label }) };
    if (source.kind === 'decision') {
      const p = probabilityIn(edge.label) ?? probabilityIn(condition);
      if (edge.probability !== undefined) flow.probability = edge.probability;
      else if (p !== undefined) {
        flow.probability = p;
        parsed.add(flow);
      }
      leaving.set(from, [...(leaving.get(from) ?? []), flow]);
    }
    flows.push(flow);
  }
  // Probabilities read from names are kept only where they add up: at most 1, and exactly 1
  // when every branch states one. Otherwise they were not probabilities after all.
  for (const out of leaving.values()) {
    if (out.some((f) => f.probability !== undefined && !parsed.has(f))) continue;
    const given = out.filter((f) => parsed.has(f));
    if (given.length === 0) continue;
    const sum = given.reduce((a, f) => a + (f.probability as number), 0);
    const complete = given.length === out.length;
    if (sum > 1 + 1e-9 || (complete && Math.abs(sum - 1) > 1e-9)) {
      for (const f of given) delete f.probability;
      counts.probabilitiesIgnored++;
    } else counts.probabilities += given.length;
  }
  return { flows, flowOf };
}
