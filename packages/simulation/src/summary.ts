import { roundedDuration } from '@procmap/model';
import type { RoleResult, SimulationResult, StepResult } from './result';

/*
 * The run in plain words for the room, from the result alone (the editor, the report and the
 * command line say the same): how long nine cases in ten take, where they queue longest (the
 * list of steps beside it agrees), and how busy the busiest role is. When a role cannot keep
 * up, that is the news: lead times then grow with the run's length, so no figure is steady.
 */

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** Less than this much queueing a case is nobody waiting. */
const NO_WAIT_MINUTES = 1;

/** The step where a case queues longest in all (queue time a visit × visits a case). */
function longestQueue(result: SimulationResult): { step: StepResult; perCase: number } | null {
  let best: { step: StepResult; perCase: number } | null = null;
  for (const step of result.steps) {
    const perCase = (step.meanQueueTime ?? 0) * step.visits;
    if (!best || perCase > best.perCase) best = { step, perCase };
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
 * "9 in 10 cases finish within 4.5 d; cases queue longest at "Dispense medicines" (1.6 h a
 * case), and the busiest role, Consultant, is busy 64% of the time." Durations in working time
 * (a day is `hoursPerDay` hours).
 */
export function summarise(result: SimulationResult, hoursPerDay: number): string {
  const time = (minutes: number) => roundedDuration(minutes, hoursPerDay);
  const p90 = time(result.leadTime.p90);
  const overloaded = result.warnings.find((w) => w.code === 'overloaded');
  if (overloaded) {
    return `${overloaded.message}, so lead times keep growing the longer the service runs: 9 in 10 of this run's cases finished within ${p90}, a figure that only grows with more cases.`;
  }
  const within = `9 in 10 cases finish within ${p90}`;
  const queue = longestQueue(result);
  const busy = busiest(result);
  const role =
    busy && busy.utilisation !== null
      ? `the busiest role, ${busy.name}, is busy ${percent(busy.utilisation)} of the time`
      : '';
  if (queue && queue.perCase >= NO_WAIT_MINUTES) {
    const label = queue.step.label.trim() === '' ? queue.step.id : queue.step.label;
    const where = `cases queue longest at "${label}" (${time(queue.perCase)} a case)`;
    return role ? `${within}; ${where}, and ${role}.` : `${within}; ${where}.`;
  }
  return role ? `${within}; nobody waits long: ${role}.` : `${within}; nobody waits long.`;
}
