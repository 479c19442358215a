import { named } from '../context';
import { finding, own, type Rule, roleName } from '../finding';
import type { Finding } from '../types';

/** Transport: the work goes from role A to role B and straight back to A. */
export const pingPong: Rule = {
  id: 'ping-pong',
  run(ctx) {
    const { g, v } = ctx;
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (let b = 0; b < g.steps.length; b++) {
      const roleB = g.roleIds[b];
      for (let k = g.inStart[b] as number; k < (g.inStart[b + 1] as number); k++) {
        const into = g.inEdges[k] as number;
        const a = g.edgeFrom[into] as number;
        const roleA = g.roleIds[a];
        if (a === b || roleA === roleB) continue;
        for (let q = g.outStart[b] as number; q < (g.outStart[b + 1] as number); q++) {
          const back = g.outEdges[q] as number;
          const c = g.edgeTo[back] as number;
          if (c === b || g.roleIds[c] !== roleA) continue;
          const key = `${a} ${b} ${c}`;
          if (seen.has(key)) continue;
          seen.add(key);
          out.push(
            finding(ctx, 'ping-pong', {
              waste: 'transport',
              severity: 'warning',
              steps: [a, b, c],
              keepOrder: true,
              edges: [into, back],
              message:
                `The work goes from ${roleName(ctx, a)} to ${roleName(ctx, b)} and straight back: ` +
                `${named(ctx, a)} → ${named(ctx, b)} → ${named(ctx, c)}.`,
              timeAtStake:
                (v[b] as number) * own(ctx, b) +
                (v[b] as number) * (g.edgeWeight[back] as number) * (g.waitTime[c] as number),
              claims: [
                b,
                (v[b] as number) * (g.waitTime[b] as number),
                (v[b] as number) * (g.processTime[b] as number),
                c,
                (v[b] as number) * (g.edgeWeight[back] as number) * (g.waitTime[c] as number),
                0,
              ],
            }),
          );
        }
      }
    }
    return out;
  },
};
