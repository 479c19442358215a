import { inFlowOrder, namesOf } from '../context';
import { finding, listOf, type Rule } from '../finding';
import type { Finding } from '../types';

/** The same data item whatever its case and spacing: "NHS number" = "nhs  Number". */
export const dataKey = (item: string) => item.toLowerCase().replace(/\s+/g, '');

/**
 * Overprocessing: the same data item keyed in at two or more steps. Time at stake: the repeat
 * entries' share of their steps' processTime (a step keying n items spends 1/n on each).
 */
export const duplicateDataEntry: Rule = {
  id: 'duplicate-data-entry',
  run(ctx) {
    const { g, v } = ctx;
    const items = new Map<string, { name: string; steps: number[] }>();
    const keyOf = new Map<string, string>(); // the same few items recur on many steps
    const counts = new Int32Array(g.steps.length);
    const keys: string[] = []; // this step's keys so far: keys[0 .. count)
    for (let i = 0; i < g.steps.length; i++) {
      const data = g.dataEntered[i];
      if (data === undefined) continue;
      let count = 0;
      for (const item of data) {
        if (typeof item !== 'string') continue;
        let key = keyOf.get(item);
        if (key === undefined) {
          key = dataKey(item);
          keyOf.set(item, key);
        }
        const at = keys.indexOf(key);
        if (key === '' || (at >= 0 && at < count)) continue;
        keys[count++] = key;
        const entry = items.get(key);
        if (entry) entry.steps.push(i);
        else items.set(key, { name: item.trim(), steps: [i] });
      }
      counts[i] = count;
    }
    const out: Finding[] = [];
    for (const item of items.values()) {
      if (item.steps.length < 2) continue;
      const steps = inFlowOrder(ctx, item.steps);
      let repeats = 0;
      const claims: number[] = [];
      for (let k = 1; k < steps.length; k++) {
        const i = steps[k] as number;
        const share = ((v[i] as number) * (g.processTime[i] as number)) / (counts[i] as number);
        repeats += share;
        claims.push(i, 0, share);
      }
      out.push(
        finding(ctx, 'duplicate-data-entry', {
          waste: 'overprocessing',
          severity: 'warning',
          steps,
          keepOrder: true,
          message:
            `“${item.name}” is keyed in at ${steps.length} steps: ${listOf(namesOf(ctx, steps))}. ` +
            'Enter it once and pass it on.',
          timeAtStake: repeats,
          claims,
        }),
      );
    }
    return out;
  },
};
