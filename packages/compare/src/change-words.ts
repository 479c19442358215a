import { type FormatSettings, formatMinutes, formatMoney, formatShare } from '@procmap/analysis';

/*
 * The words a changed field goes by wherever a change is said: the properties panel's labels,
 * lower-cased ("process time", "wait before", "% complete and accurate"), and each value as the
 * analysis writes it (durations in the map's working day, shares as %, money in the map's
 * currency, a lane by its role's name). The Compare view, `procmap compare`, the improvement
 * report and the marks on the canvas all read these, so one change is named one way.
 */

/** The lists whose records a scenario changes. */
export type ChangeTable = 'steps' | 'flows' | 'roles';

const WORDS: Readonly<Record<ChangeTable, Readonly<Record<string, string>>>> = {
  steps: {
    kind: 'kind',
    label: 'name',
    roleId: 'lane',
    processTime: 'process time',
    waitTime: 'wait before',
    processVariation: 'process time varies',
    waitVariation: 'wait varies',
    valueClass: 'value class',
    activity: 'activity',
    completeAccurate: '% complete and accurate',
    dataEntered: 'data entered',
    systems: 'systems',
    batchSize: 'batch size',
    notes: 'notes',
    position: 'position',
  },
  flows: {
    from: 'from',
    to: 'to',
    label: 'label',
    probability: 'share of cases',
  },
  roles: {
    name: 'name',
    order: 'lane order',
    headcount: 'people',
    hourlyCost: 'hourly cost',
    color: 'colour',
  },
};

/** A field's word: "process time" for a step's processTime; a field not listed by its own name. */
export function fieldWord(table: ChangeTable, field: string): string {
  const words = WORDS[table];
  return Object.hasOwn(words, field) ? (words[field] as string) : field;
}

/** What a value needs beyond the formats: the names ids stand for. */
export interface ChangeContext extends FormatSettings {
  /** A role's name by id, for a step's lane; the id is shown when it gives none. */
  readonly roleName?: (id: string) => string | undefined;
  /** A step's label by id, for a flow's ends; the id is shown when it gives none. */
  readonly stepLabel?: (id: string) => string | undefined;
}

const quoted = (text: string) => `“${text}”`;

/** A time's variation in words: "always the same", "triangular, 4 min to 8 min". */
function variationWords(v: unknown, context: ChangeContext): string | undefined {
  if (v === undefined) return 'always the same';
  if (typeof v !== 'object' || v === null) return undefined;
  const r = v as Record<string, unknown>;
  const kind = typeof r.distribution === 'string' ? r.distribution : undefined;
  if (kind === undefined) return undefined;
  if (kind === 'fixed') return 'always the same';
  if (typeof r.min === 'number' && typeof r.max === 'number') {
    const time = (m: number) => formatMinutes(m, context.hoursPerDay);
    return `${kind}, ${time(r.min)} to ${time(r.max)}`;
  }
  if (typeof r.cv === 'number') return `${kind}, cv ${r.cv}`;
  return kind;
}

/** One value of a field in words, or undefined for a value better left unsaid (notes, colours). */
export function fieldValue(
  table: ChangeTable,
  field: string,
  v: unknown,
  context: ChangeContext,
): string | undefined {
  const key = `${table}.${field}`;
  switch (key) {
    case 'steps.processTime':
    case 'steps.waitTime':
      if (v === undefined) return 'none';
      return typeof v === 'number' ? formatMinutes(v, context.hoursPerDay) : undefined;
    case 'steps.processVariation':
    case 'steps.waitVariation':
      return variationWords(v, context);
    case 'steps.completeAccurate':
    case 'flows.probability':
      if (v === undefined) return 'not given';
      return typeof v === 'number' ? formatShare(v) : undefined;
    case 'roles.hourlyCost':
      if (v === undefined) return 'not given';
      return typeof v === 'number' ? formatMoney(v, context.currency) : undefined;
    case 'roles.headcount':
    case 'steps.batchSize':
      if (v === undefined) return 'not given';
      return typeof v === 'number' ? String(v) : undefined;
    case 'steps.label':
    case 'roles.name':
    case 'flows.label':
      if (v === undefined || v === '') return 'none';
      return typeof v === 'string' ? quoted(v) : undefined;
    case 'steps.roleId':
      return typeof v === 'string' ? context.roleName?.(v)?.trim() || v : undefined;
    case 'flows.from':
    case 'flows.to':
      return typeof v === 'string' ? quoted(context.stepLabel?.(v)?.trim() || v) : undefined;
    case 'steps.valueClass':
      if (v === undefined) return 'not classified';
      return typeof v === 'string' ? v : undefined;
    case 'steps.kind':
    case 'steps.activity':
      if (v === undefined) return 'not given';
      return typeof v === 'string' ? v : undefined;
    case 'steps.dataEntered':
    case 'steps.systems':
      if (v === undefined || (Array.isArray(v) && v.length === 0)) return 'none';
      return Array.isArray(v) ? v.map(String).join(', ') : undefined;
    case 'steps.notes':
    case 'steps.position':
    case 'roles.color':
    case 'roles.order':
      return undefined;
    default:
      // A field this version does not know: a plain value as it is, anything else unsaid.
      if (typeof v === 'string') return quoted(v);
      if (typeof v === 'number' || typeof v === 'boolean') return String(v);
      return undefined;
  }
}

/**
 * One field's change in words with its values: "wait before 2 h → 30 min", "lane Clerk →
 * Nurse", "systems PAS, paper → PAS"; the word alone when a value is better left unsaid.
 */
export function describeFieldChange(
  table: ChangeTable,
  field: string,
  before: unknown,
  after: unknown,
  context: ChangeContext,
): string {
  const word = fieldWord(table, field);
  const from = fieldValue(table, field, before, context);
  const to = fieldValue(table, field, after, context);
  if (from === undefined || to === undefined || from === to) return word;
  return `${word} ${from} → ${to}`;
}

/** A step moved to another lane, as a sentence: "moves from Clerk to Nurse". */
export function describeMove(fromLane: string, toLane: string): string {
  return `moves from ${fromLane} to ${toLane}`;
}
