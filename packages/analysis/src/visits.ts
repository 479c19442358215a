import { entryIndices } from '@procmap/model';
import type { Graph } from './graph';
import { solveLoop } from './linear';
import { loopSystem } from './loop-system';
import { type Components, components, membersOf } from './scc';

/*
 * Expected visits v(i) per case. Components of the flow graph are taken in topological order,
 * so every step's inflow is known before it is needed; a loop (a strongly connected component)
 * is solved on its own steps only. Linear in the size of the map, plus the loops' own solves.
 *
 * Parallel work: a non-decision step with several ways out sends the case down all of them.
 * Where those branches meet again the case is counted once (the largest branch inflow), not
 * once per branch: each branch carries a label naming its split, and a step reached by sibling
 * labels is their join. Inside a loop, parallel branches are summed (an approximation).
 */

/** One loop of the map: its steps, the flows that go back, and whether cases can leave it. */
export interface Loop {
  readonly component: number;
  /** Steps of the loop, in flow order from where cases enter it. */
  readonly steps: readonly number[];
  /** Edge indices of the flows that return to an earlier step of the loop. */
  readonly backEdges: readonly number[];
  /** False when no case ever leaves (for example a rework flow taken with probability 1). */
  readonly exits: boolean;
}

export interface Visits {
  readonly comps: Components;
  /** Steps where a case begins; each takes an equal share of the cases. */
  readonly entries: readonly number[];
  readonly v: Float64Array;
  /** Visits if every loop were passed once: the back flows left out. */
  readonly firstPass: Float64Array;
  /** Of a loop's step: the visits arriving from outside the loop (a start's share included). */
  readonly outside: Float64Array;
  readonly loops: readonly Loop[];
  /** Per component, the loop record (undefined for a step that is not a loop). */
  readonly loopOf: readonly (Loop | undefined)[];
}

/** Parallel-branch labels: label 0 is the whole case; others are a branch of a split. */
class Labels {
  readonly parent: number[] = [-1];
  readonly split: number[] = [-1];
  readonly depth: number[] = [0];
  add(parent: number, split: number): number {
    this.parent.push(parent);
    this.split.push(split);
    this.depth.push((this.depth[parent] as number) + 1);
    return this.parent.length - 1;
  }
}

/**
 * What the inflow of a step is read from. A plain object literal with a module function below,
 * not a closure made per analysis (V8 optimised each new one again) nor a class (V8 freed the
 * instance's hidden class at full garbage collections, and the optimised code using it).
 */
interface InflowState {
  readonly g: Graph;
  readonly comps: Components;
  readonly isEntry: Uint8Array;
  /** The share of the cases each entry takes. */
  readonly share: number;
  /** Visits so far, the branch label of each step and of each flow out of a parallel split. */
  readonly v: Float64Array;
  readonly label: Int32Array;
  readonly edgeLabel: Int32Array;
  readonly labels: Labels;
  /**
   * (label, value) pairs of one step's inflow, in a buffer sized once for the largest
   * in-degree: emptying a JS array with `length = 0` drops its storage, a new one per step.
   */
  readonly pairs: Float64Array;
}

/**
 * External inflow of step i (in component comp): entry share plus flows from other components,
 * joins merged. Read the result before the next call.
 */
function inflow(s: InflowState, i: number, comp: number): Merged {
  const { g, pairs, v } = s;
  let count = 0;
  if (s.isEntry[i]) {
    pairs[count++] = 0;
    pairs[count++] = s.share;
  }
  for (let k = g.inStart[i] as number; k < (g.inStart[i + 1] as number); k++) {
    const e = g.inEdges[k] as number;
    const from = g.edgeFrom[e] as number;
    if (s.comps.of[from] === comp) continue;
    const l = s.edgeLabel[e] as number;
    pairs[count++] = l >= 0 ? l : (s.label[from] as number);
    pairs[count++] = (v[from] as number) * (g.edgeWeight[e] as number);
  }
  return merge(pairs, count, s.labels);
}

/** Computes expected visits, the loops and their first-pass visits. */
export function expectedVisitsOf(g: Graph): Visits {
  const n = g.steps.length;
  const comps = components(g);
  const entries = entryIndices(g);

  const v = new Float64Array(n);
  const firstPass = new Float64Array(n);
  const outside = new Float64Array(n);
  const label = new Int32Array(n);
  const edgeLabel = new Int32Array(g.edgeFrom.length).fill(-1);
  const labels = new Labels();
  const loops: Loop[] = [];
  const loopOf: (Loop | undefined)[] = new Array(comps.count);
  const isEntry = new Uint8Array(n);
  for (const e of entries) isEntry[e] = 1;
  let maxIn = 0;
  for (let i = 0; i < n; i++) {
    maxIn = Math.max(maxIn, (g.inStart[i + 1] as number) - (g.inStart[i] as number));
  }
  const inflows: InflowState = {
    g,
    comps,
    isEntry,
    share: entries.length > 0 ? 1 / entries.length : 0,
    v,
    label,
    edgeLabel,
    labels,
    pairs: new Float64Array(2 * maxIn + 2),
  };
  for (let c = comps.count - 1; c >= 0; c--) {
    if (!comps.cyclic[c]) {
      const i = comps.single[c] as number;
      const { value, label: l } = inflow(inflows, i, c);
      v[i] = value;
      firstPass[i] = value;
      label[i] = l;
      if (g.parallel[i]) {
        for (let k = g.outStart[i] as number; k < (g.outStart[i + 1] as number); k++) {
          edgeLabel[g.outEdges[k] as number] = labels.add(l, i);
        }
      }
      continue;
    }
    const members = membersOf(comps, c);
    const { local, rows } = loopSystem(g, members, g.edgeWeight, 'in');
    const rhs = new Float64Array(members.length);
    let loopLabel = -1;
    for (let k = 0; k < members.length; k++) {
      const { value, label: l } = inflow(inflows, members[k] as number, c);
      rhs[k] = value;
      outside[members[k] as number] = value;
      if (value > 0 && loopLabel < 0) loopLabel = l;
    }
    for (const m of members) label[m] = Math.max(0, loopLabel);
    const { order, backEdges, isBack } = loopOrder(g, comps, c, members, rhs, local);
    // First pass: the loop's steps in flow order, back flows left out.
    const first = new Float64Array(members.length);
    for (const m of order) {
      const k = local.get(m) as number;
      let s = rhs[k] as number;
      for (let q = g.inStart[m] as number; q < (g.inStart[m + 1] as number); q++) {
        const e = g.inEdges[q] as number;
        const from = local.get(g.edgeFrom[e] as number);
        if (from === undefined || isBack.has(e)) continue;
        s += (first[from] as number) * (g.edgeWeight[e] as number);
      }
      first[k] = s;
    }
    const sweepOrder: number[] = [];
    for (const m of order) sweepOrder.push(local.get(m) as number);
    const solved = solveLoop(rows, rhs, sweepOrder);
    for (let k = 0; k < members.length; k++) {
      const m = members[k] as number;
      firstPass[m] = first[k] as number;
      v[m] = solved ? (solved[k] as number) : (first[k] as number);
    }
    const loop: Loop = { component: c, steps: order, backEdges, exits: solved !== null };
    loops.push(loop);
    loopOf[c] = loop;
  }
  return { comps, entries, v, firstPass, outside, loops, loopOf };
}

/**
 * Depth-first search inside one loop from where cases enter it: flows reaching a step still on
 * the search path go back (rework). Returns the steps in flow order (reverse postorder).
 */
function loopOrder(
  g: Graph,
  comps: Components,
  c: number,
  members: readonly number[],
  rhs: Float64Array,
  local: ReadonlyMap<number, number>,
): { order: number[]; backEdges: number[]; isBack: Set<number> } {
  const state = new Uint8Array(members.length); // 0 new, 1 on the path, 2 done
  const post: number[] = [];
  const backEdges: number[] = [];
  const roots = [
    ...members.filter((_, k) => (rhs[k] as number) > 0),
    ...members.filter((_, k) => !((rhs[k] as number) > 0)),
  ];
  const stack: number[] = [];
  const cursor: number[] = [];
  for (const root of roots) {
    if (state[local.get(root) as number] !== 0) continue;
    stack.push(root);
    cursor.push(g.outStart[root] as number);
    state[local.get(root) as number] = 1;
    while (stack.length > 0) {
      const top = stack.length - 1;
      const u = stack[top] as number;
      const k = cursor[top] as number;
      if (k < (g.outStart[u + 1] as number)) {
        cursor[top] = k + 1;
        const e = g.outEdges[k] as number;
        const w = g.edgeTo[e] as number;
        if (comps.of[w] !== c) continue;
        const s = state[local.get(w) as number];
        if (s === 1) backEdges.push(e);
        else if (s === 0) {
          state[local.get(w) as number] = 1;
          stack.push(w);
          cursor.push(g.outStart[w] as number);
        }
        continue;
      }
      state[local.get(u) as number] = 2;
      post.push(u);
      stack.pop();
      cursor.pop();
    }
  }
  backEdges.sort((a, b) => a - b);
  return { order: post.reverse(), backEdges, isBack: new Set(backEdges) };
}

/**
 * Merges (label, value) pairs arriving at one step: the same label sums (alternatives), sibling
 * branches of one parallel split join (the largest counts, under the split's own label), and
 * whatever is left sums. Returns the total and the outermost label.
 */
function merge(pairs: Float64Array, length: number, labels: Labels): Merged {
  // The usual step has one way in, or several from one branch: no allocation then.
  if (length === 0) return setMerged(0, 0);
  const first = pairs[0] as number;
  let same = true;
  let total = 0;
  for (let k = 0; k < length; k += 2) {
    if (pairs[k] !== first) same = false;
    total += pairs[k + 1] as number;
  }
  if (same) return setMerged(total, first);
  const byLabel = new Map<number, number>();
  for (let k = 0; k < length; k += 2) {
    const l = pairs[k] as number;
    byLabel.set(l, (byLabel.get(l) ?? 0) + (pairs[k + 1] as number));
  }
  for (;;) {
    const bySplit = new Map<number, number[]>();
    for (const l of byLabel.keys()) {
      const s = labels.split[l] as number;
      if (s < 0) continue;
      const list = bySplit.get(s);
      if (list) list.push(l);
      else bySplit.set(s, [l]);
    }
    let joined = false;
    for (const siblings of bySplit.values()) {
      if (siblings.length < 2) continue;
      let most = 0;
      for (const l of siblings) {
        most = Math.max(most, byLabel.get(l) as number);
        byLabel.delete(l);
      }
      const parent = labels.parent[siblings[0] as number] as number;
      byLabel.set(parent, (byLabel.get(parent) ?? 0) + most);
      joined = true;
      break;
    }
    if (!joined) break;
  }
  let value = 0;
  let outer = -1;
  for (const [l, x] of byLabel) {
    value += x;
    if (
      outer < 0 ||
      (labels.depth[l] as number) < (labels.depth[outer] as number) ||
      ((labels.depth[l] as number) === (labels.depth[outer] as number) && l < outer)
    ) {
      outer = l;
    }
  }
  return setMerged(value, outer);
}

/** The result of merge(), reused: read it before the next call. */
interface Merged {
  value: number;
  label: number;
}
const merged: Merged = { value: 0, label: 0 };
function setMerged(value: number, label: number): Merged {
  merged.value = value;
  merged.label = label;
  return merged;
}
