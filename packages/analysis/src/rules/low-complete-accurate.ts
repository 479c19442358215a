import { named, percent } from '../context';
import { finding, type Rule, stepFinding } from '../finding';
import type { Finding } from '../types';

/**
 * Defects: a step whose completeAccurate is below 0.9 (time at stake: the share of its time
 * spent on incomplete cases), or a rolled value below 0.5 (the share of all work).
 */
export const lowCompleteAccurate: Rule = {
  id: 'low-complete-accurate',
  run(ctx) {
    const { g, v, thresholds: th, metrics } = ctx;
    const out: Finding[] = [];
    const flawed: number[] = [];
    for (let i = 0; i < g.steps.length; i++) {
      const ca = g.completeAccurate[i] as number;
      if (!(ca >= 0) || !((v[i] as number) > 0)) continue;
      if (ca < 1) flawed.push(i);
      if (ca >= th.completeAccurate) continue;
      out.push(
        stepFinding(
          ctx,
          'low-complete-accurate',
          'defects',
          'warning',
          i,
          `Only ${percent(ctx, ca)} of cases reach ${named(ctx, i)} complete and accurate ` +
            `(below ${percent(ctx, th.completeAccurate)}): the rest are chased or reworked.`,
          (1 - ca) * (v[i] as number) * (g.waitTime[i] as number),
          (1 - ca) * (v[i] as number) * (g.processTime[i] as number),
        ),
      );
    }
    const rolled = metrics.rolledCompleteAccurate;
    if (rolled !== null && rolled < th.rolledCompleteAccurate) {
      const claims: number[] = [];
      for (let i = 0; i < g.steps.length; i++) {
        const work = (1 - rolled) * (v[i] as number) * (g.processTime[i] as number);
        if (work > 0) claims.push(i, 0, work);
      }
      out.push(
        finding(ctx, 'low-complete-accurate', {
          waste: 'defects',
          severity: 'critical',
          steps: flawed,
          message:
            `Only ${percent(ctx, rolled)} of cases pass every step complete and accurate first time ` +
            `(right first time, below ${percent(ctx, th.rolledCompleteAccurate)}).`,
          timeAtStake: (1 - rolled) * metrics.processTime,
          claims,
        }),
      );
    }
    return out;
  },
};
