import { inFlowOrder, namesOf } from '../context';
import { KIND } from '../graph';
import { finding, listOf, type Rule } from '../finding';
import type { Finding } from '../types';

/** A label compared without case, surrounding or repeated spaces, or closing punctuation. */
export function labelKey(label: string): string {
  let key = label.toLowerCase().trim();
  if (key.includes('  ') || key.includes('\t') || key.includes('\n') || key.includes('\r')) {
    key = key.replace(/\s+/g, ' ');
  }
  let end = key.length;
  while (end > 0 && '.?!:;,'.includes(key[end - 1] as string)) end--;
  return end === key.length ? key : key.slice(0, end).trimEnd();
}

/** Overprocessing: two or more tasks with the same normalised label do the same work twice. */
export const duplicateStep: Rule = {
  id: 'duplicate-step',
  run(ctx) {
    const { g, v } = ctx;
    // Most labels are unique: remember the first step of each, a list only for repeats.
    const first = new Map<string, number>();
    const groups = new Map<number, number[]>();
    for (let i = 0; i < g.steps.length; i++) {
      if (g.kind[i] !== KIND.task) continue;
      const key = labelKey(g.labels[i] as string);
      if (key === '') continue;
      const at = first.get(key);
      if (at === undefined) first.set(key, i);
      else {
        const list = groups.get(at);
        if (list) list.push(i);
        else groups.set(at, [at, i]);
      }
    }
    const out: Finding[] = [];
    for (const list of groups.values()) {
      const steps = inFlowOrder(ctx, list);
      let repeats = 0;
      const claims: number[] = [];
      for (let k = 1; k < steps.length; k++) {
        const i = steps[k] as number;
        const work = (v[i] as number) * (g.processTime[i] as number);
        repeats += work;
        claims.push(i, 0, work);
      }
      out.push(
        finding(ctx, 'duplicate-step', {
          waste: 'overprocessing',
          severity: 'info',
          steps,
          keepOrder: true,
          message: `${listOf(namesOf(ctx, steps))} have the same name: is the work done twice?`,
          timeAtStake: repeats,
          claims,
        }),
      );
    }
    return out;
  },
};
