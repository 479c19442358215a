import { duration, inFlowOrder, named, namesOf } from '../context';
import { ACTIVITY, type Graph } from '../graph';
import { finding, listOf, ownClaims, type Rule, stepFinding } from '../finding';
import type { Finding } from '../types';

// Module functions, not closures made per run: V8 would optimise each new closure again.
const isApproval = (g: Graph, i: number) => g.activity[i] === ACTIVITY.approval;

/** The root of i's set, halving the path on the way (union-find). */
function root(parent: Int32Array, i: number): number {
  let r = i;
  while (parent[r] !== r) r = parent[r] as number;
  while (parent[i] !== r) {
    const next = parent[i] as number;
    parent[i] = r;
    i = next;
  }
  return r;
}

/**
 * Overprocessing: two or more approvals in a row (time at stake: every approval after the
 * first), or an approval that waits ten times longer than it takes (its wait).
 */
export const approvalChain: Rule = {
  id: 'approval-chain',
  run(ctx) {
    const { g, v, thresholds: th } = ctx;
    const n = g.steps.length;
    // Union-find over flows joining two approvals: each set of 2+ is one chain.
    const parent = new Int32Array(n);
    for (let i = 0; i < n; i++) parent[i] = i;
    const chainEdges: number[] = [];
    for (let e = 0; e < g.edgeFrom.length; e++) {
      const from = g.edgeFrom[e] as number;
      const to = g.edgeTo[e] as number;
      if (from === to || !isApproval(g, from) || !isApproval(g, to)) continue;
      chainEdges.push(e);
      parent[root(parent, from)] = root(parent, to);
    }
    const chains = new Map<number, number[]>();
    for (const e of chainEdges) {
      for (const i of [g.edgeFrom[e] as number, g.edgeTo[e] as number]) {
        const top = root(parent, i);
        const list = chains.get(top);
        if (!list) chains.set(top, [i]);
        else if (!list.includes(i)) list.push(i);
      }
    }
    const out: Finding[] = [];
    for (const [top, members] of chains) {
      const steps = inFlowOrder(ctx, members);
      const claims = ownClaims(ctx, steps.slice(1));
      let later = 0;
      for (let k = 0; k < claims.length; k += 3)
        later += (claims[k + 1] as number) + (claims[k + 2] as number);
      out.push(
        finding(ctx, 'approval-chain', {
          waste: 'overprocessing',
          severity: 'warning',
          steps,
          keepOrder: true,
          edges: chainEdges.filter((e) => root(parent, g.edgeFrom[e] as number) === top),
          message: `${steps.length} approvals in a row: ${listOf(namesOf(ctx, steps))}. Could one sign-off do?`,
          timeAtStake: later,
          claims,
        }),
      );
    }
    for (let i = 0; i < n; i++) {
      const wait = g.waitTime[i] as number;
      const work = g.processTime[i] as number;
      if (!isApproval(g, i) || !(wait > 0) || wait < th.approvalWaitRatio * work) continue;
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
          0,
        ),
      );
    }
    return out;
  },
};
