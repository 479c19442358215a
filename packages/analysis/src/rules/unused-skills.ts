import { duration, hourlyCost, named } from '../context';
import { ACTIVITY } from '../graph';
import { stepFinding, type Rule, roleName } from '../finding';
import { formatMoney } from '../format';
import { round2 } from '../metrics';
import type { Finding } from '../types';

/** The middle value of a non-empty list (the mean of the middle two for an even count). */
function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * Skills: routine work (data entry, transport) done by a role costing at least twice the
 * median hourly rate of the map's roles.
 */
export const unusedSkills: Rule = {
  id: 'unused-skills',
  run(ctx) {
    const { g, v, thresholds: th } = ctx;
    const rates = [...g.roleCost].filter((c) => c >= 0);
    const out: Finding[] = [];
    if (rates.length === 0) return out;
    const typical = median(rates);
    if (!(typical > 0)) return out;
    const raw = ctx.g.map.settings as { currency?: unknown } | undefined;
    const currency = typeof raw?.currency === 'string' ? raw.currency : undefined;
    const written = new Map<number, string>(); // the same few rates on every step
    const money = (n: number) => {
      let text = written.get(n);
      if (text === undefined) {
        text = formatMoney(n, currency);
        written.set(n, text);
      }
      return text;
    };
    for (let i = 0; i < g.steps.length; i++) {
      const rate = hourlyCost(ctx, i);
      if (!(rate >= th.unusedSkillsCostRatio * typical)) continue;
      const entry = g.dataEntered[i] !== undefined;
      const routine =
        g.activity[i] === ACTIVITY.transport ? 'transport' : entry ? 'data entry' : null;
      if (routine === null || !((v[i] as number) > 0)) continue;
      const minutes = (v[i] as number) * (g.processTime[i] as number);
      const saving = (minutes / 60) * (rate - typical);
      out.push(
        stepFinding(
          ctx,
          'unused-skills',
          'skills',
          'info',
          i,
          `${named(ctx, i)} is ${routine} done by ${roleName(ctx, i)} at ${money(rate)} an hour, ` +
            `${round2(rate / typical)} times the map's median rate of ${money(typical)} an hour: ` +
            `about ${money(saving)} a case (${duration(ctx, minutes)} of their time) if a lower-cost role did it.`,
          // Moving the work saves money, not lead time: the case waits and is worked on as long.
          0,
          0,
          g.roleIds[i] as string,
        ),
      );
    }
    return out;
  },
};
