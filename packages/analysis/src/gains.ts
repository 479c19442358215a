import type { Context } from './context';
import { solveLoop } from './linear';
import { loopSystem } from './loop-system';
import { membersOf } from './scc';
import type { Finding } from './types';

/*
 * What a finding would gain: the lead time the map would lose if its waste were removed, and the
 * part of that no finding listed before it already counts.
 *
 * Lead time is a ledger: without parallel work it is exactly the sum over steps of v(i) x (wait +
 * hands-on time). Each finding claims the entries of that ledger its waste is made of (a long
 * wait claims v x wait of its step; a rework loop the repeats of its steps) in expected minutes
 * per case. Taken in the order of the list, largest first, a finding gets what is still unclaimed
 * of its entries: so the same queue is never counted twice, and the figures add up to at most the
 * lead time. With parallel work only the critical path counts (work beside a longer branch does
 * not lengthen a case): the ledger holds each step's visits on the critical path.
 */

/** Flat triples (step, minutes of its wait, minutes of its hands-on time), per case. */
export type Claims = number[];

/**
 * The findings' claims, by the number of each finding in the order the rules made it (the
 * order analyze() collects them in). Most findings are about one step: their claim is kept in
 * three columns, without a list or a map entry each (thousands on a large map).
 */
export interface ClaimBook {
  /** The finding's one step, or -1 when its claims are in `multi` (or it has none). */
  readonly step: number[];
  readonly wait: number[];
  readonly work: number[];
  readonly multi: Map<number, Claims>;
}

/** An empty book for one analysis. */
export function claimBook(): ClaimBook {
  return { step: [], wait: [], work: [], multi: new Map() };
}

/** The claims of finding k; a one-step claim is written into `one` (no list made per call). */
export function claimsOf(book: ClaimBook, k: number, one: Claims): Claims | undefined {
  const i = book.step[k];
  if (i === undefined) return undefined;
  if (i < 0) return book.multi.get(k);
  one[0] = i;
  one[1] = book.wait[k] as number;
  one[2] = book.work[k] as number;
  return one;
}

/**
 * Expected visits of each step on the critical path: as v(i), but a parallel split passes the
 * case on only along its longest branch (by time left to the end). v itself without parallel work.
 */
export function criticalVisits(ctx: Context): Float64Array {
  const { g, visits, timeToEnd: t } = ctx;
  if (!ctx.hasParallel) return ctx.v;
  const n = g.steps.length;
  const m = g.edgeFrom.length;
  const w = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const a = g.outStart[i] as number;
    const b = g.outStart[i + 1] as number;
    if (!g.parallel[i]) {
      for (let k = a; k < b; k++) {
        const e = g.outEdges[k] as number;
        w[e] = g.edgeWeight[e] as number;
      }
      continue;
    }
    let best = -1;
    for (let k = a; k < b; k++) {
      const e = g.outEdges[k] as number;
      if (
        best < 0 ||
        (t[g.edgeTo[e] as number] as number) > (t[g.edgeTo[best] as number] as number)
      )
        best = e;
    }
    if (best >= 0) w[best] = 1;
  }
  const cv = new Float64Array(n);
  const share = visits.entries.length > 0 ? 1 / visits.entries.length : 0;
  const isEntry = new Uint8Array(n);
  for (const e of visits.entries) isEntry[e] = 1;
  const { comps } = visits;
  const inflow = (i: number, c: number) => {
    let s = isEntry[i] ? share : 0;
    for (let k = g.inStart[i] as number; k < (g.inStart[i + 1] as number); k++) {
      const e = g.inEdges[k] as number;
      const from = g.edgeFrom[e] as number;
      if (comps.of[from] !== c) s += (cv[from] as number) * (w[e] as number);
    }
    return s;
  };
  for (let c = comps.count - 1; c >= 0; c--) {
    const loop = visits.loopOf[c];
    if (!loop) {
      const i = comps.single[c] as number;
      cv[i] = inflow(i, c);
      continue;
    }
    const members = membersOf(comps, c);
    const { local, rows } = loopSystem(g, members, w, 'in');
    const rhs = new Float64Array(members.length);
    for (let k = 0; k < members.length; k++) rhs[k] = inflow(members[k] as number, c);
    const order = loop.steps.map((s) => local.get(s) as number);
    const solved = loop.exits ? solveLoop(rows, rhs, order) : null;
    if (solved) {
      for (let k = 0; k < members.length; k++) cv[members[k] as number] = solved[k] as number;
      continue;
    }
    // Passed once, as the lead time counts a loop no case leaves: back flows left out.
    const back = new Set(loop.backEdges);
    for (const x of loop.steps) {
      let s = rhs[local.get(x) as number] as number;
      for (let k = g.inStart[x] as number; k < (g.inStart[x + 1] as number); k++) {
        const e = g.inEdges[k] as number;
        if (back.has(e) || comps.of[g.edgeFrom[e] as number] !== c) continue;
        s += (cv[g.edgeFrom[e] as number] as number) * (w[e] as number);
      }
      cv[x] = s;
    }
  }
  return cv;
}

/** Minutes per case a set of claims is worth on the critical path (all of it without parallel work). */
export function claimed(ctx: Context, cv: Float64Array, claims: Claims): number {
  let total = 0;
  for (let k = 0; k < claims.length; k += 3) {
    const i = claims[k] as number;
    total += ((claims[k + 1] as number) + (claims[k + 2] as number)) * onPath(ctx, cv, i);
  }
  return total;
}

/** The share of step i's visits that lie on the critical path. */
function onPath(ctx: Context, cv: Float64Array, i: number): number {
  if (cv === ctx.v) return 1;
  const v = ctx.v[i] as number;
  return v > 0 ? Math.min(1, (cv[i] as number) / v) : 0;
}

/**
 * Sets each finding's uniqueTimeAtStake, in the order given (largest gain first): the part of its
 * time at stake that no finding before it claimed. Their sum never exceeds the lead time.
 */
export function attribute(
  ctx: Context,
  cv: Float64Array,
  findings: readonly Finding[],
  order: ArrayLike<number>,
  book: ClaimBook,
  leadTime: number,
): void {
  const one: Claims = [0, 0, 0];
  const { g } = ctx;
  const n = g.steps.length;
  const wait = new Float64Array(n);
  const work = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    wait[i] = (cv[i] as number) * (g.waitTime[i] as number);
    work[i] = (cv[i] as number) * (g.processTime[i] as number);
    total += (wait[i] as number) + (work[i] as number);
  }
  // The ledger equals the lead time; where loops with parallel work make it larger, it is scaled
  // down to it, so that the figures can never add up to more than the lead time.
  if (total > leadTime) {
    const scale = total > 0 ? Math.max(0, leadTime / total) : 0;
    for (let i = 0; i < n; i++) {
      wait[i] = (wait[i] as number) * scale;
      work[i] = (work[i] as number) * scale;
    }
  }
  // What the figures already shown add up to, in cents: rounding each to the cent must not take
  // the sum past the lead time as shown either.
  const cap = Math.round(leadTime * 100);
  let shownSoFar = 0;
  for (let s = 0; s < findings.length; s++) {
    const f = findings[s] as Finding;
    const claims = claimsOf(book, order[s] as number, one);
    let unique = 0;
    if (claims && f.timeAtStake > 0) {
      let free = 0;
      for (let k = 0; k < claims.length; k += 3) {
        const i = claims[k] as number;
        const path = onPath(ctx, cv, i);
        free += Math.min((claims[k + 1] as number) * path, wait[i] as number);
        free += Math.min((claims[k + 2] as number) * path, work[i] as number);
      }
      // A finding whose gain is less than the entries it names (a loop whose removal sends more
      // cases down a long branch) takes its entries in proportion, leaving the rest.
      const ratio = free > f.timeAtStake ? f.timeAtStake / free : 1;
      for (let k = 0; k < claims.length; k += 3) {
        const i = claims[k] as number;
        const path = onPath(ctx, cv, i);
        const w = Math.min((claims[k + 1] as number) * path, wait[i] as number) * ratio;
        const p = Math.min((claims[k + 2] as number) * path, work[i] as number) * ratio;
        wait[i] = Math.max(0, (wait[i] as number) - w);
        work[i] = Math.max(0, (work[i] as number) - p);
        unique += w + p;
      }
    }
    const cents = Math.min(
      Math.round(Math.min(unique, f.timeAtStake) * 100),
      Math.max(0, cap - shownSoFar),
    );
    shownSoFar += cents;
    (f as { uniqueTimeAtStake: number }).uniqueTimeAtStake = cents / 100;
  }
}
