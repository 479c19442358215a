import { AS_IS_ID, type ProcessMap } from '@procmap/model';
import type { RefusalCode } from '@procmap/protocol';
import { HttpError } from './respond';

/*
 * How the API refuses a scenario a map does not have, alike for reading the map, comparing and
 * exporting: a 400 like an unknown step (the map itself was found), its message naming the ids
 * there are and its `scenarios` listing them all, the as-is first.
 */

/** The code of that refusal. */
export const UNKNOWN_SCENARIO: RefusalCode = 'unknown-scenario';

/** The ids a request may name on this map: the as-is, then each scenario in file order. */
export function scenarioIds(map: ProcessMap): string[] {
  return [AS_IS_ID, ...(map.scenarios ?? []).map((s) => s.id)];
}

/** Refuses a scenario the map does not have; `message` is the model's, naming the ids. */
export function unknownScenario(map: ProcessMap, message: string): HttpError {
  return new HttpError(UNKNOWN_SCENARIO, message, { scenarios: scenarioIds(map) });
}

/** The one `scenario=` of a query (undefined when absent); given twice, it is refused. */
export function scenarioOption(url: URL): string | undefined {
  const given = url.searchParams.getAll('scenario');
  if (given.length > 1) {
    throw new HttpError(
      'bad-request',
      `scenario= is given ${given.length} times: give one scenario id`,
    );
  }
  return given[0];
}
