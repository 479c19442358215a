import { branchSharesWithout } from '@procmap/model';
import type { Context } from './context';
import type { Claims } from './gains';
import { KIND } from './graph';
import { timeToEnd } from './lead-time';
import type { Loop } from './visits';

/*
 * What a rework loop costs: the lead time of the map as it is, minus the lead time of the same
 * map with the loop's rework branches given probability 0 (what the room would edit to ask "and
 * if it were right first time?"). A rework branch is a decision's way that can only lead back
 * round the loop: a flow back itself, or a flow into steps from which no way leads out of the
 * loop without going back (a "request more information" step on the way back is rework too).
 *
 * Without parallel work the difference has a closed form. With t the time left to the end of
 * the map as it is and v' the visits of the map without the loop, changing only some decisions'
 * shares w -> w' gives exactly
 *
 *   lead time - lead time' = sum over those decisions d of v'(d) x sum over d's flows e of
 *                            (w(e) - w'(e)) x t(to of e)
 *
 * (t' - t = (I - K')^-1 (K' - K) t, weighted by where cases start). v' is a first pass through
 * the loop with the new shares, so the whole costs the loop's size, not the map's. With parallel
 * work lead time takes the longest branch, not a sum: the lead time is computed again.
 */

export interface LoopRemoval {
  /** Minutes per case the lead time gains without the loop. */
  readonly gain: number;
  /** The repeats of the loop's steps: (v - v') x wait and x hands-on time, per step. */
  readonly claims: Claims;
  /** Edge indices of the decision flows that send work round again. */
  readonly reworkEdges: readonly number[];
  /** How many times the loop's first step is done per case on average, against once without. */
  readonly times: number;
}

/** The gain of removing one loop cases can leave. */
export function loopRemoval(ctx: Context, loop: Loop): LoopRemoval {
  const { g, visits, v } = ctx;
  const c = loop.component;
  const inLoop = (i: number) => visits.comps.of[i] === c;
  const back = new Set(loop.backEdges);
  // Can a case get out of the loop from here without going back? Flow order runs forward
  // along every flow of the loop that is not a flow back, so one pass from the end settles it.
  const canLeave = new Map<number, boolean>();
  for (let k = loop.steps.length - 1; k >= 0; k--) {
    const i = loop.steps[k] as number;
    let leaves = false;
    for (let q = g.outStart[i] as number; q < (g.outStart[i + 1] as number) && !leaves; q++) {
      const e = g.outEdges[q] as number;
      if (!((g.edgeWeight[e] as number) > 0) || back.has(e)) continue;
      const to = g.edgeTo[e] as number;
      leaves = !inLoop(to) || canLeave.get(to) === true;
    }
    canLeave.set(i, leaves);
  }
  // The rework branches: ways out of a decision that can still leave, leading only back.
  const reworkEdges: number[] = [];
  const zero = new Set<number>();
  const changed: number[] = [];
  for (const d of loop.steps) {
    if (g.kind[d] !== KIND.decision || canLeave.get(d) !== true) continue;
    let any = false;
    for (let q = g.outStart[d] as number; q < (g.outStart[d + 1] as number); q++) {
      const e = g.outEdges[q] as number;
      const to = g.edgeTo[e] as number;
      if (!inLoop(to) || (!back.has(e) && canLeave.get(to) === true)) continue;
      zero.add(e);
      reworkEdges.push(e);
      any = true;
    }
    if (any) changed.push(d);
  }
  // The shares without the loop, in the analysis' scratch copy of the shares; put back below.
  const weights = ctx.scratchWeights;
  for (const d of changed) branchSharesWithout(g, d, zero, weights);

  // v' inside the loop: a first pass with the new shares (the rework branches now carry none).
  const after = new Map<number, number>();
  for (const i of loop.steps) {
    let s = visits.outside[i] as number;
    for (let q = g.inStart[i] as number; q < (g.inStart[i + 1] as number); q++) {
      const e = g.inEdges[q] as number;
      const from = g.edgeFrom[e] as number;
      if (!inLoop(from) || back.has(e)) continue;
      s += (after.get(from) ?? 0) * (weights[e] as number);
    }
    after.set(i, s);
  }

  let gain = 0;
  if (!ctx.hasParallel) {
    const t = ctx.timeToEnd;
    for (const d of changed) {
      let delta = 0;
      for (let q = g.outStart[d] as number; q < (g.outStart[d + 1] as number); q++) {
        const e = g.outEdges[q] as number;
        delta +=
          ((g.edgeWeight[e] as number) - (weights[e] as number)) *
          (t[g.edgeTo[e] as number] as number);
      }
      gain += (after.get(d) ?? 0) * delta;
    }
  } else if (changed.length > 0) {
    const t = timeToEnd({ ...g, edgeWeight: weights }, visits);
    let without = 0;
    for (const e of visits.entries) without += (t[e] as number) / visits.entries.length;
    let now = 0;
    for (const e of visits.entries) now += (ctx.timeToEnd[e] as number) / visits.entries.length;
    gain = now - without;
  }

  for (const d of changed) {
    for (let q = g.outStart[d] as number; q < (g.outStart[d + 1] as number); q++) {
      const e = g.outEdges[q] as number;
      weights[e] = g.edgeWeight[e] as number;
    }
  }

  const claims: Claims = [];
  for (const i of loop.steps) {
    const extra = (v[i] as number) - (after.get(i) ?? 0);
    if (!(extra > 0)) continue;
    claims.push(i, extra * (g.waitTime[i] as number), extra * (g.processTime[i] as number));
  }
  const head = loop.steps[0] as number;
  const once = after.get(head) ?? 0;
  return { gain, claims, reworkEdges, times: once > 0 ? (v[head] as number) / once : 1 };
}
