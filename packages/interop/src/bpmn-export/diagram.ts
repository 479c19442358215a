import type { ModdleElement, ModdleWriter } from './moddle';
import { type Annotation, annotationPlaces } from './annotations';
import type { BpmnGraph, BpmnNode } from './bpmn-graph';
import type { Bounds, DiagramLayout } from './diagram-layout';
import type { Point } from './edge-routes';
import { LabelPlacer } from './label-places';
import { orthogonalRoutes } from './orthogonal-router';
import { assignPorts } from './ports';
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

/** Gateways and events: shapes with four points for flows, and their names drawn outside. */
function fourPoints(node: BpmnNode): boolean {
  return node.kind !== 'step' || node.step.kind !== 'task';
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
  const ports = assignPorts(graph.flows, layout.nodes, graph.nodes.map(fourPoints));
  const routes = orthogonalRoutes(
    ports,
    layout.nodes,
    layout.lanes.map((l) => l.y),
  );
  const placer = new LabelPlacer(layout.nodes, routes);
  const places = annotationPlaces(notes, layout, routes, placer);
  model.nodes.forEach((element, i) => {
    const extra: Record<string, unknown> =
      element.$type === 'bpmn:ExclusiveGateway' ? { isMarkerVisible: true } : {};
    const node = graph.nodes[i] as BpmnNode;
    const name = node.kind === 'step' && fourPoints(node) ? xmlText(node.step.label) : undefined;
    if (name !== undefined) {
      const at = placer.nameOf(layout.nodes[i] as Bounds, name);
      extra.label = moddle.create('bpmndi:BPMNLabel', { bounds: bounds(moddle, at) });
    }
    planeElements.push(shape(element, layout.nodes[i] as Bounds, extra));
  });
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
              bounds: bounds(moddle, placer.flowLabel(points, name, fromGateway)),
            }),
          };
    planeElements.push(edge(model.flows[i] as ModdleElement, points, label));
  });
  places.forEach((place, i) => {
    const note = notes[i] as Annotation;
    planeElements.push(shape(note.element, place.box));
    if (note.association && place.from && place.to) {
      planeElements.push(edge(note.association, [place.from, place.to]));
    }
  });
  const plane = moddle.create('bpmndi:BPMNPlane', {
    id: ids.plane,
    bpmnElement: collaboration,
    planeElement: planeElements,
  });
  return moddle.create('bpmndi:BPMNDiagram', { id: ids.diagram, plane });
}
