import { duration, named, namesOf } from '../context';
import { finding, listOf, type Rule } from '../finding';
import { KIND } from '../graph';
import { loopRemoval } from '../loop-gain';
import { round2 } from '../metrics';
import type { Finding } from '../types';
import type { Loop } from '../visits';

/**
 * Defects: a flow returns to an earlier step. The finding names every step of the loop, the
 * flows that go back and the decision branches that send work round again; the time at stake is
 * the lead time the loop adds: lead time as mapped minus lead time with its rework branches at
 * probability 0 (loop-gain.ts).
 */
export const reworkLoop: Rule = {
  id: 'rework-loop',
  run(ctx) {
    const { g, visits } = ctx;
    const out: Finding[] = [];
    for (const loop of visits.loops) {
      const back: string[] = [];
      for (const e of loop.backEdges) {
        back.push(`${named(ctx, g.edgeFrom[e] as number)} → ${named(ctx, g.edgeTo[e] as number)}`);
      }
      const names = namesOf(ctx, loop.steps);
      if (!loop.exits) {
        out.push(
          finding(ctx, 'rework-loop', {
            waste: 'defects',
            severity: 'critical',
            steps: loop.steps,
            keepOrder: true,
            edges: loop.backEdges,
            message:
              `Work goes back (${listOf(back, 3)}) and no case ever leaves the loop through ` +
              `${listOf(names)}: ${whyNoExit(ctx, loop)}`,
            timeAtStake: 0,
          }),
        );
        continue;
      }
      const removal = loopRemoval(ctx, loop);
      const done = loop.steps.length === 1 ? 'is' : 'are';
      out.push(
        finding(ctx, 'rework-loop', {
          waste: 'defects',
          severity: 'warning',
          steps: loop.steps,
          keepOrder: true,
          edges: [...loop.backEdges, ...removal.reworkEdges],
          message:
            `Work goes back (${listOf(back, 3)}): ${listOf(names)} ${done} done ` +
            `${round2(removal.times)} times per case on average. Right first time, a case would ` +
            `take ${duration(ctx, Math.max(0, removal.gain))} less.`,
          timeAtStake: removal.gain,
          claims: removal.claims,
        }),
      );
    }
    return out;
  },
};

/**
 * Why cases cannot leave a loop, in the map's terms: a step that is not a decision sends the
 * case down every way out of it, the way back included; or a decision's shares send everyone
 * back; or nothing leads out at all.
 */
function whyNoExit(ctx: Parameters<Rule['run']>[0], loop: Loop): string {
  const { g, visits } = ctx;
  const c = loop.component;
  const splits: number[] = [];
  let decisions = 0;
  let wayOut = false;
  for (const i of loop.steps) {
    const a = g.outStart[i] as number;
    const b = g.outStart[i + 1] as number;
    for (let q = a; q < b; q++) {
      if (visits.comps.of[g.edgeTo[g.outEdges[q] as number] as number] !== c) wayOut = true;
    }
    if (g.kind[i] === KIND.decision) decisions++;
    else if (b - a > 1) splits.push(i);
  }
  if (splits.length > 0) {
    const which = listOf(namesOf(ctx, splits));
    const one = splits.length === 1;
    return (
      `${which} ${one ? 'is not a decision but has' : 'are not decisions but have'} more than one way out, ` +
      `so every case takes all of them, the way back included. Make ${one ? 'it a decision' : 'them decisions'} ` +
      'and give each way its share of cases.'
    );
  }
  if (!wayOut) return 'no flow leads out of it. Add the way cases leave.';
  if (decisions > 0) {
    return 'its decisions send every case back. Check the shares of cases on their branches.';
  }
  return 'no way out is ever taken.';
}
