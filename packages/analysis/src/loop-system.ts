import type { CompiledGraph } from '@procmap/model';
import { type SparseRows, sparseRows } from './linear';

/** One loop's unknowns: each member step's place in the system, and the rows of K. */
export interface LoopSystem {
  /** Step index to its place among the members (its row and column). */
  readonly local: Map<number, number>;
  /** Row r: the flows joining members[r] to the loop's own steps, each with its share. */
  readonly rows: SparseRows;
}

/**
 * K of x = rhs + K x for the steps of one loop: row r holds the flows between members[r] and
 * the loop's own steps, with coefficient `weights[e]`. Along `in`, the flows arriving at the step
 * (what visits it: expected and critical visits); along `out`, the flows leaving it (what follows
 * it: the time left to the end).
 */
export function loopSystem(
  g: CompiledGraph,
  members: readonly number[],
  weights: Float64Array,
  along: 'in' | 'out',
): LoopSystem {
  const start = along === 'in' ? g.inStart : g.outStart;
  const edges = along === 'in' ? g.inEdges : g.outEdges;
  const otherEnd = along === 'in' ? g.edgeFrom : g.edgeTo;
  const local = new Map<number, number>();
  for (let k = 0; k < members.length; k++) local.set(members[k] as number, k);
  let size = 0;
  for (const m of members) size += (start[m + 1] as number) - (start[m] as number);
  const rows = sparseRows(members.length, size);
  let filled = 0;
  for (let r = 0; r < members.length; r++) {
    const m = members[r] as number;
    for (let k = start[m] as number; k < (start[m + 1] as number); k++) {
      const e = edges[k] as number;
      const other = local.get(otherEnd[e] as number);
      if (other === undefined) continue;
      rows.cols[filled] = other;
      rows.coefs[filled] = weights[e] as number;
      filled++;
    }
    rows.start[r + 1] = filled;
  }
  return { local, rows };
}
