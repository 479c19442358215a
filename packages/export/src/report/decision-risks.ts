import { type FormatSettings, formatValue } from '@procmap/analysis';
import type { MetricChange } from '@procmap/compare';
import type { SimulationResult } from '@procmap/simulation';
import { cleanText } from '../text';
import type { CaseStudy } from './case-study-data';

/*
 * What the decision paragraph sets beside the gains: what the scenario costs. The figures that
 * get worse, the roles it loads (near full from 85%, unable to keep up from 100%), the roles it
 * leaves with no work, and, when both were simulated, how far the slow cases sit from the lead
 * time on paper and why (cases queueing for someone).
 */

/** From this share of its people's time a role is near full: queues build up. */
export const NEAR_FULL = 0.85;

/** A role whose load rises by this much (a share) is named even below `NEAR_FULL`. */
const NOTABLE_RISE = 0.1;

/** Simulated 9-in-10 times this many times the lead time on paper are worth a sentence. */
const GAP = 1.25;

/** Queueing this share of the gap or more is named as its cause. */
const QUEUE_SHARE = 0.25;

/** "What it costs: …" naming each cost, or that none of the figures gets worse. */
export function costsSentence(study: CaseStudy, formats: FormatSettings): string {
  const costs = [
    ...worseFigures(study.metrics, formats),
    ...loadedRoles(study),
    ...idleRoles(study),
  ];
  if (costs.length === 0) return 'No figure gets worse and no role is left near full.';
  return `What it costs: ${list(costs)}.`;
}

/** "lead time rises from 1 h to 2 h", for each headline figure the scenario does worse on. */
function worseFigures(metrics: readonly MetricChange[], formats: FormatSettings): string[] {
  return metrics
    .filter((m) => m.verdict === 'worse' && m.before !== null && m.after !== null)
    .map((m) => {
      const show = (v: number) => formatValue(m.descriptor.unit, v, formats);
      const way = (m.after as number) > (m.before as number) ? 'rises' : 'falls';
      return `${m.descriptor.label.toLowerCase()} ${way} from ${show(m.before as number)} to ${show(m.after as number)}`;
    });
}

/** The roles the scenario loads more: over 100% they cannot keep up, from 85% they are near full. */
function loadedRoles({ roles }: CaseStudy): string[] {
  return roles
    .filter(
      (r) =>
        r.presence === 'both' &&
        r.verdict === 'worse' &&
        r.after !== null &&
        (r.after >= NEAR_FULL || r.after - (r.before ?? 0) >= NOTABLE_RISE),
    )
    .map((r) => {
      const who = roleName(r.name, r.roleId);
      const before = pct(r.before as number);
      const after = pct(r.after as number);
      if ((r.after as number) > 1)
        return `${who} cannot keep up (the demand needs ${after} of their time, ${before} today)`;
      if ((r.after as number) >= NEAR_FULL)
        return `${who} is near full (${after} busy, ${before} today), so cases queue`;
      return `${who} goes from ${before} to ${after} busy`;
    });
}

/** "the Clerk has no work left in this process", for roles whose work the scenario takes away. */
function idleRoles({ asIsAnalysis, toBeAnalysis, roles }: CaseStudy): string[] {
  const work = (list: CaseStudy['toBeAnalysis']['metrics']['roles'], id: string) =>
    list.find((r) => r.roleId === id)?.workPerCase ?? 0;
  const idle = roles.filter(
    (r) =>
      r.presence === 'both' &&
      work(asIsAnalysis.metrics.roles, r.roleId) > 0 &&
      work(toBeAnalysis.metrics.roles, r.roleId) === 0,
  );
  if (idle.length === 0) return [];
  const names = list(idle.map((r) => roleName(r.name, r.roleId)));
  return [`${names} ${idle.length === 1 ? 'has' : 'have'} no work left in this process`];
}

/**
 * What simulation adds: the slow cases against today's, and, when they take well over the lead
 * time on paper, why: the cases queue for someone, or times and paths vary from case to case.
 */
export function simulatedSentence(study: CaseStudy, formats: FormatSettings): string | undefined {
  const a = study.simulation?.asIs;
  const b = study.simulation?.toBe;
  if (!a?.ok || !b?.ok) return undefined;
  const t = (m: number) => formatValue('duration', m, formats);
  const p90 = b.result.leadTime.p90;
  const today = `against ${t(a.result.leadTime.p90)} today`;
  const paper = study.metrics.find((m) => m.descriptor.key === 'leadTime')?.after ?? null;
  if (paper === null || p90 < paper * GAP || t(p90) === t(paper)) {
    return `Simulated under the demand with the same random draws, 9 in 10 cases are done within ${t(p90)}, ${today}.`;
  }
  return `On paper a case takes ${t(paper)}, but simulated under the demand 9 in 10 cases take up to ${t(p90)} (${today}), ${cause(study, b.result, p90 - paper, t)}.`;
}

/**
 * Why the slow cases take longer than the lead time on paper, in one clause: the role cases
 * queue for longest, when queueing is a good part of the gap, else the spread of times and
 * paths (the lead time on paper is an average).
 */
function cause(
  { toBe }: CaseStudy,
  result: SimulationResult,
  gap: number,
  t: (minutes: number) => string,
): string {
  const roleOf = new Map(toBe.steps.map((s) => [s.id as string, s.roleId as string]));
  const queued = new Map<string, number>();
  for (const s of result.steps) {
    const role = roleOf.get(s.id);
    if (role === undefined || !s.meanQueueTime) continue;
    queued.set(role, (queued.get(role) ?? 0) + s.visits * s.meanQueueTime);
  }
  const total = [...queued.values()].reduce((n, q) => n + q, 0);
  const varies = 'times and paths vary from case to case';
  if (total < gap * QUEUE_SHARE) return `because ${varies}`;
  const [longest] = [...queued.entries()].sort((x, y) => y[1] - x[1]);
  const role = result.roles.find((r) => r.id === longest?.[0]);
  if (!longest || !role) return `because ${varies}`;
  const busiest = [...result.roles].sort((x, y) => (y.utilisation ?? 0) - (x.utilisation ?? 0))[0];
  const which = busiest?.id === role.id ? ', the busiest role' : '';
  return `because cases queue for ${roleName(role.name, role.id)}${which} (${t(longest[1])} a case on average) and ${varies}`;
}

const roleName = (name: string, id: string) => `the ${cleanText(name) || id}`;

/** A share as a whole percentage: "80%". */
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** "a, b and c". */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
