import { diffMaps, type ProcessMap, type Scenario, type Settings } from '@procmap/model';
import type { ScenarioMarks } from './scenario-marks';

/*
 * What the scenario banner says differs from the as-is, in one or two short sentences: its
 * steps ("1 step changed, 1 moved to another lane, 1 removed."), then its settings and roles
 * ("Demand and 1 role changed."). Pure: unit tested.
 */

/** Settings as the banner and the panel name them. */
const SETTING_WORDS: Readonly<Record<string, string>> = {
  hoursPerDay: 'hours per day',
  daysPerWeek: 'days per week',
  demand: 'demand',
  currency: 'currency',
  analysis: 'analysis thresholds',
  votesPerPerson: 'votes per person',
  simulation: 'simulation settings',
};

/** A setting's name in words: its own name when it has none. */
export const settingWords = (key: string): string => SETTING_WORDS[key] ?? key;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The settings a scenario's overrides make differ from the map's, by name in the file's order
 * of `SETTING_WORDS` (others after). An override equal to the map's value changes nothing.
 */
export function settingsChanged(map: Settings | undefined, overrides: Settings | undefined) {
  const keys = Object.keys(overrides ?? {}).filter(
    (k) =>
      JSON.stringify((overrides as Record<string, unknown>)[k]) !==
      JSON.stringify((map as Record<string, unknown> | undefined)?.[k]),
  );
  const order = Object.keys(SETTING_WORDS);
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return keys.sort((a, b) => rank(a) - rank(b));
}

/** The steps' differences: "1 step changed, 1 moved to another lane, 1 removed", or "". */
function stepsSaid(marks: ScenarioMarks): string {
  let added = 0;
  let changed = 0;
  let moved = 0;
  for (const mark of marks.steps.values()) {
    if (mark.added) added++;
    if (mark.changed.length > 0) changed++;
    if (mark.movedFrom !== undefined) moved++;
  }
  const removed = marks.removed.length;
  // The first part names steps; the rest are read as steps too.
  const parts: string[] = [];
  const part = (n: number, first: (n: number) => string, rest: string) => {
    if (n > 0) parts.push(parts.length === 0 ? first(n) : `${n} ${rest}`);
  };
  part(added, (n) => count(n, 'new step', 'new steps'), 'new');
  part(changed, (n) => `${count(n, 'step', 'steps')} changed`, 'changed');
  part(moved, (n) => `${count(n, 'step', 'steps')} moved to another lane`, 'moved to another lane');
  part(removed, (n) => `${count(n, 'step', 'steps')} removed`, 'removed');
  return parts.join(', ');
}

/** A list in words: "a", "a and b", "a, b and c". */
function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The settings and roles that differ: "Demand and 1 role changed; 1 role added", or "". */
function restSaid(asIs: ProcessMap, scenario: Scenario): string {
  const roles = diffMaps(asIs, scenario).roles;
  const changed = settingsChanged(asIs.settings, scenario.settings).map(settingWords);
  if (roles.changed.length > 0) changed.push(count(roles.changed.length, 'role', 'roles'));
  const parts: string[] = [];
  if (changed.length > 0) parts.push(`${listed(changed)} changed`);
  if (roles.added.length > 0) parts.push(`${count(roles.added.length, 'role', 'roles')} added`);
  if (roles.removed.length > 0) {
    parts.push(`${count(roles.removed.length, 'role', 'roles')} removed`);
  }
  return parts.join('; ');
}

/**
 * The scenario's differences from the as-is (`asIs`, the map) in words, for its banner:
 * "1 step changed, 1 moved to another lane, 1 removed. Demand and 1 role changed."
 */
export function scenarioSummary(
  asIs: ProcessMap,
  scenario: Scenario,
  marks: ScenarioMarks,
): string {
  const sentences = [stepsSaid(marks), restSaid(asIs, scenario)].filter(Boolean);
  if (sentences.length === 0) return 'Nothing differs from the as-is yet.';
  return sentences.map((s) => `${capital(s)}.`).join(' ');
}
