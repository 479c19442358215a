import type { ProcessMap, Scenario } from '@procmap/model';
import * as Y from 'yjs';
import { cloneJson, insertRecord } from './codec';
import { insertScenario } from './scenario-shape';
import { COLLECTIONS, type DocMaps } from './shape';

/*
 * Lossless import of a version-1 file into the document: every field of every record, known or
 * not, becomes a field of its Y.Map; top-level fields other than the four lists go to `meta`.
 * A comment's replies become a Y.Array and its votes a nested Y.Map (created empty when it has
 * none), so concurrent replies and votes all count. Scenarios go to `scenarios`, each whole.
 * The caller validates first; this only copies. Export is the snapshot (see SnapshotCache).
 */

const LIST_KEYS: ReadonlySet<string> = new Set([...COLLECTIONS, 'scenarios']);

/** Replaces the whole document content with the file's. Run inside one transaction. */
export function writeFile(maps: DocMaps, file: ProcessMap): void {
  for (const name of COLLECTIONS) maps[name].clear();
  maps.meta.clear();
  maps.scenarios.clear();
  const { settings, ...top } = file as ProcessMap & Record<string, unknown>;
  for (const [key, value] of Object.entries(top)) {
    if (!LIST_KEYS.has(key) && value !== undefined) maps.meta.set(key, cloneJson(value));
  }
  const settingsMap = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(settings ?? {})) {
    if (value !== undefined) settingsMap.set(key, cloneJson(value));
  }
  maps.meta.set('settings', settingsMap);
  for (const role of file.roles) insertRecord(maps.roles, role.id, role);
  for (const step of file.steps) insertRecord(maps.steps, step.id, step);
  for (const flow of file.flows) insertRecord(maps.flows, flow.id, flow);
  for (const comment of file.comments ?? []) {
    insertRecord(maps.comments, comment.id, comment, ['replies'], ['votes']);
  }
  writeScenarios(maps, file.scenarios ?? []);
}

/**
 * Puts a file's scenarios into the document's `scenarios` (ADR 9), each whole, in file order.
 * The validator has refused duplicate and reserved ids; a later duplicate would only replace an
 * earlier one.
 */
export function writeScenarios(maps: DocMaps, scenarios: readonly Scenario[]): void {
  for (const scenario of scenarios) insertScenario(maps, scenario.id, scenario);
}
