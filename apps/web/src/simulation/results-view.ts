import type {
  RoleResult,
  SimulationResult,
  SimulationWarning,
  StepResult,
} from '@procmap/simulation';

/*
 * The results as the tab and the canvas show them: each role's bar with what its warnings say,
 * the steps where cases queue longest, and each step's queue per case for the heat overlay.
 */

/** Minutes a case spends queueing for people at a step: per visit × visits per case. */
export function queuePerCase(step: StepResult): number {
  const perVisit = step.meanQueueTime ?? 0;
  return perVisit > 0 && step.visits > 0 ? perVisit * step.visits : 0;
}

/** Every step's queue per case, by id: the figures the heat overlay colours by. */
export function queueHeat(result: SimulationResult): ReadonlyMap<string, number> {
  return new Map(result.steps.map((s) => [s.id, queuePerCase(s)]));
}

/** The steps where cases queue longest per case, longest first; steps with no queue are left out. */
export function longestQueues(
  result: SimulationResult,
  count = 5,
): readonly { readonly step: StepResult; readonly perCase: number }[] {
  return result.steps
    .map((step) => ({ step, perCase: queuePerCase(step) }))
    .filter((s) => s.perCase > 0)
    .sort((a, b) => b.perCase - a.perCase || a.step.id.localeCompare(b.step.id))
    .slice(0, count);
}

/** How a role's bar is shown. */
export interface RoleRow {
  readonly role: RoleResult;
  /** 'unlimited' has no bar: as many people as it needed. */
  readonly state: 'ok' | 'busy' | 'overloaded' | 'unlimited';
  /** The bar's length, 0..1 (an overloaded role fills it). */
  readonly fill: number;
  /** "64% busy"; for an unlimited role, what that means. */
  readonly text: string;
  /** What the run's warnings say about the role (the overload message first). */
  readonly warnings: readonly SimulationWarning[];
}

/** A share above this is "busy": queues grow long well before a role is full. */
export const BUSY = 0.85;

/** The rows of the utilisation chart, in the run's order of roles. */
export function roleRows(result: SimulationResult): readonly RoleRow[] {
  return result.roles.map((role) => {
    const warnings = result.warnings
      .filter((w) => w.roleId === role.id)
      .sort((a, b) => Number(b.code === 'overloaded') - Number(a.code === 'overloaded'));
    if (role.headcount === null || role.utilisation === null) {
      return {
        role,
        state: 'unlimited',
        fill: 0,
        text: 'No headcount: as many people as needed',
        warnings,
      };
    }
    const u = role.utilisation;
    // Offered more work than its people can do: its measured share understates it (the run
    // ends with work still queued), so the bar is full and the warning says by how much.
    if (u >= 1 || warnings.some((w) => w.code === 'overloaded')) {
      return { role, state: 'overloaded', fill: 1, text: 'Overloaded', warnings };
    }
    return {
      role,
      state: u >= BUSY ? 'busy' : 'ok',
      fill: Math.min(1, Math.max(0, u)),
      text: `${Math.round(u * 100)}% busy`,
      warnings,
    };
  });
}

/** Warnings not about any one role (stuck cases, and the like), shown below the roles. */
export function otherWarnings(result: SimulationResult): readonly SimulationWarning[] {
  const roles = new Set(result.roles.map((r) => r.id));
  return result.warnings.filter((w) => w.roleId === undefined || !roles.has(w.roleId));
}
