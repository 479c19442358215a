import { duration, headcount, named } from '../context';
import { stepFinding, type Rule } from '../finding';
import type { Finding } from '../types';

/**
 * Waiting: a step whose processTime divided by its role's headcount exceeds the takt time
 * cannot keep pace with demand. Steps of a role without headcount (a patient, a customer) are
 * not judged: nobody's capacity is known.
 */
export const slowerThanTakt: Rule = {
  id: 'slower-than-takt',
  run(ctx) {
    const { g, v, metrics } = ctx;
    const takt = metrics.taktTime;
    const out: Finding[] = [];
    if (takt === null) return out;
    for (let i = 0; i < g.steps.length; i++) {
      const work = g.processTime[i] as number;
      if (!(work > 0) || !((v[i] as number) > 0)) continue;
      const people = headcount(ctx, i);
      if (!(people > 0)) continue;
      const cycle = work / people;
      if (cycle <= takt) continue;
      const across =
        people === 1 ? '' : ` across ${people} people (${duration(ctx, cycle)} a case)`;
      out.push(
        stepFinding(
          ctx,
          'slower-than-takt',
          'waiting',
          'warning',
          i,
          `${named(ctx, i)} takes ${duration(ctx, work)}${across}, longer than the takt time of ` +
            `${duration(ctx, takt)}: cases arrive faster than it can finish them. To keep pace it ` +
            `must take at most ${duration(ctx, takt * people)}.`,
          0,
          // The lead time gains what the hands-on time must lose to keep pace: down to takt x
          // people.
          (v[i] as number) * (work - takt * people),
        ),
      );
    }
    return out;
  },
};
