import { roundedDuration } from '@procmap/model';
import type { RoleResult, SimulationResult } from './result';

/*
 * The run in plain words for the room, from the result alone (the editor, the report and the
 * command line say the same): how long nine cases in ten take, and who the cases wait for.
 */

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** The role cases wait for longest in all (queue time per visit × visits), if any waits. */
function waitedFor(result: SimulationResult): RoleResult | undefined {
  let best: RoleResult | undefined;
  for (const role of result.roles) {
    if (role.meanQueueLength <= 0) continue;
    if (!best || role.meanQueueLength > best.meanQueueLength) best = role;
  }
  return best;
}

/** The busiest role with a headcount. */
function busiest(result: SimulationResult): RoleResult | undefined {
  let best: RoleResult | undefined;
  for (const role of result.roles) {
    if (role.utilisation === null) continue;
    if (!best || role.utilisation > (best.utilisation ?? 0)) best = role;
  }
  return best;
}

/**
 * "9 in 10 cases finish within 4.2 d; Triage nurse is busy 92% of the time and is where cases
 * wait." Durations in working time (a day is `hoursPerDay` hours).
 */
export function summarise(result: SimulationResult, hoursPerDay: number): string {
  const within = `9 in 10 cases finish within ${roundedDuration(result.leadTime.p90, hoursPerDay)}`;
  const overloaded = result.warnings.find((w) => w.code === 'overloaded');
  if (overloaded) return `${within}, but ${lowerFirst(overloaded.message)}.`;
  const waited = waitedFor(result);
  if (waited && waited.utilisation !== null) {
    return `${within}; ${waited.name} is busy ${percent(waited.utilisation)} of the time and is where cases wait (${roundedDuration(waited.meanQueueTime, hoursPerDay)} a visit on average).`;
  }
  const busy = busiest(result);
  if (busy && busy.utilisation !== null) {
    return `${within}; nobody waits long for people: the busiest role, ${busy.name}, is busy ${percent(busy.utilisation)} of the time.`;
  }
  return `${within}; nobody waits for people.`;
}

/** A warning's message inside a sentence: "Ward clerk cannot…" stays, "The…" becomes "the…". */
function lowerFirst(message: string): string {
  return message.startsWith('The ') ? `the ${message.slice(4)}` : message;
}
