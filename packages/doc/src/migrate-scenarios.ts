import { AS_IS_ID } from '@procmap/model';
import { insertScenario, type ScenarioContent } from './scenario-shape';
import type { DocMaps } from './shape';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const list = (v: unknown): { id: string }[] =>
  Array.isArray(v)
    ? v.filter((r): r is { id: string } => isRecord(r) && typeof r.id === 'string')
    : [];

/**
 * Moves a file's scenarios that an older replica kept in `meta.scenarios` (a top-level field it
 * did not know, ADR 9) into `scenarios`, each whole, and removes the field. A scenario already
 * in `scenarios` is left as it is (someone has edited it there since); entries that are not
 * scenarios (no id, or the reserved one) are dropped with the field, as no file could hold them.
 * Run inside one transaction.
 */
export function migrateScenarios(maps: DocMaps): void {
  const kept = maps.meta.get('scenarios');
  maps.meta.delete('scenarios');
  if (!Array.isArray(kept)) return;
  for (const raw of kept) {
    if (!isRecord(raw) || typeof raw.id !== 'string' || raw.id === '' || raw.id === AS_IS_ID) {
      continue;
    }
    if (maps.scenarios.has(raw.id)) continue;
    const content: ScenarioContent = {
      ...raw,
      name: typeof raw.name === 'string' ? raw.name : raw.id,
      ideas: Array.isArray(raw.ideas)
        ? raw.ideas.filter((i): i is string => typeof i === 'string')
        : [],
      settings: isRecord(raw.settings) ? raw.settings : {},
      roles: list(raw.roles),
      steps: list(raw.steps),
      flows: list(raw.flows),
    };
    insertScenario(maps, raw.id, content);
  }
}
