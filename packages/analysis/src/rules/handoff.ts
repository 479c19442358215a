import { percent } from '../context';
import { finding, type Rule } from '../finding';
import { round2 } from '../metrics';

/**
 * Transport: every flow between roles is a handoff; when more than a third of the flows are,
 * the finding lists them. Time at stake: the expected waits in front of the receiving steps.
 */
export const handoff: Rule = {
  id: 'handoff',
  run(ctx) {
    const { g, v, thresholds: th, metrics } = ctx;
    const total = g.edgeFrom.length;
    const edges: number[] = [];
    const steps: number[] = [];
    let waits = 0;
    const claims: number[] = [];
    for (let e = 0; e < total; e++) {
      const from = g.edgeFrom[e] as number;
      const to = g.edgeTo[e] as number;
      if (g.roleIds[from] === g.roleIds[to]) continue;
      edges.push(e);
      steps.push(from, to);
      const wait = (v[from] as number) * (g.edgeWeight[e] as number) * (g.waitTime[to] as number);
      waits += wait;
      if (wait > 0) claims.push(to, wait, 0);
    }
    if (total === 0 || !(edges.length > th.handoffShare * total)) return [];
    return [
      finding(ctx, 'handoff', {
        waste: 'transport',
        severity: 'warning',
        steps,
        edges,
        message:
          `${edges.length} of ${total} flows (${percent(ctx, edges.length / total)}) hand the work to ` +
          `another role; a case changes hands ${round2(metrics.handoffs)} times on average. ` +
          'Each handoff is a queue and a chance to lose information.',
        timeAtStake: waits,
        claims,
      }),
    ];
  },
};
