import { AS_IS_ID } from './schema';
import type { ProcessMap, Scenario, Settings } from './types';

export { AS_IS_ID };

/*
 * A scenario seen as a map of its own (ADR 9), so everything that reads a map — the analysis,
 * the simulation, the exports, the canvas — runs on any scenario unchanged: the map's header and
 * comments, the scenario's roles, steps and flows, and the map's settings with the scenario's
 * overrides. An overridden setting replaces the map's whole (a scenario's `demand` is its demand,
 * not a mix of two), so what a scenario says is what it runs with.
 */

/** The scenario `id` of the map, or undefined (never for "as-is", which is the map itself). */
export function findScenario(map: ProcessMap, id: string): Scenario | undefined {
  if (id === AS_IS_ID) return undefined;
  return map.scenarios?.find((s) => s.id === id);
}

export type ScenarioLookup =
  | { readonly ok: true; readonly map: ProcessMap; readonly scenario: Scenario | undefined }
  | { readonly ok: false; readonly message: string };

/**
 * The process `id` names as a map: the map itself for "as-is" (the same object), else the
 * scenario's process under the map's header, comments and merged settings, without the
 * `scenarios` list. An unknown id is refused with a sentence naming the ids there are.
 */
export function scenarioMap(map: ProcessMap, id: string): ScenarioLookup {
  if (id === AS_IS_ID) return { ok: true, map, scenario: undefined };
  const scenario = findScenario(map, id);
  if (scenario === undefined) {
    const ids = [AS_IS_ID, ...(map.scenarios ?? []).map((s) => s.id)];
    const shown = ids.slice(0, 6).map((s) => `"${clip(s)}"`);
    if (ids.length > 6) shown.push(`and ${ids.length - 6} more`);
    return {
      ok: false,
      message: `no scenario "${clip(id)}" in this map: use ${shown.join(', ')}`,
    };
  }
  const { scenarios: _scenarios, ...header } = map;
  const settings = mergeSettings(map.settings, scenario.settings);
  const out: ProcessMap = {
    ...header,
    ...(settings === undefined ? {} : { settings }),
    roles: scenario.roles,
    steps: scenario.steps,
    flows: scenario.flows,
  };
  return { ok: true, map: out, scenario };
}

/** The map's settings with a scenario's overrides, each overridden setting replaced whole. */
function mergeSettings(
  base: Settings | undefined,
  overrides: Settings | undefined,
): Settings | undefined {
  if (overrides === undefined || Object.keys(overrides).length === 0) return base;
  return { ...(base ?? {}), ...overrides };
}

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 39)}…` : s);
