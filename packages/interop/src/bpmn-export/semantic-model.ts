import type { ProcessMap, Step } from '@procmap/model';
import type { ModdleElement, ModdleWriter } from './moddle';
import type { BpmnGraph, BpmnNode } from './bpmn-graph';
import {
  decimal,
  flowAttributes,
  generatedAttribute,
  mapAttributes,
  originalId,
  roleAttributes,
  stepAttributes,
} from './extension-attributes';
import { xmlText } from './xml-text';

/*
 * The BPMN semantic model of a map: one process with a lane per role, a flow node per step and
 * per added gateway, and the sequence flows between them (sourceRef/targetRef). The nodes'
 * incoming/outgoing lists are not written: BPMN derives them from the flows' ends, and they would
 * be a fifth of the file's elements (docs/interop/bpmn-export.md). procmap's fields go in
 * procmap attributes (extension-attributes.ts); notes become documentation.
 */

/** The BPMN element each step kind becomes. */
export const ELEMENT_OF_KIND: Readonly<Record<Step['kind'], string>> = {
  start: 'bpmn:StartEvent',
  task: 'bpmn:Task',
  decision: 'bpmn:ExclusiveGateway',
  delay: 'bpmn:IntermediateCatchEvent',
  end: 'bpmn:EndEvent',
};

/** An ISO 8601 duration of `minutes`, e.g. "PT90M", or undefined when not a time. */
export function isoMinutes(minutes: unknown): string | undefined {
  if (typeof minutes !== 'number' || !(minutes >= 0)) return undefined;
  const text = decimal(minutes);
  return text === undefined ? undefined : `PT${text}M`;
}

/** Sets attributes outside the meta-model on an element. */
function setAttrs(element: ModdleElement, attrs: Record<string, string>): void {
  Object.assign(element.$attrs, attrs);
}

/** Documentation holding `text`, or undefined when there is none. */
function documentation(moddle: ModdleWriter, text: unknown): ModdleElement[] | undefined {
  const clean = xmlText(text);
  return clean === undefined ? undefined : [moddle.create('bpmn:Documentation', { text: clean })];
}

function stepElement(moddle: ModdleWriter, node: BpmnNode & { kind: 'step' }): ModdleElement {
  const { step } = node;
  const type = ELEMENT_OF_KIND[step.kind] ?? 'bpmn:Task';
  const props: Record<string, unknown> = { id: node.id };
  const name = xmlText(step.label);
  if (name !== undefined) props.name = name;
  const docs = documentation(moddle, step.notes);
  if (docs) props.documentation = docs;
  if (step.kind === 'delay') {
    const duration = isoMinutes(step.waitTime);
    const timer = moddle.create(
      'bpmn:TimerEventDefinition',
      duration === undefined
        ? {}
        : { timeDuration: moddle.create('bpmn:FormalExpression', { body: duration }) },
    );
    props.eventDefinitions = [timer];
  }
  if (step.kind === 'decision') props.gatewayDirection = 'Diverging';
  const element = moddle.create(type, props);
  setAttrs(element, { ...originalId(step.id, node.id), ...stepAttributes(step) });
  return element;
}

function gatewayElement(
  moddle: ModdleWriter,
  node: Exclude<BpmnNode, { kind: 'step' }>,
): ModdleElement {
  const parallel = node.kind !== 'merge';
  const element = moddle.create(parallel ? 'bpmn:ParallelGateway' : 'bpmn:ExclusiveGateway', {
    id: node.id,
    gatewayDirection: node.kind === 'parallel-split' ? 'Diverging' : 'Converging',
  });
  setAttrs(element, generatedAttribute(node.kind));
  return element;
}

/** The process's elements, by graph index: what the diagram refers to. */
export interface SemanticModel {
  readonly process: ModdleElement;
  readonly lanes: readonly ModdleElement[];
  readonly nodes: readonly ModdleElement[];
  readonly flows: readonly ModdleElement[];
}

/** The process of `map` as `graph` shapes it. */
export function semanticModel(
  moddle: ModdleWriter,
  map: ProcessMap,
  graph: BpmnGraph,
  ids: { process: string; laneSet: string },
): SemanticModel {
  const nodes = graph.nodes.map((node) =>
    node.kind === 'step' ? stepElement(moddle, node) : gatewayElement(moddle, node),
  );
  const flows = graph.flows.map((f) => {
    const props: Record<string, unknown> = {
      id: f.id,
      sourceRef: nodes[f.source],
      targetRef: nodes[f.target],
    };
    const name = xmlText(f.flow?.label);
    if (name !== undefined) props.name = name;
    const element = moddle.create('bpmn:SequenceFlow', props);
    setAttrs(
      element,
      f.flow
        ? { ...originalId(f.flow.id, f.id), ...flowAttributes(f.flow) }
        : generatedAttribute('flow'),
    );
    return element;
  });

  const members: ModdleElement[][] = graph.lanes.map(() => []);
  graph.nodes.forEach((node, i) => {
    members[node.lane]?.push(nodes[i] as ModdleElement);
  });
  const lanes = graph.lanes.map((lane, i) => {
    const props: Record<string, unknown> = { id: lane.id, flowNodeRef: members[i] };
    const name = xmlText(lane.role.name);
    if (name !== undefined) props.name = name;
    const element = moddle.create('bpmn:Lane', props);
    setAttrs(element, { ...originalId(lane.role.id, lane.id), ...roleAttributes(lane.role) });
    return element;
  });

  const props: Record<string, unknown> = {
    id: ids.process,
    isExecutable: false,
    laneSets: [moddle.create('bpmn:LaneSet', { id: ids.laneSet, lanes })],
    flowElements: [...nodes, ...flows],
  };
  const name = xmlText(map.title);
  if (name !== undefined) props.name = name;
  const docs = documentation(moddle, map.description);
  if (docs) props.documentation = docs;
  const process = moddle.create('bpmn:Process', props);
  setAttrs(process, mapAttributes(map));
  return { process, lanes, nodes, flows };
}
