import * as Y from 'yjs';
import { cloneJson, insertRecord } from './codec';
import type { DocMaps, RecordMap } from './shape';

/*
 * A scenario's part of the document (ADR 9): a Y.Map under the top-level `scenarios`, keyed by
 * the scenario's id, holding its own fields as plain values, `ideas` as a Y.Map set of comment
 * ids, `settings` as a Y.Map of overrides, and `roles`, `steps`, `flows` shaped exactly as the
 * map's top-level maps, so every command of this package edits a scenario as it edits the as-is.
 */

/** The parts of a scenario held as nested types, created with the scenario. */
export const SCENARIO_PARTS = ['roles', 'steps', 'flows'] as const;
export type ScenarioPart = (typeof SCENARIO_PARTS)[number];

/** The scenario's own fields, in file order (its lists and nested parts read separately). */
export const SCENARIO_FIELDS = ['id', 'name', 'description', 'createdAt'] as const;

/** Keys of a scenario Y.Map that are not plain fields. */
export const SCENARIO_NESTED: ReadonlySet<string> = new Set([
  ...SCENARIO_PARTS,
  'ideas',
  'settings',
]);

/** One nested part of a scenario, or undefined when a foreign client left it out. */
export function scenarioPart(
  scenario: Y.Map<unknown>,
  part: ScenarioPart,
): Y.Map<RecordMap> | undefined {
  const value = scenario.get(part);
  return value instanceof Y.Map ? (value as Y.Map<RecordMap>) : undefined;
}

/**
 * The maps a command edits when it targets this scenario: its own roles, steps and flows, its
 * settings in place of the map's (the scenario Y.Map holds `settings` as `meta` does), and the
 * map's comments, which stay with the map.
 */
export function scenarioMaps(maps: DocMaps, scenario: Y.Map<unknown>): DocMaps {
  const part = (name: ScenarioPart) => {
    const found = scenarioPart(scenario, name);
    if (found) return found;
    // Only a foreign client leaves a part out; made on first use, as settings are.
    return scenario.set(name, new Y.Map<RecordMap>()) as Y.Map<RecordMap>;
  };
  return {
    roles: part('roles'),
    steps: part('steps'),
    flows: part('flows'),
    comments: maps.comments,
    meta: scenario,
    scenarios: maps.scenarios,
  };
}

/** What a new scenario holds, as a file's scenario record does. */
export interface ScenarioContent {
  readonly name: string;
  readonly description?: string;
  readonly createdAt?: string;
  readonly ideas?: readonly string[];
  readonly settings?: Readonly<Record<string, unknown>>;
  readonly roles: readonly { readonly id: string }[];
  readonly steps: readonly { readonly id: string }[];
  readonly flows: readonly { readonly id: string }[];
  readonly [other: string]: unknown;
}

/** Puts a scenario into `scenarios` under `id`, each part nested. Run inside one transaction. */
export function insertScenario(
  maps: DocMaps,
  id: string,
  content: ScenarioContent,
): Y.Map<unknown> {
  const scenario = maps.scenarios.set(id, new Y.Map<unknown>());
  const { roles, steps, flows, ideas, settings, id: _id, ...fields } = content;
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) scenario.set(key, cloneJson(value));
  }
  const ideaSet = scenario.set('ideas', new Y.Map<boolean>());
  for (const idea of ideas ?? []) ideaSet.set(idea, true);
  const settingsMap = scenario.set('settings', new Y.Map<unknown>());
  for (const [key, value] of Object.entries(settings ?? {})) {
    if (value !== undefined) settingsMap.set(key, cloneJson(value));
  }
  const roleMap = scenario.set('roles', new Y.Map<RecordMap>());
  const stepMap = scenario.set('steps', new Y.Map<RecordMap>());
  const flowMap = scenario.set('flows', new Y.Map<RecordMap>());
  for (const role of roles) insertRecord(roleMap, role.id, role);
  for (const step of steps) insertRecord(stepMap, step.id, step);
  for (const flow of flows) insertRecord(flowMap, flow.id, flow);
  return scenario;
}
