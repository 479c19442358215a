import { type Graph, KIND } from './graph';
import { solveLoop } from './linear';
import { loopSystem } from './loop-system';
import { membersOf } from './scc';
import type { Visits } from './visits';

/*
 * Lead time: the expected time from a case's start to its end. T(i), the expected time left on
 * entering step i, is its own wait + process time plus what follows: the probability-weighted
 * sum over a decision's branches, the LONGEST of parallel branches (the critical path: work done
 * side by side does not add up), the one successor otherwise. Components are taken sinks
 * first; a loop is solved on its own steps. A loop with parallel branches inside is settled by
 * repeated sweeps; a loop no case leaves is passed once (its back flows left out).
 */

const MAX_SWEEPS = 20_000;

/**
 * Own time of one visit to step i. The helpers below are module functions, not closures made
 * per analysis: V8 optimises a closure made anew on every call again and again.
 */
const own = (g: Graph, i: number) => (g.processTime[i] as number) + (g.waitTime[i] as number);

/** What follows step i, from the current estimates `t`; `skip` leaves some flows out. */
function after(g: Graph, t: Float64Array, i: number, skip?: ReadonlySet<number>): number {
  const a = g.outStart[i] as number;
  const b = g.outStart[i + 1] as number;
  if (a === b) return 0;
  const decision = g.kind[i] === KIND.decision;
  let sum = 0;
  let most = 0;
  for (let k = a; k < b; k++) {
    const e = g.outEdges[k] as number;
    if (skip?.has(e)) continue;
    const next = t[g.edgeTo[e] as number] as number;
    if (decision) sum += (g.edgeWeight[e] as number) * next;
    else most = Math.max(most, next);
  }
  return decision ? sum : most;
}

/** Expected time left on entering each step (minutes). */
export function timeToEnd(g: Graph, visits: Visits): Float64Array {
  const n = g.steps.length;
  const t = new Float64Array(n);
  const { comps } = visits;
  for (let c = 0; c < comps.count; c++) {
    const loop = visits.loopOf[c];
    if (!loop) {
      const i = comps.single[c] as number;
      t[i] = own(g, i) + after(g, t, i);
      continue;
    }
    const members = membersOf(comps, c);
    let parallelInside = false;
    for (const m of members) if (g.parallel[m]) parallelInside = true;
    if (loop.exits && !parallelInside && solveLinear(g, members, c, visits, t, loop.steps)) {
      continue;
    }
    if (loop.exits && parallelInside && sweep(g, [...loop.steps].reverse(), t)) continue;
    // Passed once: the loop's steps in reverse flow order, back flows left out.
    const skip = new Set(loop.backEdges);
    for (let k = loop.steps.length - 1; k >= 0; k--) {
      const i = loop.steps[k] as number;
      t[i] = own(g, i) + after(g, t, i, skip);
    }
  }
  return t;
}

function solveLinear(
  g: Graph,
  members: readonly number[],
  c: number,
  visits: Visits,
  t: Float64Array,
  flowOrder: readonly number[],
): boolean {
  const { local, rows } = loopSystem(g, members, g.edgeWeight, 'out');
  // The rest of rhs: own time, and the time left after the flows that leave the loop.
  const rhs = new Float64Array(members.length);
  for (let k = 0; k < members.length; k++) {
    const m = members[k] as number;
    let outside = 0;
    for (let q = g.outStart[m] as number; q < (g.outStart[m + 1] as number); q++) {
      const e = g.outEdges[q] as number;
      const to = g.edgeTo[e] as number;
      if (visits.comps.of[to] !== c) outside += (g.edgeWeight[e] as number) * (t[to] as number);
    }
    rhs[k] = own(g, m) + outside;
  }
  // Time left flows upstream: sweep the loop from its last step back to its first.
  const order: number[] = [];
  for (let k = flowOrder.length - 1; k >= 0; k--)
    order.push(local.get(flowOrder[k] as number) as number);
  const x = solveLoop(rows, rhs, order);
  if (x === null) return false;
  for (let k = 0; k < members.length; k++) t[members[k] as number] = x[k] as number;
  return true;
}

function sweep(g: Graph, members: readonly number[], t: Float64Array): boolean {
  for (let round = 0; round < MAX_SWEEPS; round++) {
    let change = 0;
    let size = 1;
    for (const m of members) {
      const next = own(g, m) + after(g, t, m);
      change = Math.max(change, Math.abs(next - (t[m] as number)));
      size = Math.max(size, next);
      t[m] = next;
    }
    if (!(size < 1e12)) return false;
    if (change <= 1e-12 * size) return true;
  }
  return false;
}
