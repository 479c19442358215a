import type { CompiledGraph } from '@procmap/model';

/*
 * Where the parallel branches of a split meet again (AND-joins). A case that reaches a step with
 * several ways out (not a decision) goes down all of them at once; the branches' join is the
 * first step, in flow order, that every branch can reach. The case waits there until all its
 * branches have arrived or ended, and goes on once. Flows back to earlier steps (rework) are left
 * out of "flow order", which a depth-first walk from the entries finds.
 */

/** Per step: the join of its parallel branches, or -1 (not a split, or branches never meet). */
export function joinsOf(g: CompiledGraph, entries: readonly number[]): Int32Array {
  const n = g.steps.length;
  const join = new Int32Array(n).fill(-1);
  let splits = 0;
  for (let i = 0; i < n; i++) if (g.parallel[i]) splits++;
  if (splits === 0) return join;

  const { rank, back } = flowOrder(g, entries);
  const seen = new Int32Array(n);
  const stack: number[] = [];
  for (let s = 0; s < n; s++) {
    if (!g.parallel[s]) continue;
    // How many of the split's branches reach each step, counted by one walk per branch.
    seen.fill(0);
    let branches = 0;
    for (let k = g.outStart[s] as number; k < (g.outStart[s + 1] as number); k++) {
      const e = g.outEdges[k] as number;
      if (back[e]) continue;
      branches++;
      const start = g.edgeTo[e] as number;
      // A step counts once per branch.
      const visited = new Set<number>();
      stack.push(start);
      visited.add(start);
      while (stack.length > 0) {
        const i = stack.pop() as number;
        seen[i] = (seen[i] as number) + 1;
        for (let q = g.outStart[i] as number; q < (g.outStart[i + 1] as number); q++) {
          const f = g.outEdges[q] as number;
          const to = g.edgeTo[f] as number;
          if (back[f] || visited.has(to) || to === s) continue;
          visited.add(to);
          stack.push(to);
        }
      }
    }
    let best = -1;
    for (let i = 0; i < n; i++) {
      if (seen[i] !== branches || i === s) continue;
      if (best < 0 || (rank[i] as number) < (rank[best] as number)) best = i;
    }
    join[s] = best;
  }
  return join;
}

/**
 * Flow order: each step's rank in a topological order of the flows without the back flows, and
 * which flows go back (to a step still being walked: rework).
 */
function flowOrder(
  g: CompiledGraph,
  entries: readonly number[],
): { rank: Int32Array; back: Uint8Array } {
  const n = g.steps.length;
  const state = new Uint8Array(n); // 0 unseen, 1 on the walk, 2 done
  const back = new Uint8Array(g.edgeFrom.length);
  const post: number[] = [];
  const roots = [...entries];
  for (let i = 0; i < n; i++) roots.push(i);
  for (const root of roots) {
    if (state[root]) continue;
    const steps = [root];
    const cursor = [g.outStart[root] as number];
    state[root] = 1;
    while (steps.length > 0) {
      const top = steps.length - 1;
      const i = steps[top] as number;
      const k = cursor[top] as number;
      if (k < (g.outStart[i + 1] as number)) {
        cursor[top] = k + 1;
        const e = g.outEdges[k] as number;
        const to = g.edgeTo[e] as number;
        if (state[to] === 1) back[e] = 1;
        else if (state[to] === 0) {
          state[to] = 1;
          steps.push(to);
          cursor.push(g.outStart[to] as number);
        }
        continue;
      }
      state[i] = 2;
      post.push(i);
      steps.pop();
      cursor.pop();
    }
  }
  const rank = new Int32Array(n);
  for (let k = 0; k < post.length; k++) rank[post[k] as number] = post.length - 1 - k;
  return { rank, back };
}
