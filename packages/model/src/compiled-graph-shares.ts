import type { Flow } from './types';

/*
 * The share of a decision's cases that takes each of its branches, from the flows'
 * probabilities. One rule for every reader of the compiled graph: the analysis' expected visits,
 * its what-ifs, and the simulation's routing all send cases down the same shares.
 */

/** A usable probability of a flow, or undefined (missing, out of range, not a number). */
function probabilityOf(flow: Flow | undefined): number | undefined {
  const p = flow?.probability;
  return typeof p === 'number' && Number.isFinite(p) && p >= 0 && p <= 1 ? p : undefined;
}

/**
 * Writes into `weights` the shares of the edges `outEdges[a .. b)` leaving one decision: missing
 * probabilities share the remainder equally; a set that does not sum to 1 is scaled to 1 so the
 * cases stay a distribution. Edges in `zero` count as probability 0. Returns the sum before
 * scaling, for the caller to report.
 */
export function writeBranchShares(
  outEdges: Int32Array,
  a: number,
  b: number,
  flows: readonly Flow[],
  weights: Float64Array,
  zero: ReadonlySet<number> | undefined,
): number {
  let given = 0;
  let missing = 0;
  for (let k = a; k < b; k++) {
    const e = outEdges[k] as number;
    const p = zero?.has(e) ? 0 : probabilityOf(flows[e]);
    if (p !== undefined) given += p;
    else missing++;
  }
  const share = missing > 0 ? Math.max(0, 1 - given) / missing : 0;
  let total = 0;
  for (let k = a; k < b; k++) {
    const e = outEdges[k] as number;
    const w = zero?.has(e) ? 0 : (probabilityOf(flows[e]) ?? share);
    weights[e] = w;
    total += w;
  }
  for (let k = a; k < b; k++) {
    const e = outEdges[k] as number;
    weights[e] = total > 0 ? (weights[e] as number) / total : 1 / (b - a);
  }
  return total;
}
