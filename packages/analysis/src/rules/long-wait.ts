import { duration, named, percent } from '../context';
import { type Rule, stepFinding } from '../finding';
import type { Finding } from '../types';

/**
 * Waiting: a step whose wait is at least half of all waiting, or whose own efficiency is at most
 * 20% with a wait of 30 min or more, or which waits a working day or more.
 */
export const longWait: Rule = {
  id: 'long-wait',
  run(ctx) {
    const { g, v, thresholds: th, metrics } = ctx;
    const day = th.longWaitDays * ctx.hoursPerDay * 60;
    const dayReason = `a wait of ${th.longWaitDays === 1 ? 'a working day' : `${th.longWaitDays} working days`} or more`;
    const out: Finding[] = [];
    for (let i = 0; i < g.steps.length; i++) {
      const wait = g.waitTime[i] as number;
      const visits = v[i] as number;
      if (!(wait > 0) || !(visits > 0)) continue;
      const expected = visits * wait;
      const share = metrics.waitTime > 0 ? expected / metrics.waitTime : 0;
      const work = g.processTime[i] as number;
      const efficiency = work / (work + wait);
      // The reasons, joined by "; ": built as one string (thousands of findings on a large map).
      // (No closure to add a reason: one per step is garbage, and a named one costs more.)
      let reasons = share >= th.longWaitShare ? `${percent(ctx, share)} of all waiting` : '';
      if (efficiency <= th.longWaitEfficiency && wait >= th.longWaitMinutes) {
        const why =
          work > 0 ? `only ${percent(ctx, efficiency)} of its time is work` : 'no hands-on work';
        reasons = reasons === '' ? why : `${reasons}; ${why}`;
      }
      if (wait >= day) reasons = reasons === '' ? dayReason : `${reasons}; ${dayReason}`;
      if (reasons === '') continue;
      out.push(
        stepFinding(
          ctx,
          'long-wait',
          'waiting',
          wait >= th.longWaitMinutes ? 'warning' : 'info',
          i,
          `${named(ctx, i)} waits ${duration(ctx, wait)} before it starts: ${reasons}.`,
          expected,
          0,
        ),
      );
    }
    return out;
  },
};
