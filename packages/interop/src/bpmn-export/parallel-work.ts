/*
 * Where a map has parallel work, as BPMN needs it said. In procmap, a non-decision step with
 * several ways out sends the case down all of them, and where those branches meet the case goes
 * on once. BPMN says both with gateways: a parallel split after the step, and a parallel join
 * before the step where sibling branches meet. A step reached by several flows of one branch
 * (alternatives inside it) keeps them as alternatives: they meet at an exclusive merge first.
 *
 * Branches are found as the analysis finds them (visits.ts there): flows out of a split carry
 * a label naming the split and the branch; a step reached by sibling labels of one split is
 * their join, and its label goes back to the split's own. Rework flows (back to an earlier step
 * along a depth-first walk) carry no branch and join nothing. Linear in the map's size apart
 * from steps with several labels arriving.
 */

/** The parallel work of a map: its splits, and each join with the flows that meet there. */
export interface ParallelWork {
  /** Step indices with several ways out that are not decisions. */
  readonly splits: ReadonlySet<number>;
  /** Per joining step index: the edge indices meeting there, grouped by branch (each ≥ 1). */
  readonly joins: ReadonlyMap<number, readonly (readonly number[])[]>;
}

/** Edges as parallel arrays: edge e goes from `from[e]` to `to[e]` (step indices). */
export interface Edges {
  readonly from: readonly number[];
  readonly to: readonly number[];
}

/** Depth-first walk: back edges (to a step on the current path) and a topological order. */
function walk(
  n: number,
  out: readonly number[][],
  edges: Edges,
  roots: readonly number[],
): { order: number[]; back: Uint8Array } {
  const state = new Uint8Array(n); // 0 new, 1 on the path, 2 done
  const back = new Uint8Array(edges.from.length);
  const post: number[] = [];
  const visit = (root: number) => {
    if (state[root] !== 0) return;
    const stack = [root];
    const cursor = [0];
    state[root] = 1;
    while (stack.length > 0) {
      const u = stack[stack.length - 1] as number;
      const at = cursor[cursor.length - 1] as number;
      const list = out[u] as number[];
      if (at < list.length) {
        cursor[cursor.length - 1] = at + 1;
        const e = list[at] as number;
        const v = edges.to[e] as number;
        if (state[v] === 1) back[e] = 1;
        else if (state[v] === 0) {
          state[v] = 1;
          stack.push(v);
          cursor.push(0);
        }
        continue;
      }
      state[u] = 2;
      post.push(u);
      stack.pop();
      cursor.pop();
    }
  };
  for (const r of roots) visit(r);
  for (let i = 0; i < n; i++) visit(i);
  return { order: post.reverse(), back };
}

/**
 * The splits and joins of a graph of `n` steps. `isDecision(i)` says which steps choose one way
 * out; `roots` are where the walk starts (the start steps, in map order).
 */
export function findParallelWork(
  n: number,
  edges: Edges,
  isDecision: (i: number) => boolean,
  roots: readonly number[],
): ParallelWork {
  const out: number[][] = Array.from({ length: n }, () => []);
  const into: number[][] = Array.from({ length: n }, () => []);
  for (let e = 0; e < edges.from.length; e++) {
    (out[edges.from[e] as number] as number[]).push(e);
    (into[edges.to[e] as number] as number[]).push(e);
  }
  const splits = new Set<number>();
  for (let i = 0; i < n; i++) if (!isDecision(i) && (out[i] as number[]).length > 1) splits.add(i);
  const joins = new Map<number, number[][]>();
  if (splits.size === 0) return { splits, joins };

  const { order, back } = walk(n, out, edges, roots);
  // Label 0 is the whole case; label k > 0 is a branch of split `split[k]` within `parent[k]`.
  const parent = [-1];
  const split = [-1];
  const depth = [0];
  const edgeLabel = new Int32Array(edges.from.length);
  for (const u of order) {
    // Labels arriving, with the edges that bring each.
    const members = new Map<number, number[]>();
    for (const e of into[u] as number[]) {
      if (back[e]) continue;
      const l = edgeLabel[e] as number;
      const list = members.get(l);
      if (list) list.push(e);
      else members.set(l, [e]);
    }
    const groups: number[][] = [];
    for (;;) {
      const bySplit = new Map<number, number[]>();
      for (const l of members.keys()) {
        const s = split[l] as number;
        if (s < 0) continue;
        const list = bySplit.get(s);
        if (list) list.push(l);
        else bySplit.set(s, [l]);
      }
      const siblings = [...bySplit.values()].find((list) => list.length > 1);
      if (!siblings) break;
      const up = parent[siblings[0] as number] as number;
      const joined = members.get(up) ?? [];
      for (const l of siblings) {
        const list = members.get(l) as number[];
        if (!groups.some((g) => g === list)) groups.push(list);
        joined.push(...list);
        members.delete(l);
      }
      members.set(up, joined);
    }
    if (groups.length > 0) joins.set(u, mergeNested(groups));
    let label = 0;
    let best = -1;
    for (const l of members.keys()) {
      if (best < 0 || (depth[l] as number) < (depth[best] as number)) best = l;
    }
    if (best >= 0) label = best;
    const ways = out[u] as number[];
    if (splits.has(u)) {
      for (const e of ways) {
        parent.push(label);
        split.push(u);
        depth.push((depth[label] as number) + 1);
        edgeLabel[e] = parent.length - 1;
      }
    } else for (const e of ways) edgeLabel[e] = label;
  }
  return { splits, joins };
}

/**
 * The branch groups of one join, each edge in exactly one group: a group joined again at an
 * outer split was copied into its parent's list, so keep only groups no other group contains.
 */
function mergeNested(groups: number[][]): number[][] {
  const seen = new Set<number>();
  const out: number[][] = [];
  // Innermost groups were pushed first; a later (outer) list repeats their edges.
  for (const g of groups) {
    const fresh = g.filter((e) => !seen.has(e));
    for (const e of fresh) seen.add(e);
    if (fresh.length > 0) out.push(fresh);
  }
  return out;
}
