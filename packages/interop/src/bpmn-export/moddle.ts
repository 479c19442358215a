/// <reference path="../bpmn/bpmn-moddle.d.ts" />
import { BpmnModdle } from 'bpmn-moddle';

/*
 * The part of bpmn-moddle the export writes with. The package ships no types for its entry
 * point (the importer declares the reading side in ../bpmn/bpmn-moddle.d.ts); the writing side is
 * described here and the instance typed with it, so the two declarations never collide.
 */

/** An element of the model tree: its properties, and attributes outside the meta-model. */
export interface ModdleElement {
  readonly $type: string;
  /** Attributes the meta-model does not know (ours, `procmap:…`), by qualified name. */
  readonly $attrs: Record<string, string>;
  [property: string]: unknown;
}

/** Creates elements of the BPMN meta-model and writes a tree of them as XML. */
export interface ModdleWriter {
  create(type: string, properties?: Record<string, unknown>): ModdleElement;
  toXML(element: ModdleElement, options?: { format?: boolean }): Promise<{ xml: string }>;
}

/*
 * One instance serves every export. A bpmn-moddle instance holds the meta-model (its packages,
 * their registry, and a cache of element types built from them) and nothing of any document:
 * elements keep only a link to it, and each toXML makes a writer of its own. Building it costs
 * about a millisecond, so it is built on the first export, not when the package loads; its type
 * cache is warm from then on.
 */
let writer: ModdleWriter | undefined;

/** The bpmn-moddle instance the export writes with (made on first use), typed for writing. */
export function moddleWriter(): ModdleWriter {
  writer ??= new BpmnModdle() as unknown as ModdleWriter;
  return writer;
}
