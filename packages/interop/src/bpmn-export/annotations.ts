import type { Comment, ProcessMap } from '@procmap/model';
import type { BpmnGraph } from './bpmn-graph';
import { type Bounds, type DiagramLayout, POOL_HEADER } from './diagram-layout';
import type { Point } from './edge-routes';
import type { LabelPlacer } from './label-places';
import { originalId, qualified } from './extension-attributes';
import type { ModdleElement, ModdleWriter } from './moddle';
import type { SemanticModel } from './semantic-model';
import { xmlSafe, xmlText } from './xml-text';

/*
 * Analysts' open comments as BPMN text annotations, each tied by an association to the step or
 * flow it is about (a comment on the whole map stands alone, in the pool's left margin, where
 * the canvas has its lane headers). Resolved comments are left out, as the canvas and the other
 * exports leave them out. The comment's kind, waste, author, date and replies go in procmap
 * attributes; its text is the annotation's text.
 */

const WIDTH = 160;
const HEIGHT = 40;
/** Height taken by one annotation in a stack above the same step or flow. */
const STACK = HEIGHT + 8;

/** How many lines a note's text takes at the annotation's width (about 28 characters each). */
function textLines(text: string): number {
  let lines = 0;
  for (const line of text.split('\n')) lines += Math.max(1, Math.ceil([...line].length / 28));
  return lines;
}

/** One annotation: its comment, its elements, and what it is about (a node or a flow index). */
export interface Annotation {
  readonly comment: Comment;
  readonly element: ModdleElement;
  readonly association?: ModdleElement;
  readonly on?: { readonly node: number } | { readonly flow: number };
}

function commentAttributes(comment: Comment, bpmnId: string): Record<string, string> {
  const out: Record<string, string> = { ...originalId(comment.id, bpmnId) };
  const put = (name: string, value: string | undefined) => {
    if (value !== undefined && value !== '') out[qualified(name)] = xmlSafe(value);
  };
  put('kind', comment.kind);
  put('waste', comment.waste);
  put('author', comment.author);
  put('createdAt', comment.createdAt);
  if (comment.replies && comment.replies.length > 0) {
    put(
      'replies',
      JSON.stringify(comment.replies, (_k, v) => (typeof v === 'string' ? xmlSafe(v) : v)),
    );
  }
  if (comment.votes && Object.keys(comment.votes).length > 0) {
    put('votes', JSON.stringify(comment.votes));
  }
  return out;
}

/** The annotations and associations of a map's open comments, ids taken from the graph's. */
export function annotations(
  moddle: ModdleWriter,
  map: ProcessMap,
  graph: BpmnGraph,
  model: SemanticModel,
): Annotation[] {
  const nodeOf = new Map<string, number>();
  graph.nodes.forEach((node, i) => {
    if (node.kind === 'step') nodeOf.set(node.step.id, i);
  });
  const flowOf = new Map<string, number>();
  graph.flows.forEach((flow, i) => {
    if (flow.flow && !flowOf.has(flow.flow.id)) flowOf.set(flow.flow.id, i);
  });
  const out: Annotation[] = [];
  for (const comment of map.comments ?? []) {
    if (comment.resolved === true) continue;
    const id = graph.ids.take(comment.id, 'Annotation');
    const props: Record<string, unknown> = { id };
    const text = xmlText(comment.text);
    if (text !== undefined) props.text = text;
    const element = moddle.create('bpmn:TextAnnotation', props);
    Object.assign(element.$attrs, commentAttributes(comment, id));
    const target = comment.targetId;
    const node = target === undefined ? undefined : nodeOf.get(target);
    const flow = target === undefined || node !== undefined ? undefined : flowOf.get(target);
    const about =
      node !== undefined ? model.nodes[node] : flow !== undefined ? model.flows[flow] : undefined;
    if (!about) {
      out.push({ comment, element });
      continue;
    }
    const association = moddle.create('bpmn:Association', {
      id: graph.ids.take(`Association_${id}`, 'Association'),
      sourceRef: about,
      targetRef: element,
      associationDirection: 'None',
    });
    out.push({
      comment,
      element,
      association,
      on: node !== undefined ? { node } : { flow: flow as number },
    });
  }
  return out;
}

/**
 * Where each annotation is drawn, and where its association runs: beside what it is about,
 * inside that one lane, the first spot of a few (above right, above left, below right, below
 * left, further out) that covers no shape, label or other annotation and crosses no line.
 */
export function annotationPlaces(
  list: readonly Annotation[],
  layout: DiagramLayout,
  routes: readonly (readonly Point[])[],
  placer: LabelPlacer,
): { box: Bounds; from?: Point; to?: Point }[] {
  let loose = 0;
  return list.map((a) => {
    if (!a.on) {
      // In the lanes' left margin (where the canvas has its lane headers), top to bottom, as tall
      // as its text needs (about 28 characters a line) within the tallest lane.
      const tallest = Math.max(HEIGHT, ...layout.lanes.map((l) => l.height - 12));
      const height = Math.min(tallest, Math.max(HEIGHT, textLines(a.comment.text) * 13 + 10));
      const spots: Bounds[] = [];
      for (const lane of layout.lanes) {
        for (let y = lane.y + 6; y + height <= lane.y + lane.height - 6; y += 8) {
          spots.push({ x: POOL_HEADER + 34, y, width: WIDTH, height });
        }
      }
      const fallback = { x: POOL_HEADER + 34, y: 10 + loose * STACK, width: WIDTH, height };
      loose++;
      return { box: placer.take(spots.length > 0 ? spots : [fallback]) };
    }
    let about: Bounds;
    if ('node' in a.on) about = layout.nodes[a.on.node] as Bounds;
    else {
      const points = routes[a.on.flow] ?? [];
      const p = points[Math.floor(points.length / 2)] ?? { x: 0, y: 0 };
      about = { x: p.x, y: p.y, width: 0, height: 0 };
    }
    const cy = about.y + about.height / 2;
    const lane = layout.lanes.find((l) => cy >= l.y && cy <= l.y + l.height);
    const spots: Bounds[] = [];
    for (const out of [0, STACK, 2 * STACK]) {
      const above = about.y - 16 - HEIGHT - out;
      const below = about.y + about.height + 16 + out;
      const right = about.x + about.width / 2 + 24;
      const left = about.x + about.width / 2 - 24 - WIDTH;
      for (const [x, y] of [
        [right, above],
        [left, above],
        [right, below],
        [left, below],
        [about.x + about.width + 24 + out, cy - HEIGHT / 2],
      ] as const) {
        spots.push({ x, y, width: WIDTH, height: HEIGHT });
      }
    }
    // Along the row, in the lane's free columns, nearest first.
    for (let k = 1; k <= 12; k++) {
      for (const sign of [1, -1]) {
        const x = about.x + about.width / 2 - WIDTH / 2 + sign * k * 62;
        spots.push({ x, y: cy - HEIGHT / 2, width: WIDTH, height: HEIGHT });
      }
    }
    const box = placer.take(spots, lane);
    const isAbove = box.y + HEIGHT <= about.y;
    const isBelow = box.y >= about.y + about.height;
    const from = {
      x: about.x + about.width / 2,
      y: isAbove ? about.y : isBelow ? about.y + about.height : cy,
    };
    const toX = box.x >= from.x ? box.x : box.x + WIDTH;
    const to = { x: toX, y: isAbove ? box.y + HEIGHT : isBelow ? box.y : box.y + HEIGHT / 2 };
    if (!isAbove && !isBelow) from.x = box.x >= from.x ? about.x + about.width : about.x;
    return { box, from, to };
  });
}
