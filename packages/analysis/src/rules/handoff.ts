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
    const total = g.edges.length;
    const edges: number[] = [];
    const steps: number[] = [];
    let waits = 0;
    for (let e = 0; e < total; e++) {
      const edge = g.edges[e] as { from: number; to: number; weight: number };
      if (g.roleIds[edge.from] === g.roleIds[edge.to]) continue;
      edges.push(e);
      steps.push(edge.from, edge.to);
      waits += (v[edge.from] as number) * edge.weight * (g.waitTime[edge.to] as number);
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
      }),
    ];
  },
};
