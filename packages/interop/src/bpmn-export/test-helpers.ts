import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProcessMap } from '@procmap/model';
import { BpmnModdle } from 'bpmn-moddle';

/*
 * Reading an exported file back for the tests: bpmn-moddle's own parse (with its warnings), the
 * elements by id, and the plain lists a test walks.
 */

/** A parsed element, read loosely by its `$type` and properties. */
export interface El {
  readonly $type: string;
  readonly $attrs: Record<string, string>;
  readonly id?: string;
  readonly name?: string;
  readonly [property: string]: unknown;
}

export interface Parsed {
  readonly definitions: El;
  readonly warnings: readonly { message: string }[];
  readonly byId: Readonly<Record<string, El>>;
  readonly process: El;
  readonly collaboration: El;
  readonly lanes: readonly El[];
  /** Flow nodes and sequence flows of the process, in file order. */
  readonly elements: readonly El[];
  readonly plane: El;
  /** Shapes and edges by the id of the element they draw. */
  readonly di: ReadonlyMap<string, El>;
}

export const list = (value: unknown): El[] => (Array.isArray(value) ? (value as El[]) : []);
export const el = (value: unknown): El => value as El;

/** Parses `xml` with bpmn-moddle and indexes what the tests look at. */
export async function parseBpmn(xml: string): Promise<Parsed> {
  const result = await new BpmnModdle().fromXML(xml);
  const definitions = el(result.rootElement);
  const roots = list(definitions.rootElements);
  const process = roots.find((r) => r.$type === 'bpmn:Process') as El;
  const collaboration = roots.find((r) => r.$type === 'bpmn:Collaboration') as El;
  const laneSet = list(process.laneSets)[0];
  const plane = el(el(list(definitions.diagrams)[0]).plane);
  const di = new Map<string, El>();
  for (const item of list(plane.planeElement)) di.set(el(item.bpmnElement).id as string, item);
  return {
    definitions,
    warnings: result.warnings,
    byId: result.elementsById as Record<string, El>,
    process,
    collaboration,
    lanes: laneSet ? list(laneSet.lanes) : [],
    elements: list(process.flowElements),
    plane,
    di,
  };
}

const EXAMPLES = new URL('../../../../examples/', import.meta.url);

/** The example maps shipped with procmap, by file name. */
export function exampleMaps(): [string, ProcessMap][] {
  const dir = EXAMPLES.pathname;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.procmap.json'))
    .sort()
    .map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8')) as ProcessMap]);
}

/** The sequence flows beside `node` in its process (or sub-process), in file order. */
function flowsBeside(node: El): El[] {
  return list(el(node.$parent).flowElements).filter((e) => e.$type === 'bpmn:SequenceFlow');
}

/** The flows leaving `node`, found by their sourceRef (the export writes no `outgoing`). */
export const outgoingOf = (node: El): El[] => flowsBeside(node).filter((f) => f.sourceRef === node);

/** The flows entering `node`, found by their targetRef (the export writes no `incoming`). */
export const incomingOf = (node: El): El[] => flowsBeside(node).filter((f) => f.targetRef === node);

/** The element's bounds, or undefined when it has no shape. */
export function boundsOf(di: ReadonlyMap<string, El>, id: string) {
  const shape = di.get(id);
  const b = shape ? el(shape.bounds) : undefined;
  return b as { x: number; y: number; width: number; height: number } | undefined;
}
