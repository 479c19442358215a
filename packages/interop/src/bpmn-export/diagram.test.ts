import { GEOMETRY, mapGeometry } from '@procmap/layout';
import { lanesInOrder, normalize, type ProcessMap } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { exportBpmn } from './export-bpmn';
import { boundsOf, type El, el, exampleMaps, list, type Parsed, parseBpmn } from './test-helpers';

type Box = { x: number; y: number; width: number; height: number };
type Pt = { x: number; y: number };

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 1e-6 &&
  inner.y >= outer.y - 1e-6 &&
  inner.x + inner.width <= outer.x + outer.width + 1e-6 &&
  inner.y + inner.height <= outer.y + outer.height + 1e-6;

/** Whether `p` lies on the outline of box `b` (within rounding). */
const onBorder = (p: Pt, b: Box) => {
  const e = 0.11;
  const withinX = p.x >= b.x - e && p.x <= b.x + b.width + e;
  const withinY = p.y >= b.y - e && p.y <= b.y + b.height + e;
  const onVertical = Math.abs(p.x - b.x) <= e || Math.abs(p.x - b.x - b.width) <= e;
  const onHorizontal = Math.abs(p.y - b.y) <= e || Math.abs(p.y - b.y - b.height) <= e;
  return (withinY && onVertical) || (withinX && onHorizontal);
};

const SIZE: Record<string, [number, number]> = {
  'bpmn:Task': [GEOMETRY.stepWidth, GEOMETRY.stepHeight],
  'bpmn:ExclusiveGateway': [50, 50],
  'bpmn:ParallelGateway': [50, 50],
  'bpmn:StartEvent': [36, 36],
  'bpmn:EndEvent': [36, 36],
  'bpmn:IntermediateCatchEvent': [36, 36],
};

async function exported(map: ProcessMap): Promise<Parsed> {
  return parseBpmn(await exportBpmn(map));
}

describe.each(exampleMaps())('the diagram of %s', (_file, map) => {
  it('draws the pool and its lanes horizontally, lanes in role order top to bottom', async () => {
    const parsed = await exported(map);
    expect(el(parsed.plane.bpmnElement)).toBe(parsed.collaboration);
    const participant = list(parsed.collaboration.participants)[0] as El;
    const pool = parsed.di.get(participant.id as string) as El;
    expect(pool.isHorizontal).toBe(true);
    const poolBox = boundsOf(parsed.di, participant.id as string) as Box;
    const boxes = parsed.lanes.map((lane) => {
      expect(parsed.di.get(lane.id as string)?.isHorizontal).toBe(true);
      return boundsOf(parsed.di, lane.id as string) as Box;
    });
    expect(parsed.lanes.map((l) => l.name)).toEqual(lanesInOrder(map.roles).map((r) => r.name));
    for (let i = 0; i < boxes.length; i++) {
      const box = boxes[i] as Box;
      expect(inside(box, poolBox)).toBe(true);
      expect(box.y).toBe(
        i === 0 ? poolBox.y : (boxes[i - 1] as Box).y + (boxes[i - 1] as Box).height,
      );
    }
    const last = boxes[boxes.length - 1] as Box;
    expect(last.y + last.height).toBe(poolBox.y + poolBox.height);
  });

  it('gives every flow node a shape of its kind inside its lane', async () => {
    const parsed = await exported(map);
    const laneOf = new Map<El, El>();
    for (const lane of parsed.lanes) for (const n of list(lane.flowNodeRef)) laneOf.set(n, lane);
    const nodes = parsed.elements.filter((e) => e.$type !== 'bpmn:SequenceFlow');
    expect(nodes.length).toBeGreaterThanOrEqual(map.steps.length);
    for (const node of nodes) {
      const box = boundsOf(parsed.di, node.id as string) as Box;
      expect(box, node.id).toBeDefined();
      expect([box.width, box.height]).toEqual(SIZE[node.$type]);
      const lane = laneOf.get(node) as El;
      expect(inside(box, boundsOf(parsed.di, lane.id as string) as Box), node.id).toBe(true);
    }
  });

  it('puts every step where the canvas draws it', async () => {
    const parsed = await exported(map);
    const geometry = mapGeometry(normalize(map).map);
    for (const step of map.steps) {
      const canvas = geometry.boxOf(step.id);
      const box = boundsOf(parsed.di, step.id) as Box;
      expect(canvas, step.id).toBeDefined();
      expect(box.x + box.width / 2).toBeCloseTo((canvas?.x ?? 0) + GEOMETRY.stepWidth / 2, 1);
      expect(box.y + box.height / 2).toBeCloseTo((canvas?.y ?? 0) + GEOMETRY.stepHeight / 2, 1);
    }
  });

  it('draws every sequence flow as an orthogonal line from border to border', async () => {
    const parsed = await exported(map);
    const flows = parsed.elements.filter((e) => e.$type === 'bpmn:SequenceFlow');
    expect(flows.length).toBeGreaterThanOrEqual(map.flows.length);
    for (const flow of flows) {
      const edge = parsed.di.get(flow.id as string) as El;
      expect(edge?.$type, flow.id).toBe('bpmndi:BPMNEdge');
      const points = list(edge.waypoint) as unknown as Pt[];
      expect(points.length).toBeGreaterThanOrEqual(2);
      const source = boundsOf(parsed.di, el(flow.sourceRef).id as string) as Box;
      const target = boundsOf(parsed.di, el(flow.targetRef).id as string) as Box;
      expect(onBorder(points[0] as Pt, source), `${flow.id} leaves its source`).toBe(true);
      expect(onBorder(points[points.length - 1] as Pt, target), `${flow.id} reaches`).toBe(true);
      for (let i = 1; i < points.length; i++) {
        const a = points[i - 1] as Pt;
        const b = points[i] as Pt;
        expect(a.x === b.x || a.y === b.y, `${flow.id} segment ${i}`).toBe(true);
      }
      const label = edge.label as El | undefined;
      if (flow.name) {
        const b = el(label?.bounds) as unknown as Box;
        expect(b.width).toBeGreaterThan(0);
        expect(b.height).toBeGreaterThan(0);
      } else expect(label).toBeUndefined();
    }
  });

  it('draws nothing twice', async () => {
    const parsed = await exported(map);
    const drawn = list(parsed.plane.planeElement).map((d) => el(d.bpmnElement).id);
    expect(new Set(drawn).size).toBe(drawn.length);
    const ids = list(parsed.plane.planeElement).map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
