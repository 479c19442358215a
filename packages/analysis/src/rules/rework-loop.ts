import { duration, named, namesOf } from '../context';
import { finding, listOf, own, type Rule } from '../finding';
import { round2 } from '../metrics';
import type { Finding } from '../types';

/**
 * Defects: a flow returns to an earlier step. The finding names every step of the loop; the
 * time at stake is what the repeats add: sum over the loop of (v(i) - first-pass visits) x
 * (wait + process time).
 */
export const reworkLoop: Rule = {
  id: 'rework-loop',
  run(ctx) {
    const { g, v, visits } = ctx;
    const out: Finding[] = [];
    for (const loop of visits.loops) {
      let extra = 0;
      for (const i of loop.steps) {
        extra += ((v[i] as number) - (visits.firstPass[i] as number)) * own(ctx, i);
      }
      const head = loop.steps[0] as number;
      const first = visits.firstPass[head] as number;
      const times = first > 0 ? (v[head] as number) / first : 1;
      const back: string[] = [];
      for (const e of loop.backEdges) {
        back.push(`${named(ctx, g.edgeFrom[e] as number)} → ${named(ctx, g.edgeTo[e] as number)}`);
      }
      const names = namesOf(ctx, loop.steps);
      const message = loop.exits
        ? `Work goes back (${listOf(back, 3)}): ${listOf(names)} ${loop.steps.length === 1 ? 'is' : 'are'} ` +
          `done ${round2(times)} times per case on average, adding ${duration(ctx, extra)}.`
        : `Work goes back (${listOf(back, 3)}) and no case ever leaves the loop through ${listOf(names)}: ` +
          'check the decision probabilities.';
      out.push(
        finding(ctx, 'rework-loop', {
          waste: 'defects',
          severity: loop.exits ? 'warning' : 'critical',
          steps: loop.steps,
          keepOrder: true,
          edges: loop.backEdges,
          message,
          timeAtStake: extra,
        }),
      );
    }
    return out;
  },
};
