import { type Step, WASTES, type Waste } from '@procmap/model';
import { duration, named, percent } from '../context';
import { finding, own, type Rule } from '../finding';
import type { Finding } from '../types';

/**
 * The waste of a step classed waste: what an analyst tagged on it in a comment, else what its
 * activity or kind says (transport; inspection and approval are overprocessing; a step that
 * only waits is waiting), else none in particular.
 */
function wasteOf(step: Step, tagged: ReadonlyMap<string, Waste>, onlyWaits: boolean): Waste | null {
  const tag = tagged.get(step.id);
  if (tag) return tag;
  if (step.activity === 'transport') return 'transport';
  if (step.activity === 'inspection' || step.activity === 'approval') return 'overprocessing';
  if (step.kind === 'delay' || onlyWaits) return 'waiting';
  return null;
}

/** A step classed waste: its expected time per case and its share of the lead time. */
export const nonValueAdding: Rule = {
  id: 'non-value-adding',
  run(ctx) {
    const { g, v, metrics } = ctx;
    const tagged = new Map<string, Waste>();
    const comments = Array.isArray(ctx.g.map.comments) ? ctx.g.map.comments : [];
    for (const c of comments) {
      const ok =
        typeof c?.targetId === 'string' && (WASTES as readonly unknown[]).includes(c.waste);
      if (ok && !tagged.has(c.targetId as string))
        tagged.set(c.targetId as string, c.waste as Waste);
    }
    const out: Finding[] = [];
    for (let i = 0; i < g.steps.length; i++) {
      const step = g.steps[i] as Step;
      if (step.valueClass !== 'waste') continue;
      const time = (v[i] as number) * own(ctx, i);
      const share = metrics.leadTime > 0 ? time / metrics.leadTime : 0;
      const onlyWaits = (g.processTime[i] as number) === 0 && (g.waitTime[i] as number) > 0;
      out.push(
        finding(ctx, 'non-value-adding', {
          waste: wasteOf(step, tagged, onlyWaits),
          severity: 'info',
          steps: [i],
          message: `${named(ctx, i)} is classed waste: ${duration(ctx, time)} per case, ${percent(share)} of the lead time.`,
          timeAtStake: time,
        }),
      );
    }
    return out;
  },
};
