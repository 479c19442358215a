import { checkRecord, type RecordKind } from '@procmap/model';
import type { Element } from './elements';

/*
 * procmap's own data in a BPMN file: attributes in the namespace urn:procmap:bpmn:1, as the
 * export writes them (docs/interop/bpmn-export.md), read back so a map survives a trip through
 * BPMN: step times and classes, role headcounts and costs, branch probabilities, the map's
 * settings, comments' kinds and authors, and the procmap ids the export had to rename. The
 * namespace is found by its URI, whatever prefix binds it. Every value is checked as the map file
 * checks it; one that would not pass is left out and counted, never trusted.
 */

export const PROCMAP_NS = 'urn:procmap:bpmn:1';

type Encoding = 'number' | 'text' | 'json';

const STEP: readonly (readonly [string, Encoding])[] = [
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
const ROLE: readonly (readonly [string, Encoding])[] = [
  ['order', 'number'],
  ['headcount', 'number'],
  ['hourlyCost', 'number'],
  ['color', 'text'],
];
const COMMENT: readonly (readonly [string, Encoding])[] = [
  ['kind', 'text'],
  ['waste', 'text'],
  ['author', 'text'],
  ['createdAt', 'text'],
  ['replies', 'json'],
  ['votes', 'json'],
];

/** A record of each kind that passes, to check one field at a time against. */
const BASE: Record<string, Record<string, unknown>> = {
  steps: { id: 'x', roleId: 'x', kind: 'task', label: '' },
  roles: { id: 'x', name: '' },
  comments: { id: 'x', kind: 'note', author: '', text: '', createdAt: '' },
  flows: { id: 'x', from: 'x', to: 'x' },
  header: { title: '' },
};

function decode(text: string, encoding: Encoding): unknown {
  if (encoding === 'text') return text;
  if (encoding === 'number') {
    const n = text.trim() === '' ? Number.NaN : Number(text);
    return Number.isFinite(n) ? n : undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export class ProcmapData {
  private readonly prefixes = new Set<string>();
  /** Values present but not valid, left out. */
  ignored = 0;

  constructor(definitions: Element) {
    for (const [key, value] of Object.entries(attrsOf(definitions))) {
      if (key.startsWith('xmlns:') && value === PROCMAP_NS) this.prefixes.add(key.slice(6));
    }
  }

  /** The raw text of attribute `name` on `el`, if it has one. */
  raw(el: Element | undefined, name: string): string | undefined {
    const attrs = attrsOf(el);
    for (const prefix of this.prefixes) {
      const v = attrs[`${prefix}:${name}`];
      if (typeof v === 'string') return v;
    }
    for (const [key, value] of Object.entries(attrs)) {
      if (!key.startsWith('xmlns:') || value !== PROCMAP_NS) continue;
      const v = attrs[`${key.slice(6)}:${name}`];
      if (typeof v === 'string') return v;
    }
    return undefined;
  }

  /** What the export added this element as (`parallel-split`, `merge`…), if it did. */
  generated(el: Element | undefined): string | undefined {
    return this.raw(el, 'generated');
  }

  /** The procmap id the export had to rename, if any. */
  originalId(el: Element | undefined): string | undefined {
    const id = this.raw(el, 'id');
    return id !== undefined && id.trim() !== '' ? id : undefined;
  }

  stepFields(el: Element | undefined): Record<string, unknown> {
    return this.fields(el, STEP, 'steps');
  }

  roleFields(el: Element | undefined): Record<string, unknown> {
    return this.fields(el, ROLE, 'roles');
  }

  commentFields(el: Element | undefined): Record<string, unknown> {
    return this.fields(el, COMMENT, 'comments');
  }

  probability(el: Element | undefined): number | undefined {
    const p = this.fields(el, [['probability', 'number']], 'flows').probability;
    return typeof p === 'number' ? p : undefined;
  }

  /** The map's id and settings from a process's attributes. */
  header(el: Element | undefined): { id?: string; settings?: Record<string, unknown> } {
    const id = this.raw(el, 'mapId');
    const settings: Record<string, unknown> = {};
    const put = (key: string, value: unknown) => {
      if (value === undefined) return;
      if (checkRecord('header', { title: '', settings: { [key]: value } }, 'map').length === 0) {
        settings[key] = value;
      } else this.ignored++;
    };
    const number = (name: string) => {
      const text = this.raw(el, name);
      if (text === undefined) return undefined;
      const n = decode(text, 'number');
      if (n === undefined) this.ignored++;
      return n;
    };
    put('hoursPerDay', number('hoursPerDay'));
    put('daysPerWeek', number('daysPerWeek'));
    put('currency', this.raw(el, 'currency'));
    const count = number('demandCount');
    const per = this.raw(el, 'demandPer');
    const arrivals = this.raw(el, 'demandArrivals');
    if (count !== undefined || per !== undefined) {
      put('demand', { count, per, ...(arrivals === undefined ? {} : { arrivals }) });
    }
    return {
      ...(id !== undefined && id.trim() !== '' ? { id } : {}),
      ...(Object.keys(settings).length > 0 ? { settings } : {}),
    };
  }

  private fields(
    el: Element | undefined,
    table: readonly (readonly [string, Encoding])[],
    kind: RecordKind,
  ): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (this.prefixes.size === 0 && !Object.values(attrsOf(el)).includes(PROCMAP_NS)) return out;
    for (const [name, encoding] of table) {
      const text = this.raw(el, name);
      if (text === undefined) continue;
      const value = decode(text, encoding);
      const record = { ...BASE[kind], [name]: value };
      if (value !== undefined && checkRecord(kind, record, kind).length === 0) out[name] = value;
      else this.ignored++;
    }
    return out;
  }
}

function attrsOf(el: Element | undefined): Record<string, unknown> {
  const attrs = el?.$attrs;
  return typeof attrs === 'object' && attrs !== null ? (attrs as Record<string, unknown>) : {};
}
