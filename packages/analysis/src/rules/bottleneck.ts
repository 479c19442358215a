import { duration, percent } from '../context';
import { finding, type Rule } from '../finding';
import { round2 } from '../metrics';
import type { Finding, RoleMetrics } from '../types';

/** Waiting: a role whose utilisation is 85% or more (critical at 100%) builds a queue. */
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
      // metrics.roles follows g.roles, so the role's steps are those whose role index is r.
      for (let i = 0; i < g.steps.length; i++) {
        if (g.role[i] === r && (v[i] as number) * (g.processTime[i] as number) > 0) steps.push(i);
      }
      const people = g.roleHeadcount[r] as number;
      let message =
        `${role.name || role.roleId} is ${percent(ctx, u)} utilised: ${duration(ctx, role.workPerCase)} of work ` +
        `per case for ${demand.count} cases a ${demand.per}, against ${people} ` +
        `${people === 1 ? 'person' : 'people'} with ${duration(ctx, demand.minutesPerPeriod)} each.`;
      if (role.queueGrowthPerPeriod !== null) {
        message += ` It cannot keep up: its queue grows by about ${round2(role.queueGrowthPerPeriod)} cases a ${demand.per}.`;
      } else message += ' Queues build up well before 100%.';
      out.push(
        finding(ctx, 'bottleneck', {
          waste: 'waiting',
          severity: u >= th.bottleneckCritical ? 'critical' : 'warning',
          steps,
          roleIds: [role.roleId],
          message,
          timeAtStake: role.workPerCase,
        }),
      );
    }
    return out;
  },
};
