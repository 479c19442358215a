import type { ModdleElement, ModdleWriter } from './moddle';
import { type Annotation, annotationPlaces } from './annotations';
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
  notes: readonly Annotation[] = [],
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
  const routes = graph.flows.map((flow) =>
    route(
      layout.nodes[flow.source] as Bounds,
      layout.nodes[flow.target] as Bounds,
      isGateway(graph.nodes[flow.source] as BpmnNode),
      isGateway(graph.nodes[flow.target] as BpmnNode),
    ),
  );
  const edge = (element: ModdleElement, points: readonly Point[], extra = {}) =>
    moddle.create('bpmndi:BPMNEdge', {
      id: ids.di(element.id as string),
      bpmnElement: element,
      waypoint: points.map((p) => moddle.create('dc:Point', { x: round(p.x), y: round(p.y) })),
      ...extra,
    });
  graph.flows.forEach((flow, i) => {
    const points = routes[i] as Point[];
    const name = xmlText(flow.flow?.label);
    const fromGateway = isGateway(graph.nodes[flow.source] as BpmnNode);
    const label =
      name === undefined
        ? {}
        : {
            label: moddle.create('bpmndi:BPMNLabel', {
              bounds: bounds(moddle, labelBounds(points, name, fromGateway)),
            }),
          };
    planeElements.push(edge(model.flows[i] as ModdleElement, points, label));
  });
  annotationPlaces(notes, layout, routes).forEach((place, i) => {
    const note = notes[i] as Annotation;
    planeElements.push(shape(note.element, place.box));
    if (note.association && place.from) {
      const to = { x: place.box.x, y: place.box.y + place.box.height };
      planeElements.push(edge(note.association, [place.from, to]));
    }
  });
  const plane = moddle.create('bpmndi:BPMNPlane', {
    id: ids.plane,
    bpmnElement: collaboration,
    planeElement: planeElements,
  });
  return moddle.create('bpmndi:BPMNDiagram', { id: ids.diagram, plane });
}
