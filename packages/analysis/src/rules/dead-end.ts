import { namesOf } from '../context';
import { KIND } from '../graph';
import { counted, finding, listOf, type Rule } from '../finding';

/** A step that is not an end and has no way out: cases reaching it are stuck. */
export const deadEnd: Rule = {
  id: 'dead-end',
  run(ctx) {
    const { g, v } = ctx;
    const stuck: number[] = [];
    let reaching = 0;
    for (let i = 0; i < g.steps.length; i++) {
      if (g.kind[i] === KIND.end || g.outStart[i] !== g.outStart[i + 1]) continue;
      stuck.push(i);
      reaching += v[i] as number;
    }
    if (stuck.length === 0) return [];
    const share = Math.round(Math.min(1, reaching) * 1000) / 10;
    return [
      finding(ctx, 'dead-end', {
        waste: null,
        severity: 'warning',
        steps: stuck,
        keepOrder: true,
        message:
          `${counted(stuck.length, 'step')} ${stuck.length === 1 ? 'is not an end and has' : 'are not an end and have'} no way out: ${listOf(namesOf(ctx, stuck))}` +
          (reaching > 0 ? ` (${share}% of cases get stuck there).` : '.'),
        timeAtStake: 0,
      }),
    ];
  },
};
