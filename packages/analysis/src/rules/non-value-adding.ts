import { WASTES, type Waste } from '@procmap/model';
import { ACTIVITY, type Graph, KIND, VALUE } from '../graph';
import { duration, named, percent } from '../context';
import { own, type Rule, stepFinding } from '../finding';
import type { Finding } from '../types';

/**
 * The waste of a step classed waste: what an analyst tagged on it in a comment, else what its
 * activity or kind says (transport; inspection and approval are overprocessing; a step that
 * only waits is waiting), else none in particular.
 */
function wasteOf(g: Graph, i: number, tagged: ReadonlyMap<string, Waste>): Waste | null {
  const tag = tagged.get(g.ids[i] as string);
  if (tag) return tag;
  const activity = g.activity[i];
  if (activity === ACTIVITY.transport) return 'transport';
  if (activity === ACTIVITY.inspection || activity === ACTIVITY.approval) return 'overprocessing';
  const onlyWaits = g.processTime[i] === 0 && (g.waitTime[i] as number) > 0;
  if (g.kind[i] === KIND.delay || onlyWaits) return 'waiting';
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
      if (g.valueClass[i] !== VALUE.waste) continue;
      const time = (v[i] as number) * own(ctx, i);
      const share = metrics.leadTime > 0 ? time / metrics.leadTime : 0;
      out.push(
        stepFinding(
          ctx,
          'non-value-adding',
          wasteOf(g, i, tagged),
          'info',
          i,
          `${named(ctx, i)} is classed waste: ${duration(ctx, time)} per case, ${percent(ctx, share)} of the lead time.`,
          (v[i] as number) * (g.waitTime[i] as number),
          (v[i] as number) * (g.processTime[i] as number),
        ),
      );
    }
    return out;
  },
};
