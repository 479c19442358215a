import type { ProcessDoc } from '@procmap/doc';
import { findScenario, type Settings } from '@procmap/model';

/*
 * With a scenario shown, the settings panel edits the scenario's own settings: its overrides
 * of the map's (ADR 9). A field the scenario overrides is marked as changed in it, and emptied
 * goes back to the map's value; every other field shows the map's value, and a change there is
 * the scenario's only. These are the panel's words for it. Pure but for `scenarioSettingsOf`.
 */

/** The scenario whose settings the panel edits: its name, its overrides and the map's. */
export interface ScenarioSettings {
  readonly name: string;
  readonly overrides: Settings;
  readonly map: Settings;
}

/** The scenario shown by `doc`, with its settings; null on the as-is (or a scenario gone). */
export function scenarioSettingsOf(doc: ProcessDoc): ScenarioSettings | null {
  if (!doc.isScenario) return null;
  const whole = doc.map.getSnapshot();
  const scenario = findScenario(whole, doc.processId);
  if (!scenario) return null;
  return { name: scenario.name, overrides: scenario.settings ?? {}, map: whole.settings ?? {} };
}

/** Whether the scenario overrides the setting `key`. */
export function overrides(owner: ScenarioSettings | null, key: keyof Settings): boolean {
  return owner !== null && owner.overrides[key] !== undefined;
}

/** The heading of the panel's settings while a scenario is shown. */
export function scenarioSettingsHeading(owner: ScenarioSettings): string {
  const name = owner.name.trim() || 'Unnamed scenario';
  return `Scenario: ${name} — its settings (the map’s where not changed here)`;
}

/**
 * A settings field's hint: `plain` on the as-is; in a scenario, whether it is changed there
 * (and how to go back to the map's value, `mapValue` in words) or the map's own.
 */
export function settingHint(
  owner: ScenarioSettings | null,
  key: keyof Settings,
  plain: string,
  mapValue: string,
): string {
  if (owner === null) return plain;
  if (overrides(owner, key)) {
    return `Changed in this scenario (the map’s: ${mapValue}); empty = back to the map’s`;
  }
  return `The map’s value; a change here is this scenario’s only`;
}

/**
 * A role field's hint in a scenario, where the role is the scenario's own copy: the same as the
 * as-is's (`asIs` its value there, `'no role'` when the as-is has no such role) or changed.
 */
export function roleHint(
  inScenario: boolean,
  asIs: number | undefined | 'no role',
  value: number | undefined,
): string | undefined {
  if (!inScenario) return undefined;
  if (asIs === 'no role') return 'In this scenario (a role the as-is does not have)';
  if (asIs === value) return 'In this scenario (as in the as-is)';
  return `Changed in this scenario (as-is: ${asIs === undefined ? 'not set' : asIs})`;
}
