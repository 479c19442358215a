import type { ModdleElement, ModdleWriter } from './moddle';
import type { BpmnGraph, BpmnNode } from './bpmn-graph';
import type { Bounds, DiagramLayout } from './diagram-layout';
import { labelBounds, type Point, route } from './edge-routes';
import type { SemanticModel } from './semantic-model';
import { xmlText } from './xml-text';

/*
 * BPMN diagram interchange (DI) for the collaboration: a shape for the pool, each lane, each
 * flow node; an edge with waypoints for each sequence flow, with a label where the flow is named.
 * Coordinates are the canvas's (diagram-layout.ts), rounded to a tenth.
 */

const round = (v: number) => Math.round(v * 10) / 10;

function bounds(moddle: ModdleWriter, b: Bounds): ModdleElement {
  return moddle.create('dc:Bounds', {
    x: round(b.x),
    y: round(b.y),
    width: round(b.width),
    height: round(b.height),
  });
}

function isGateway(node: BpmnNode): boolean {
  return node.kind !== 'step' || node.step.kind === 'decision';
}

/** The ids the diagram's own elements take. */
export interface DiagramIds {
  readonly diagram: string;
  readonly plane: string;
  /** A free id for the shape or edge of the element with `id`. */
  di(id: string): string;
}

/** The diagram of a collaboration whose pool is `participant`. */
export function diagram(
  moddle: ModdleWriter,
  graph: BpmnGraph,
  model: SemanticModel,
  layout: DiagramLayout,
  collaboration: ModdleElement,
  participant: ModdleElement,
  ids: DiagramIds,
): ModdleElement {
  const shape = (element: ModdleElement, b: Bounds, extra: Record<string, unknown> = {}) =>
    moddle.create('bpmndi:BPMNShape', {
      id: ids.di(element.id as string),
      bpmnElement: element,
      bounds: bounds(moddle, b),
      ...extra,
    });
  const planeElements: ModdleElement[] = [shape(participant, layout.pool, { isHorizontal: true })];
  model.lanes.forEach((lane, i) => {
    planeElements.push(shape(lane, layout.lanes[i] as Bounds, { isHorizontal: true }));
  });
  model.nodes.forEach((element, i) => {
    const extra = element.$type === 'bpmn:ExclusiveGateway' ? { isMarkerVisible: true } : {};
    planeElements.push(shape(element, layout.nodes[i] as Bounds, extra));
  });
  graph.flows.forEach((flow, i) => {
    const source = graph.nodes[flow.source] as BpmnNode;
    const target = graph.nodes[flow.target] as BpmnNode;
    const points = route(
      layout.nodes[flow.source] as Bounds,
      layout.nodes[flow.target] as Bounds,
      isGateway(source),
      isGateway(target),
    );
    const element = model.flows[i] as ModdleElement;
    const props: Record<string, unknown> = {
      id: ids.di(element.id as string),
      bpmnElement: element,
      waypoint: points.map((p: Point) =>
        moddle.create('dc:Point', { x: round(p.x), y: round(p.y) }),
      ),
    };
    const name = xmlText(flow.flow?.label);
    if (name !== undefined) {
      props.label = moddle.create('bpmndi:BPMNLabel', {
        bounds: bounds(moddle, labelBounds(points, name, isGateway(source))),
      });
    }
    planeElements.push(moddle.create('bpmndi:BPMNEdge', props));
  });
  const plane = moddle.create('bpmndi:BPMNPlane', {
    id: ids.plane,
    bpmnElement: collaboration,
    planeElement: planeElements,
  });
  return moddle.create('bpmndi:BPMNDiagram', { id: ids.diagram, plane });
}
