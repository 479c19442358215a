import { AS_IS_ID, CURRENT_VERSION, FORMAT_NAME, validateMap } from '@procmap/model';
import { insertScenario, type ScenarioContent } from './scenario-shape';
import type { DocMaps } from './shape';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const list = (v: unknown): { id: string }[] =>
  Array.isArray(v)
    ? v.filter((r): r is { id: string } => isRecord(r) && typeof r.id === 'string')
    : [];

/**
 * Whether a kept scenario is one a file could hold: checked as the only scenario of an empty
 * map (its own records and references; ideas naming no comment are only warnings).
 */
function validScenario(raw: Record<string, unknown>): boolean {
  const probe = {
    format: FORMAT_NAME,
    version: CURRENT_VERSION,
    title: '',
    roles: [],
    steps: [],
    flows: [],
    scenarios: [raw],
  };
  return validateMap(probe).ok;
}

/**
 * Moves a file's scenarios that an older replica kept in `meta.scenarios` (a top-level field it
 * did not know, ADR 9) into `scenarios`, each whole, and removes the field. A scenario already
 * in `scenarios` is left as it is (someone has edited it there since); entries no file could
 * hold (no id, the reserved one, invalid records) are dropped with the field.
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
    if (maps.scenarios.has(raw.id) || !validScenario(raw)) continue;
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
