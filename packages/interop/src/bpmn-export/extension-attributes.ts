import type { ProcessMap, Role, Step } from '@procmap/model';
import { xmlSafe } from './xml-text';

/*
 * procmap's own data in a BPMN file: attributes in the procmap namespace on the elements they
 * describe (BPMN 2.0 allows attributes of other namespaces on every element). Other tools keep
 * them or drop them; procmap's import reads them back. Every value is text: numbers as decimals,
 * lists (dataEntered, systems) and time variations as JSON, since their items may hold any
 * character. docs/interop/bpmn-export.md lists them.
 */

/** The namespace of procmap's attributes, and the prefix this export declares for it. */
export const PROCMAP_BPMN_NS = 'urn:procmap:bpmn:1';
export const PROCMAP_PREFIX = 'procmap';

/** How a field's value is written as an attribute. */
type Encoding = 'number' | 'text' | 'json';

/** The step fields written, in this order, each with its encoding. */
export const STEP_ATTRIBUTES: readonly (readonly [keyof Step & string, Encoding])[] = [
  ['processTime', 'number'],
  ['waitTime', 'number'],
  ['valueClass', 'text'],
  ['activity', 'text'],
  ['completeAccurate', 'number'],
  ['batchSize', 'number'],
  ['dataEntered', 'json'],
  ['systems', 'json'],
  ['processVariation', 'json'],
  ['waitVariation', 'json'],
];

/** The role fields written on its lane (the name is the lane's name). */
export const ROLE_ATTRIBUTES: readonly (readonly [keyof Role & string, Encoding])[] = [
  ['order', 'number'],
  ['headcount', 'number'],
  ['hourlyCost', 'number'],
  ['color', 'text'],
];

/** Which generated element an attribute `procmap:generated` marks (see parallel-gateways.ts). */
export type GeneratedKind = 'parallel-split' | 'parallel-join' | 'merge' | 'flow';

/** A number as a plain decimal (no exponent), or undefined when it is not a finite number. */
export function decimal(value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(12).replace(/\.?0+$/, '');
}

function encode(value: unknown, encoding: Encoding): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (encoding === 'number') return decimal(value);
  if (encoding === 'text') return typeof value === 'string' && value !== '' ? value : undefined;
  // Text inside is cleaned before it is quoted: JSON would write a NUL as \u0000, which XML
  // carries but the reader would decode back into the forbidden character.
  const json = JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'string' ? xmlSafe(v) : v,
  );
  return json === undefined ? undefined : json;
}

/** The qualified name of one of our attributes. */
export function qualified(name: string): string {
  return `${PROCMAP_PREFIX}:${name}`;
}

/** Attributes for `record`'s fields in `table`, each value made safe for XML. */
function attributesOf(
  record: object,
  table: readonly (readonly [string, Encoding])[],
): Record<string, string> {
  const out: Record<string, string> = {};
  const fields = record as Record<string, unknown>;
  for (const [name, encoding] of table) {
    const value = encode(fields[name], encoding);
    if (value !== undefined) out[qualified(name)] = xmlSafe(value);
  }
  return out;
}

/** A step's procmap attributes (its BPMN id apart: see originalId). */
export function stepAttributes(step: Step): Record<string, string> {
  return attributesOf(step, STEP_ATTRIBUTES);
}

/** A role's procmap attributes, for its lane. */
export function roleAttributes(role: Role): Record<string, string> {
  return attributesOf(role, ROLE_ATTRIBUTES);
}

/** A flow's probability, when it has one. */
export function flowAttributes(flow: { readonly probability?: unknown }): Record<string, string> {
  const p = decimal(flow.probability);
  return p === undefined ? {} : { [qualified('probability')]: p };
}

/** `procmap:id` when the BPMN id had to differ from the procmap id. */
export function originalId(id: string, bpmnId: string): Record<string, string> {
  return id === bpmnId ? {} : { [qualified('id')]: xmlSafe(id) };
}

/** The map's identity and settings, on its process. */
export function mapAttributes(map: ProcessMap): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (name: string, value: string | undefined) => {
    if (value !== undefined && value !== '') out[qualified(name)] = xmlSafe(value);
  };
  put('mapId', typeof map.id === 'string' ? map.id : undefined);
  const s = map.settings;
  put('hoursPerDay', decimal(s?.hoursPerDay));
  put('daysPerWeek', decimal(s?.daysPerWeek));
  put('currency', typeof s?.currency === 'string' ? s.currency : undefined);
  put('demandCount', decimal(s?.demand?.count));
  put('demandPer', typeof s?.demand?.per === 'string' ? s.demand.per : undefined);
  put('demandArrivals', typeof s?.demand?.arrivals === 'string' ? s.demand.arrivals : undefined);
  return out;
}

/** Marks an element the export added (a gateway or a flow to or from one). */
export function generatedAttribute(kind: GeneratedKind): Record<string, string> {
  return { [qualified('generated')]: kind };
}

/**
 * Reads procmap attributes back from an element's attributes (`$attrs` in bpmn-moddle), for an
 * import: the fields of `table` that are present and decode, by field name. `prefix` is the one
 * the file binds to PROCMAP_BPMN_NS (usually "procmap"). Values that do not decode are left out.
 */
export function readAttributes(
  attrs: Readonly<Record<string, unknown>>,
  table: readonly (readonly [string, Encoding])[],
  prefix: string = PROCMAP_PREFIX,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, encoding] of table) {
    const raw = attrs[`${prefix}:${name}`];
    if (typeof raw !== 'string') continue;
    if (encoding === 'text') out[name] = raw;
    else if (encoding === 'number') {
      const n = Number(raw);
      if (raw.trim() !== '' && Number.isFinite(n)) out[name] = n;
    } else {
      try {
        out[name] = JSON.parse(raw);
      } catch {
        // Not JSON: left out, as a field the file does not give.
      }
    }
  }
  return out;
}
