import { type El, el, list, type Parsed } from './test-helpers';

/*
 * What a reader of an exported diagram would call a fault, found in the parsed file (for the
 * tests): a line through a shape it does not join, labels on top of each other or of a shape,
 * shapes touching, two branches of one gateway leaving from one point, a flow going in where
 * another comes out, a named gateway or event without label bounds, an annotation across lanes.
 * Each check returns its faults as text (empty when there are none).
 */

type Box = { x: number; y: number; width: number; height: number };
type Pt = { x: number; y: number };

const NODE_TYPES = new Set([
  'bpmn:Task',
  'bpmn:ExclusiveGateway',
  'bpmn:ParallelGateway',
  'bpmn:StartEvent',
  'bpmn:EndEvent',
  'bpmn:IntermediateCatchEvent',
  'bpmn:IntermediateThrowEvent',
]);

const boxOf = (d: El): Box => el(d.bounds) as unknown as Box;

/** Whether two boxes overlap once each is grown by `margin` / 2 on every side. */
export function overlaps(a: Box, b: Box, margin = 0): boolean {
  const m = margin / 2;
  return (
    a.x - m < b.x + b.width + m &&
    b.x - m < a.x + a.width + m &&
    a.y - m < b.y + b.height + m &&
    b.y - m < a.y + a.height + m
  );
}

/** Whether the axis-parallel segment a–b passes through the inside of `b` (not its outline). */
export function crossesInside(p: Pt, q: Pt, b: Box): boolean {
  const e = 0.5;
  const x0 = Math.min(p.x, q.x);
  const x1 = Math.max(p.x, q.x);
  const y0 = Math.min(p.y, q.y);
  const y1 = Math.max(p.y, q.y);
  return x1 > b.x + e && x0 < b.x + b.width - e && y1 > b.y + e && y0 < b.y + b.height - e;
}

interface Drawn {
  readonly nodes: { id: string; type: string; name?: string; box: Box; label?: Box }[];
  readonly flows: { id: string; source: string; target: string; points: Pt[]; label?: Box }[];
  readonly notes: { id: string; box: Box }[];
  readonly lanes: Box[];
}

/** The shapes, lines and labels of a parsed file's diagram. */
export function drawn(parsed: Parsed): Drawn {
  const out: Drawn = { nodes: [], flows: [], notes: [], lanes: [] };
  const laneIds = new Set(parsed.lanes.map((l) => l.id));
  for (const d of list(parsed.plane.planeElement)) {
    const element = el(d.bpmnElement);
    const label = d.label ? (el(el(d.label).bounds) as unknown as Box | undefined) : undefined;
    if (d.$type === 'bpmndi:BPMNShape') {
      if (laneIds.has(element.id)) out.lanes.push(boxOf(d));
      else if (element.$type === 'bpmn:TextAnnotation') {
        out.notes.push({ id: element.id as string, box: boxOf(d) });
      } else if (NODE_TYPES.has(element.$type)) {
        out.nodes.push({
          id: element.id as string,
          type: element.$type,
          name: element.name,
          box: boxOf(d),
          label,
        });
      }
    } else if (element.$type === 'bpmn:SequenceFlow') {
      out.flows.push({
        id: element.id as string,
        source: el(element.sourceRef).id as string,
        target: el(element.targetRef).id as string,
        points: list(d.waypoint) as unknown as Pt[],
        label,
      });
    }
  }
  return out;
}

/** Segments of flows running through the inside of a shape other than their two ends. */
export function edgesThroughShapes(d: Drawn): string[] {
  const faults: string[] = [];
  for (const f of d.flows) {
    for (const n of d.nodes) {
      if (n.id === f.source || n.id === f.target) continue;
      for (let i = 1; i < f.points.length; i++) {
        if (crossesInside(f.points[i - 1] as Pt, f.points[i] as Pt, n.box)) {
          faults.push(`${f.id} segment ${i} runs through ${n.id}`);
          break;
        }
      }
    }
  }
  return faults;
}

/** Labels overlapping another label or a shape (flow node or annotation). */
export function labelOverlaps(d: Drawn): string[] {
  const labels: { of: string; box: Box }[] = [];
  for (const n of d.nodes) if (n.label) labels.push({ of: n.id, box: n.label });
  for (const f of d.flows) if (f.label) labels.push({ of: f.id, box: f.label });
  const shapes = [...d.nodes, ...d.notes];
  const faults: string[] = [];
  labels.forEach((a, i) => {
    for (const b of labels.slice(i + 1)) {
      if (overlaps(a.box, b.box)) faults.push(`label of ${a.of} on label of ${b.of}`);
    }
    for (const s of shapes) {
      if (overlaps(a.box, s.box)) faults.push(`label of ${a.of} on shape ${s.id}`);
    }
  });
  return faults;
}

/** Flow-node shapes closer than `margin` to each other. */
export function shapesTouching(d: Drawn, margin = 8): string[] {
  const faults: string[] = [];
  const sorted = [...d.nodes].sort((a, b) => a.box.x - b.box.x);
  sorted.forEach((a, i) => {
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j] as (typeof sorted)[number];
      if (b.box.x >= a.box.x + a.box.width + margin) break;
      if (overlaps(a.box, b.box, margin)) faults.push(`${a.id} touches ${b.id}`);
    }
  });
  return faults;
}

const key = (p: Pt) => `${Math.round(p.x)},${Math.round(p.y)}`;

/** Two flows out of one gateway from one point; a flow in and a flow out at one point. */
export function sharedPorts(d: Drawn): string[] {
  const faults: string[] = [];
  const gateways = new Set(d.nodes.filter((n) => n.type.endsWith('Gateway')).map((n) => n.id));
  const outAt = new Map<string, string>();
  const inAt = new Map<string, string>();
  for (const f of d.flows) {
    const start = `${f.source}@${key(f.points[0] as Pt)}`;
    const other = outAt.get(start);
    if (other && gateways.has(f.source)) faults.push(`${f.id} leaves where ${other} leaves`);
    outAt.set(start, f.id);
    inAt.set(`${f.target}@${key(f.points[f.points.length - 1] as Pt)}`, f.id);
  }
  for (const [at, f] of outAt) {
    const other = inAt.get(at);
    if (other) faults.push(`${f} leaves where ${other} arrives (${at})`);
  }
  return faults;
}

/** Named gateways and events without label bounds. */
export function unlabelledNames(d: Drawn): string[] {
  return d.nodes
    .filter((n) => n.type !== 'bpmn:Task' && n.name && !n.label)
    .map((n) => `${n.id} has a name but no label`);
}

/** Annotations not inside one lane, or on a shape. */
export function misplacedNotes(d: Drawn): string[] {
  const faults: string[] = [];
  for (const n of d.notes) {
    const inLane = d.lanes.some(
      (l) =>
        n.box.x >= l.x &&
        n.box.y >= l.y &&
        n.box.x + n.box.width <= l.x + l.width &&
        n.box.y + n.box.height <= l.y + l.height,
    );
    if (!inLane) faults.push(`${n.id} is not inside one lane`);
    for (const s of d.nodes) if (overlaps(n.box, s.box)) faults.push(`${n.id} is on ${s.id}`);
  }
  return faults;
}
