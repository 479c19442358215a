import { type ProcessMap, type Scenario, scenarioMap } from '@procmap/model';
import type { Flag } from './args';

/*
 * `--scenario ID` on analyze, simulate and export: the command reads that scenario's process
 * (its roles, steps and flows under the map's header, comments and settings with the
 * scenario's overrides) instead of the as-is. "as-is" names the map's own process. An id the
 * map does not have is the command's misuse (exit 2), said with the ids the map has.
 */

/** The option, as the commands' flag lists take it. */
export const SCENARIO_FLAG: Flag = { name: 'scenario', value: true };

export type ChosenProcess =
  | {
      readonly ok: true;
      /** The process as a map of its own; the map itself for the as-is. */
      readonly map: ProcessMap;
      /** The scenario; undefined for the as-is. */
      readonly scenario: Scenario | undefined;
    }
  | { readonly ok: false; readonly message: string };

/** The process `--scenario` names (`id` as typed; undefined: the as-is). */
export function chosenProcess(map: ProcessMap, id: string | undefined): ChosenProcess {
  if (id === undefined) return { ok: true, map, scenario: undefined };
  const found = scenarioMap(map, id);
  if (!found.ok) return { ok: false, message: found.message };
  return { ok: true, map: found.map, scenario: found.scenario };
}
