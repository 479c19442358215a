import { METRIC_DESCRIPTORS, type MetricDescriptor, type Metrics } from '@procmap/analysis';

/*
 * How each headline metric moves from the as-is to a scenario, and whether that is better or
 * worse, by the direction the metric's descriptor gives (less lead time is better, more right
 * first time is better). One reading for the Compare view, `procmap compare` and the report.
 */

/** better / worse by the descriptor; same; neither (a metric with no better direction); or unknown (a figure missing on one side). */
export type Verdict = 'better' | 'worse' | 'same' | 'neither' | 'unknown';

export interface MetricChange {
  readonly descriptor: MetricDescriptor;
  readonly before: number | null;
  readonly after: number | null;
  /** after − before; null when either figure is missing. */
  readonly change: number | null;
  readonly verdict: Verdict;
}

/** Two figures this close (relative to the larger) are the same: rounding, not a change. */
const SAME = 1e-9;

/** The verdict on one metric moving from `before` to `after`. */
export function verdictOf(
  better: MetricDescriptor['better'],
  before: number | null,
  after: number | null,
): Verdict {
  if (before === null || after === null || !Number.isFinite(before) || !Number.isFinite(after)) {
    return before === after ? 'same' : 'unknown';
  }
  const scale = Math.max(Math.abs(before), Math.abs(after), 1);
  if (Math.abs(after - before) <= SAME * scale) return 'same';
  if (better === null) return 'neither';
  return after < before === (better === 'lower') ? 'better' : 'worse';
}

/** Every headline metric, in the order they are shown, from the as-is's metrics to a scenario's. */
export function metricChanges(before: Metrics, after: Metrics): MetricChange[] {
  return METRIC_DESCRIPTORS.map((descriptor) => {
    const b = before[descriptor.key];
    const a = after[descriptor.key];
    return {
      descriptor,
      before: b,
      after: a,
      change: b === null || a === null ? null : a - b,
      verdict: verdictOf(descriptor.better, b, a),
    };
  });
}

/**
 * A role's reading: a metric's verdict, or idle when the role is still in the scenario but has
 * no work left in it (utilisation above 0 falls to 0). Less utilisation is better only while
 * the role still does something: a role left with nothing to do is a question, not a gain.
 */
export type RoleVerdict = Verdict | 'idle';

export interface RoleChange {
  readonly roleId: string;
  readonly name: string;
  /** Share of the role's time the demand asks for; null without demand or headcount, or when the role is not on that side. */
  readonly before: number | null;
  readonly after: number | null;
  /** Whether the role is on both sides, only the as-is (removed) or only the scenario (added). */
  readonly presence: 'both' | 'removed' | 'added';
  /** Lower utilisation is better (over 100% means a queue that grows); idle when it falls to 0. */
  readonly verdict: RoleVerdict;
}

/** Each role's utilisation in the as-is and the scenario: the as-is's roles first, then added ones. */
export function roleChanges(before: Metrics, after: Metrics): RoleChange[] {
  const afterById = new Map(after.roles.map((r) => [r.roleId as string, r]));
  const seen = new Set<string>();
  const out: RoleChange[] = [];
  for (const r of before.roles) {
    seen.add(r.roleId);
    const a = afterById.get(r.roleId);
    out.push({
      roleId: r.roleId,
      name: a?.name ?? r.name,
      before: r.utilisation,
      after: a ? a.utilisation : null,
      presence: a ? 'both' : 'removed',
      verdict: a ? roleVerdict(r.utilisation, a.utilisation) : 'unknown',
    });
  }
  for (const a of after.roles) {
    if (seen.has(a.roleId)) continue;
    out.push({
      roleId: a.roleId,
      name: a.name,
      before: null,
      after: a.utilisation,
      presence: 'added',
      verdict: 'unknown',
    });
  }
  return out;
}

/** A role's reading from its utilisation before and after: idle when work above 0 falls to 0. */
function roleVerdict(before: number | null, after: number | null): RoleVerdict {
  if (before !== null && after !== null && before > 0 && after === 0) return 'idle';
  return verdictOf('lower', before, after);
}
