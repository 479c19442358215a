import { type Comparison, compareScenarios } from '@procmap/compare';
import { AS_IS_ID, type ProcessMap, scenarioMap } from '@procmap/model';
import { HttpError } from './respond';
import { scenarioOption, unknownScenario } from './scenario-refusal';

/*
 * A map's scenarios over the REST API (docs/server.md, "Scenarios"): one scenario as a map file
 * of its own (GET /api/maps/<id>?scenario=<id>) and the as-is beside its scenarios
 * (GET /api/maps/<id>/compare). Both only read the map, so a view token may ask for them;
 * scenarios are edited over the sync socket like the rest of the map.
 */

/** GET /api/maps/<id>?scenario=…: the scenario as a map file of its own, or the whole map. */
export function mapForScenario(url: URL, map: ProcessMap): ProcessMap {
  const scenario = scenarioOption(url);
  if (scenario === undefined || scenario === AS_IS_ID) return map;
  const found = scenarioMap(map, scenario);
  if (!found.ok) throw unknownScenario(map, found.message);
  return found.map;
}

/**
 * GET /api/maps/<id>/compare[?scenarios=a,b]: the as-is and the scenarios asked for (every one
 * when the option is left out), each with its analysis and changes, as `procmap compare --json`
 * gives them, at most MAX_COMPARED scenarios at a time. Analysis only: simulating here would
 * hold up everyone's sync.
 */
export function comparison(url: URL, map: ProcessMap): Comparison {
  const typed = url.searchParams.getAll('scenarios');
  let ids: string[] | undefined;
  if (typed.length > 0) {
    ids = typed
      .join(',')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    if (ids.length === 0) {
      throw new HttpError(
        'bad-request',
        'scenarios= names no scenario: give ids separated by commas, or leave it out to compare every scenario',
      );
    }
  }
  const asked = new Set(ids ?? (map.scenarios ?? []).map((s) => s.id));
  asked.delete(AS_IS_ID);
  if (asked.size > MAX_COMPARED) {
    throw new HttpError(
      'bad-request',
      `${asked.size} scenarios asked for: compare at most ${MAX_COMPARED} at a time (scenarios=a,b,…)`,
    );
  }
  const compared = compareScenarios(map, ids);
  if (!compared.ok) throw unknownScenario(map, compared.message);
  return compared.comparison;
}

/**
 * Scenarios one comparison may analyse: each is an analysis on the server's main thread (about
 * 3 ms for 1,000 steps), so a request stays within tens of milliseconds.
 */
export const MAX_COMPARED = 8;
