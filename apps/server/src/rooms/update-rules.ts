import { COLLECTIONS, type Collection, docMaps } from '@procmap/doc';
import {
  AS_IS_ID,
  CURRENT_VERSION,
  checkRecord,
  FORMAT_NAME,
  LABEL_FIELDS,
  labelLengthProblem,
  MAX_NESTING,
  type Problem,
  tooDeep,
  validateMap,
} from '@procmap/model';
import * as Y from 'yjs';

/*
 * The map's rules, checked on what one client update touched. A Yjs update can write anything
 * a Y.Doc can hold — a title that is a number, a negative wait, a step kind nobody knows — and
 * the room would store it and relay it to everyone, then fail to give back a valid file. So
 * each record the update changed (a role, step, flow or comment, or the map's own fields) is
 * checked against the file format once the update is applied to the room's scratch copy; an
 * update that breaks one is refused like one that does not apply. Cost: the records touched,
 * never the whole map.
 */

/** A scenario's parts that hold records (ADR 9). */
type Part = 'roles' | 'steps' | 'flows';
const PARTS: ReadonlySet<string> = new Set<Part>(['roles', 'steps', 'flows']);

/** What one transaction changed in one scenario: its own fields, and records of its parts. */
export interface ScenarioTouch {
  own: boolean;
  readonly records: Map<Part, Set<string>>;
}

/** What one transaction changed: the records (collection + id) and whether the map's own fields. */
export interface Touched {
  readonly records: Map<Collection, Set<string>>;
  header: boolean;
  /** Scenarios changed, by id: their own fields, or records in their parts (ADR 9). */
  readonly scenarios: Map<string, ScenarioTouch>;
  /**
   * Changes no map can hold, found while tracing: content in the list part of a Y.Map (which
   * `toJSON` never shows, so no other check would see it), or nesting too deep to trace.
   */
  readonly invalid: Problem[];
}

/** The records and header a transaction on `doc` changed, nested types traced to their record. */
export function touchedBy(doc: Y.Doc, tr: Y.Transaction): Touched {
  const maps = docMaps(doc);
  const tops = new Map<unknown, Collection>(COLLECTIONS.map((name) => [maps[name], name]));
  const meta: unknown = maps.meta;
  const scenarios: unknown = maps.scenarios;
  const touched: Touched = { records: new Map(), header: false, scenarios: new Map(), invalid: [] };
  const scenario = (id: string): ScenarioTouch => {
    let entry = touched.scenarios.get(id);
    if (!entry) {
      entry = { own: false, records: new Map() };
      touched.scenarios.set(id, entry);
    }
    return entry;
  };
  /** A scenario written whole (new, or replaced): its fields and every record it holds. */
  const wholeScenario = (id: string) => {
    const entry = scenario(id);
    entry.own = true;
    const value = maps.scenarios.get(id);
    if (!(value instanceof Y.Map)) return;
    for (const part of PARTS) {
      const records = value.get(part);
      if (records instanceof Y.Map) for (const key of records.keys()) addIn(id, part as Part, key);
    }
  };
  const addIn = (id: string, part: Part, key: string) => {
    const records = scenario(id).records;
    const ids = records.get(part) ?? new Set<string>();
    records.set(part, ids);
    ids.add(key);
  };
  const add = (collection: Collection, id: string) => {
    const ids = touched.records.get(collection) ?? new Set<string>();
    touched.records.set(collection, ids);
    ids.add(id);
  };
  const invalid = (path: string, message: string) =>
    touched.invalid.push({ path, code: 'bad-value', message, severity: 'error' });
  for (const [type, keys] of tr.changed) {
    // A Y.Map's list part: the map's own fields, a list of records or a record.
    if (type instanceof Y.Map && keys.has(null)) invalid(listPath(type, tops, meta), LIST_CONTENT);
    if (type === meta) {
      touched.header = true;
      continue;
    }
    if (type === scenarios) {
      for (const key of keys) if (key !== null) wholeScenario(key);
      continue;
    }
    const inScenario = scenarioPath(type as Y.AbstractType<unknown>, scenarios);
    if (inScenario === 'too-deep') {
      invalid('scenarios', `nested more than ${MAX_NESTING} levels deep`);
      continue;
    }
    if (inScenario) {
      const [id, part, record] = inScenario;
      if (id === undefined) continue;
      if (part === undefined) {
        // The scenario's own map: its fields, or a part replaced whole (a new Y.Map of records
        // made in the same transaction lists no change of its own): check every record in it.
        scenario(id).own = true;
        const value = maps.scenarios.get(id);
        for (const key of keys) {
          if (key === null || !PARTS.has(key) || !(value instanceof Y.Map)) continue;
          const records = value.get(key);
          if (records instanceof Y.Map) for (const r of records.keys()) addIn(id, key as Part, r);
        }
      } else if (!PARTS.has(part)) scenario(id).own = true;
      else if (record !== undefined) addIn(id, part as Part, record);
      else for (const key of keys) if (key !== null) addIn(id, part as Part, key);
      continue;
    }
    const top = tops.get(type);
    if (top) {
      for (const key of keys) if (key !== null) add(top, key);
      continue;
    }
    // A nested type (a record, its votes or replies, the settings): climb to what holds it, no
    // further than a file may nest (each level costs a step, and a chain thousands deep would
    // make every update touching it cost the square of that).
    let child: Y.AbstractType<unknown> = type as Y.AbstractType<unknown>;
    for (let level = 0; ; level++) {
      const item = child._item;
      const parent = item?.parent;
      if (!item || !(parent instanceof Y.AbstractType)) break;
      if (level >= MAX_NESTING) {
        invalid('(nested)', `nested more than ${MAX_NESTING} levels deep`);
        break;
      }
      if (parent instanceof Y.Map && typeof item.parentSub !== 'string') {
        invalid(listPath(parent, tops, meta), LIST_CONTENT);
        break;
      }
      if (parent === meta) {
        touched.header = true;
        break;
      }
      const holder = tops.get(parent);
      if (holder) {
        add(holder, item.parentSub as string);
        break;
      }
      child = parent as Y.AbstractType<unknown>;
    }
  }
  return touched;
}

/**
 * Where a nested type sits when it is inside a scenario: the scenario's id, then the keys down to
 * it (a part, a record id...); undefined when it is not in `scenarios`; 'too-deep' past the
 * nesting a file allows.
 */
function scenarioPath(
  type: Y.AbstractType<unknown>,
  scenarios: unknown,
): string[] | 'too-deep' | undefined {
  const keys: string[] = [];
  let child = type;
  for (let level = 0; ; level++) {
    const item = child._item;
    const parent = item?.parent;
    if (!item || !(parent instanceof Y.AbstractType)) return undefined;
    if (level >= MAX_NESTING) return 'too-deep';
    if (typeof item.parentSub === 'string') keys.unshift(item.parentSub);
    if (parent === scenarios) return keys;
    child = parent as Y.AbstractType<unknown>;
  }
}

const LIST_CONTENT =
  'holds list content: a map, a list of records and a record are keyed fields only';

/** Where a Y.Map is, for a problem's path: the map's own fields, a list, or some record. */
function listPath(map: Y.Map<unknown>, tops: Map<unknown, Collection>, meta: unknown): string {
  if (map === meta) return 'map';
  const top = tops.get(map);
  if (top) return top;
  const item = map._item;
  const holder = item ? tops.get(item.parent) : undefined;
  if (holder && typeof item?.parentSub === 'string') return `${holder}[${item.parentSub}]`;
  return '(nested)';
}

/**
 * Problems with the touched records as they now are in `doc`. Deleted records are fine. With
 * `partial` (part of the update still waits for a missing dependency), a missing field is not
 * a problem: the rest of the record may be in what is still to come.
 */
export function touchedProblems(doc: Y.Doc, touched: Touched, partial: boolean): Problem[] {
  const problems: Problem[] = [...touched.invalid];
  for (const [collection, ids] of touched.records) {
    const map = doc.getMap<unknown>(collection);
    for (const id of ids) {
      if (!map.has(id)) continue;
      problems.push(...recordProblems(collection, map.get(id), id, `${collection}[${id}]`, 2));
    }
  }
  for (const [id, entry] of touched.scenarios) problems.push(...scenarioProblems(doc, id, entry));
  if (touched.header) {
    const meta = doc.getMap<unknown>('meta').toJSON();
    const deep = tooDeep(meta);
    if (deep !== undefined) problems.push(tooDeepProblem(`map.${fieldOf(deep)}`));
    else {
      problems.push(...checkRecord('header', meta, 'map'));
      if (meta.scenarios !== undefined) problems.push(...keptScenarioProblems(meta.scenarios));
    }
  }
  return partial ? problems.filter((p) => p.code !== 'missing') : problems;
}

/**
 * Problems with one record as it now is: a map of its fields, valid for its list, no deeper
 * than a file may nest at `depth` levels in, and keyed by its own id.
 */
function recordProblems(
  collection: Collection,
  record: unknown,
  id: string,
  at: string,
  depth: number,
): Problem[] {
  if (!(record instanceof Y.Map)) {
    return [
      {
        path: at,
        code: 'wrong-type',
        message: 'a record must be a map of its fields',
        severity: 'error',
      },
    ];
  }
  const value = record.toJSON() as Record<string, unknown>;
  // The same nesting limit as a file's, or the map could no longer be written out, exported or
  // loaded.
  const deep = tooDeep(value, MAX_NESTING - depth);
  if (deep !== undefined) return [tooDeepProblem(`${at}.${fieldOf(deep)}`)];
  const problems = checkRecord(collection, value, at); // kinds are named as the lists
  if (value.id !== undefined && value.id !== id) {
    problems.push({
      path: `${at}.id`,
      code: 'bad-value',
      message: `must be the record's key "${id}"`,
      severity: 'error',
    });
  }
  return problems;
}

/** Problems with what an update changed in one scenario (deleted scenarios are fine). */
function scenarioProblems(doc: Y.Doc, id: string, entry: ScenarioTouch): Problem[] {
  const scenario = doc.getMap<unknown>('scenarios').get(id);
  if (scenario === undefined) return [];
  const at = `scenarios[${id}]`;
  const problem = (path: string, message: string): Problem => ({
    path,
    code: 'bad-value',
    message,
    severity: 'error',
  });
  if (!(scenario instanceof Y.Map)) return [problem(at, 'a scenario must be a map of its fields')];
  const problems: Problem[] = [];
  if (entry.own) {
    if (id === AS_IS_ID) problems.push(problem(at, `"${AS_IS_ID}" names the map's own process`));
    const own: Record<string, unknown> = { id };
    for (const [key, value] of scenario.entries()) {
      if (PARTS.has(key) || key === 'ideas') continue;
      own[key] = value instanceof Y.AbstractType ? value.toJSON() : value;
    }
    const deep = tooDeep(own, MAX_NESTING - 2);
    if (deep !== undefined) problems.push(tooDeepProblem(`${at}.${fieldOf(deep)}`));
    else problems.push(...checkRecord('scenario', own, at));
    for (const part of PARTS) {
      if (!(scenario.get(part) instanceof Y.Map)) {
        problems.push(problem(`${at}.${part}`, 'must be a map of records keyed by id'));
      }
    }
    const ideas = scenario.get('ideas');
    if (ideas !== undefined && !(ideas instanceof Y.Map)) {
      problems.push(problem(`${at}.ideas`, 'must be a set of comment ids'));
    } else if (ideas instanceof Y.Map) {
      for (const [key, value] of ideas.entries()) {
        if (value !== true) problems.push(problem(`${at}.ideas[${key}]`, 'must be true'));
      }
    }
  }
  for (const [part, ids] of entry.records) {
    const records = scenario.get(part);
    if (!(records instanceof Y.Map)) continue;
    for (const recordId of ids) {
      if (!records.has(recordId)) continue;
      // A scenario's record sits four levels into a file: the file, its scenarios, the
      // scenario, its list.
      const path = `${at}.${part}[${recordId}]`;
      problems.push(...recordProblems(part, records.get(recordId), recordId, path, 4));
    }
  }
  return problems;
}

/**
 * Scenarios an older replica keeps in the map's own fields (ADR 9): held to the file's rules
 * (checked as the scenarios of an empty map), since the first replica that knows scenarios
 * moves them into the document as they are.
 */
function keptScenarioProblems(kept: unknown): Problem[] {
  const probe = {
    format: FORMAT_NAME,
    version: CURRENT_VERSION,
    title: '',
    roles: [],
    steps: [],
    flows: [],
    scenarios: kept,
  };
  return validateMap(probe)
    .problems.filter((p) => p.severity === 'error')
    .map((p) => ({ ...p, path: `map.${p.path}` }));
}

/** The field a path starts with ("custom" of "custom[0][0]…"): a path thousands deep says no more. */
const fieldOf = (path: string) => path.split(/[.[]/, 1)[0] ?? path;

const tooDeepProblem = (path: string): Problem => ({
  path,
  code: 'out-of-range',
  message: `nested more than ${MAX_NESTING} levels deep`,
  severity: 'error',
});

/** The top-level types a document may hold: the four lists and `meta`, and any an older map held. */
export interface DocumentShape {
  readonly types: ReadonlySet<string>;
}

/** The shape of a loaded document, to hold later updates to. */
export function shapeOf(doc: Y.Doc): DocumentShape {
  return { types: new Set([...COLLECTIONS, 'meta', 'scenarios', ...doc.share.keys()]) };
}

/**
 * Problems with the document as a whole after an update (`after`, the room's document with it
 * applied, against `before`, the room's document): a new top-level type (other Yjs clients would
 * store and relay it, and no file holds it), or a changed `format` or `version` (the map would
 * stop being the file it is). Cost: the top-level types, and two fields.
 */
export function shapeProblems(
  after: Y.Doc,
  before: Y.Doc,
  shape: DocumentShape,
  header: boolean,
): Problem[] {
  const problems: Problem[] = [];
  for (const name of after.share.keys()) {
    if (shape.types.has(name)) continue;
    problems.push({
      path: JSON.stringify(name.slice(0, 40)),
      code: 'bad-value',
      message: 'not part of a map: a map holds meta, roles, steps, flows, comments and scenarios',
      severity: 'error',
    });
  }
  if (header) {
    const now = after.getMap<unknown>('meta');
    const was = before.getMap<unknown>('meta');
    for (const field of ['format', 'version'] as const) {
      if (now.get(field) === was.get(field)) continue;
      problems.push({
        path: `map.${field}`,
        code: 'bad-value',
        message: `cannot be changed (it is ${JSON.stringify(was.get(field))})`,
        severity: 'error',
      });
    }
  }
  return problems;
}

/**
 * Names (labels, lane names, the title) the update made longer than the file format allows.
 * Only a name the update changed counts: a map stored before the cap existed keeps its long
 * names, and editing another field of that step is still taken. Cost: one field per record.
 */
export function labelProblems(after: Y.Doc, before: Y.Doc, touched: Touched): Problem[] {
  const problems: Problem[] = [];
  const check = (now: unknown, was: unknown, path: string) => {
    if (now === was) return;
    const problem = labelLengthProblem(now, path);
    if (problem) problems.push(problem);
  };
  for (const [collection, ids] of touched.records) {
    if (collection === 'comments') continue;
    const field = LABEL_FIELDS[collection];
    const nowMap = after.getMap<unknown>(collection);
    const wasMap = before.getMap<unknown>(collection);
    for (const id of ids) {
      const now = nowMap.get(id);
      if (!(now instanceof Y.Map)) continue;
      const was = wasMap.get(id);
      check(
        now.get(field),
        was instanceof Y.Map ? was.get(field) : undefined,
        `${collection}[${id}].${field}`,
      );
    }
  }
  for (const [id, entry] of touched.scenarios) {
    const now = after.getMap<unknown>('scenarios').get(id);
    if (!(now instanceof Y.Map)) continue;
    const was = before.getMap<unknown>('scenarios').get(id);
    const wasMap = was instanceof Y.Map ? was : undefined;
    if (entry.own) check(now.get('name'), wasMap?.get('name'), `scenarios[${id}].name`);
    for (const [part, ids] of entry.records) {
      const field = LABEL_FIELDS[part];
      const nowPart = now.get(part);
      const wasPart = wasMap?.get(part);
      if (!(nowPart instanceof Y.Map)) continue;
      for (const recordId of ids) {
        const record = nowPart.get(recordId);
        if (!(record instanceof Y.Map)) continue;
        // A record new to the scenario (a copy just made) is held to the as-is's record of the
        // same id: a name kept from before the cap may be copied, as it may be kept.
        const old = wasPart instanceof Y.Map ? wasPart.get(recordId) : undefined;
        const asIs = before.getMap<unknown>(part).get(recordId);
        const was = old instanceof Y.Map ? old : asIs instanceof Y.Map ? asIs : undefined;
        check(record.get(field), was?.get(field), `scenarios[${id}].${part}[${recordId}].${field}`);
      }
    }
  }
  if (touched.header) {
    check(after.getMap('meta').get('title'), before.getMap('meta').get('title'), 'map.title');
  }
  return problems;
}
