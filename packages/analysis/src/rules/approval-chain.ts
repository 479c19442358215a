import { duration, inFlowOrder, named } from '../context';
import { ACTIVITY } from '../graph';
import { finding, stepFinding, listOf, own, type Rule } from '../finding';
import type { Finding } from '../types';

/**
 * Overprocessing: two or more approvals in a row (time at stake: every approval after the
 * first), or an approval that waits ten times longer than it takes (its wait).
 */
export const approvalChain: Rule = {
  id: 'approval-chain',
  run(ctx) {
    const { g, v, thresholds: th } = ctx;
    const n = g.steps.length;
    const approval = (i: number) => g.activity[i] === ACTIVITY.approval;
    // Union-find over flows joining two approvals: each set of 2+ is one chain.
    const parent = new Int32Array(n);
    for (let i = 0; i < n; i++) parent[i] = i;
    const find = (i: number): number => {
      let r = i;
      while (parent[r] !== r) r = parent[r] as number;
      while (parent[i] !== r) {
        const next = parent[i] as number;
        parent[i] = r;
        i = next;
      }
      return r;
    };
    const chainEdges: number[] = [];
    g.edges.forEach((edge, e) => {
      if (edge.from === edge.to || !approval(edge.from) || !approval(edge.to)) return;
      chainEdges.push(e);
      parent[find(edge.from)] = find(edge.to);
    });
    const chains = new Map<number, number[]>();
    for (const e of chainEdges) {
      const edge = g.edges[e] as { from: number; to: number };
      for (const i of [edge.from, edge.to]) {
        const root = find(i);
        const list = chains.get(root);
        if (!list) chains.set(root, [i]);
        else if (!list.includes(i)) list.push(i);
      }
    }
    const out: Finding[] = [];
    for (const [root, members] of chains) {
      const steps = inFlowOrder(ctx, members);
      let later = 0;
      for (const i of steps.slice(1)) later += (v[i] as number) * own(ctx, i);
      out.push(
        finding(ctx, 'approval-chain', {
          waste: 'overprocessing',
          severity: 'warning',
          steps,
          keepOrder: true,
          edges: chainEdges.filter((e) => find((g.edges[e] as { from: number }).from) === root),
          message: `${steps.length} approvals in a row: ${listOf(steps.map((i) => named(ctx, i)))}. Could one sign-off do?`,
          timeAtStake: later,
        }),
      );
    }
    for (let i = 0; i < n; i++) {
      const wait = g.waitTime[i] as number;
      const work = g.processTime[i] as number;
      if (!approval(i) || !(wait > 0) || wait < th.approvalWaitRatio * work) continue;
      const ratio = work > 0 ? ` (${Math.round((wait / work) * 10) / 10} times longer)` : '';
      out.push(
        stepFinding(
          ctx,
          'approval-chain',
          'overprocessing',
          'warning',
          i,
          `${named(ctx, i)} waits ${duration(ctx, wait)} for a sign-off that takes ${duration(ctx, work)}${ratio}.`,
          (v[i] as number) * wait,
        ),
      );
    }
    return out;
  },
};
