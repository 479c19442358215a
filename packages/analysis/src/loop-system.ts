import type { CompiledGraph } from '@procmap/model';
import { type SparseRows, sparseRows } from './linear';

/** One loop's unknowns: each member step's place in the system, and the rows of K. */
export interface LoopSystem {
  /** Step index to its place among the members (its row and column). */
  readonly local: Map<number, number>;
  /** Row r: the flows into members[r] from the loop's own steps, each with its share. */
  readonly rows: SparseRows;
}

/**
 * K of x = rhs + K x for the steps of one loop, counting what arrives at each step: the flows
 * into it from steps of the same loop, with coefficient `weights[e]`. Expected visits and the
 * critical visits both solve their loops on this system, with different shares.
 */
export function inflowSystem(
  g: CompiledGraph,
  members: readonly number[],
  weights: Float64Array,
): LoopSystem {
  const local = new Map<number, number>();
  for (let k = 0; k < members.length; k++) local.set(members[k] as number, k);
  let size = 0;
  for (const m of members) size += (g.inStart[m + 1] as number) - (g.inStart[m] as number);
  const rows = sparseRows(members.length, size);
  let filled = 0;
  for (let r = 0; r < members.length; r++) {
    const m = members[r] as number;
    for (let k = g.inStart[m] as number; k < (g.inStart[m + 1] as number); k++) {
      const e = g.inEdges[k] as number;
      const from = local.get(g.edgeFrom[e] as number);
      if (from === undefined) continue;
      rows.cols[filled] = from;
      rows.coefs[filled] = weights[e] as number;
      filled++;
    }
    rows.start[r + 1] = filled;
  }
  return { local, rows };
}
