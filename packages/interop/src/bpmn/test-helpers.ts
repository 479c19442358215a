import { readdirSync, readFileSync } from 'node:fs';
import type { ProcessMap } from '@procmap/model';
import { expect } from 'vitest';
import type { ImportNote } from '../imported';
import { importBpmn } from './import-bpmn';

/* Helpers of the BPMN import tests: the fixture files, small hand-written files, and imports
 * that must succeed. */

const FIXTURES = new URL('../../fixtures/bpmn/', import.meta.url);

export const fixtureNames = (): string[] =>
  readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.bpmn'))
    .sort();

export const fixture = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

export const BPMN_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

/** A BPMN file around `body` (processes, collaborations) and an optional diagram. */
export function bpmnFile(body: string, diagram = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="${BPMN_NS}" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" id="defs">
${body}
${diagram ? `<bpmndi:BPMNDiagram id="diagram"><bpmndi:BPMNPlane id="plane">${diagram}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>` : ''}
</bpmn:definitions>`;
}

/** A BPMN shape for element `id` at x, y (width 100, height 80 unless given). */
export function shape(id: string, x: number, y: number, extra = '', w = 100, h = 80): string {
  return `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}" ${extra}><dc:Bounds x="${x}" y="${y}" width="${w}" height="${h}"/></bpmndi:BPMNShape>`;
}

/** Sequence flows "a>b b>c" as XML. */
export function flows(spec: string): string {
  return spec
    .trim()
    .split(/\s+/)
    .map((pair) => {
      const [from, to] = pair.split('>');
      return `<bpmn:sequenceFlow id="${from}_${to}" sourceRef="${from}" targetRef="${to}"/>`;
    })
    .join('\n');
}

export interface Ok {
  readonly map: ProcessMap;
  readonly notes: readonly ImportNote[];
}

/** Imports `text`, expecting a map. */
export async function imported(text: string): Promise<Ok> {
  const result = await importBpmn(text);
  if (!result.ok) expect.fail(`refused: ${result.code} ${result.message}`);
  return { map: result.map, notes: result.notes };
}

export const step = (map: ProcessMap, id: string) => {
  const found = map.steps.find((s) => s.id === id);
  if (!found) expect.fail(`no step "${id}" in ${map.steps.map((s) => s.id).join(', ')}`);
  return found;
};

export const roleName = (map: ProcessMap, stepId: string) =>
  map.roles.find((r) => r.id === step(map, stepId).roleId)?.name;

/** Flows as "from>to" pairs, sorted. */
export const pairs = (map: ProcessMap): string[] =>
  map.flows.map((f) => `${f.from}>${f.to}`).sort();

export const noteOf = (notes: readonly ImportNote[], code: string) =>
  notes.find((n) => n.code === code);
