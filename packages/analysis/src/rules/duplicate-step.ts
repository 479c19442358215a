import { inFlowOrder, named } from '../context';
import { finding, listOf, type Rule } from '../finding';

/** A label compared without case, surrounding or repeated spaces, or closing punctuation. */
export const labelKey = (label: string) =>
  label
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.?!:;,]+$/, '');

/** Overprocessing: two or more tasks with the same normalised label do the same work twice. */
export const duplicateStep: Rule = {
  id: 'duplicate-step',
  run(ctx) {
    const { g, v } = ctx;
    const groups = new Map<string, number[]>();
    for (let i = 0; i < g.steps.length; i++) {
      const step = g.steps[i];
      if (step?.kind !== 'task') continue;
      const key = labelKey(step.label);
      if (key === '') continue;
      const list = groups.get(key);
      if (list) list.push(i);
      else groups.set(key, [i]);
    }
    return [...groups.values()]
      .filter((list) => list.length > 1)
      .map((list) => {
        const steps = inFlowOrder(ctx, list);
        let repeats = 0;
        for (const i of steps.slice(1)) repeats += (v[i] as number) * (g.processTime[i] as number);
        return finding(ctx, 'duplicate-step', {
          waste: 'overprocessing',
          severity: 'info',
          steps,
          keepOrder: true,
          message: `${listOf(steps.map((i) => named(ctx, i)))} have the same name: is the work done twice?`,
          timeAtStake: repeats,
        });
      });
  },
};
