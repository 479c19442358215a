import { duration, named, percent } from '../context';
import { finding, type Rule } from '../finding';
import { round2 } from '../metrics';
import type { Finding, RoleMetrics } from '../types';

/**
 * Waiting: a role whose utilisation is 85% or more (critical at 100%) builds a queue. Time at
 * stake: the waits in front of the role's steps, the queue that capacity to keep up would clear.
 */
export const bottleneck: Rule = {
  id: 'bottleneck',
  run(ctx) {
    const { g, v, demand, thresholds: th, metrics } = ctx;
    const out: Finding[] = [];
    if (!demand) return out;
    for (let r = 0; r < metrics.roles.length; r++) {
      const role = metrics.roles[r] as RoleMetrics;
      const u = role.utilisation;
      if (u === null || u < th.bottleneckUtilisation) continue;
      const steps: number[] = [];
      const claims: number[] = [];
      let queue = 0;
      let busiest = -1;
      let most = 0;
      // metrics.roles follows g.roles, so the role's steps are those whose role index is r.
      for (let i = 0; i < g.steps.length; i++) {
        if (g.role[i] !== r) continue;
        const work = (v[i] as number) * (g.processTime[i] as number);
        if (!(work > 0)) continue;
        steps.push(i);
        const wait = (v[i] as number) * (g.waitTime[i] as number);
        if (wait > 0) claims.push(i, wait, 0);
        queue += wait;
        if (work > most) {
          most = work;
          busiest = i;
        }
      }
      const people = g.roleHeadcount[r] as number;
      let message =
        `${role.name || role.roleId} is ${percent(ctx, u)} utilised: ${duration(ctx, role.workPerCase)} of work ` +
        `per case for ${demand.count} cases a ${demand.per}, against ${people} ` +
        `${people === 1 ? 'person' : 'people'} with ${duration(ctx, demand.minutesPerPeriod)} each`;
      message +=
        busiest >= 0 && steps.length > 1
          ? `; most of it at ${named(ctx, busiest)} (${duration(ctx, most)} a case).`
          : '.';
      if (role.queueGrowthPerPeriod !== null) {
        message += ` It cannot keep up: its queue grows by about ${round2(role.queueGrowthPerPeriod)} cases a ${demand.per}.`;
      } else message += ' Queues build up well before 100%.';
      if (queue > 0) message += ` Cases wait ${duration(ctx, queue)} in front of its steps.`;
      out.push(
        finding(ctx, 'bottleneck', {
          waste: 'waiting',
          severity: u >= th.bottleneckCritical ? 'critical' : 'warning',
          steps,
          roleIds: [role.roleId],
          message,
          timeAtStake: queue,
          claims,
        }),
      );
    }
    return out;
  },
};
