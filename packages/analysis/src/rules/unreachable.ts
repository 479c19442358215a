import { namesOf } from '../context';
import { counted, finding, listOf, type Rule } from '../finding';

/** A step that no start reaches: it never runs as mapped (a missing flow, or a leftover). */
export const unreachable: Rule = {
  id: 'unreachable',
  run(ctx) {
    const { g, visits } = ctx;
    if (visits.entries.length === 0) return [];
    const seen = new Uint8Array(g.steps.length);
    const stack = [...visits.entries];
    for (const e of stack) seen[e] = 1;
    while (stack.length > 0) {
      const i = stack.pop() as number;
      for (let k = g.outStart[i] as number; k < (g.outStart[i + 1] as number); k++) {
        const to = g.edgeTo[g.outEdges[k] as number] as number;
        if (!seen[to]) {
          seen[to] = 1;
          stack.push(to);
        }
      }
    }
    const lost: number[] = [];
    for (let i = 0; i < g.steps.length; i++) if (!seen[i]) lost.push(i);
    if (lost.length === 0) return [];
    return [
      finding(ctx, 'unreachable', {
        waste: null,
        severity: 'warning',
        steps: lost,
        keepOrder: true,
        message: `${counted(lost.length, 'step')} cannot be reached from a start: ${listOf(namesOf(ctx, lost))}.`,
        timeAtStake: 0,
      }),
    ];
  },
};
