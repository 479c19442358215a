import { duration, named } from '../context';
import { stepFinding, type Rule } from '../finding';
import type { Finding } from '../types';

/**
 * Inventory: a step working in batches (batchSize above 1). A case waits about half the batch
 * interval, the time batchSize cases take to arrive: (batchSize / arrival rate) / 2.
 */
export const batching: Rule = {
  id: 'batching',
  run(ctx) {
    const { g, v, demand } = ctx;
    const out: Finding[] = [];
    for (let i = 0; i < g.steps.length; i++) {
      const size = g.batchSize[i] as number;
      if (!(size > 1)) continue;
      const visits = v[i] as number;
      const perMinute = demand ? (demand.count / demand.minutesPerPeriod) * visits : 0;
      if (perMinute > 0) {
        const interval = size / perMinute;
        // The batch wait is part of the wait in front of the step: removing the batches can give
        // back at most that wait.
        const wait = g.waitTime[i] as number;
        const short =
          wait < interval / 2 ? ` (the map gives it a wait of ${duration(ctx, wait)})` : '';
        out.push(
          stepFinding(
            ctx,
            'batching',
            'inventory',
            'warning',
            i,
            `${named(ctx, i)} works in batches of ${size}: a batch takes ${duration(ctx, interval)} to fill, ` +
              `so a case waits about ${duration(ctx, interval / 2)} for its batch${short}.`,
            visits * Math.min(wait, interval / 2),
            0,
          ),
        );
      } else {
        out.push(
          stepFinding(
            ctx,
            'batching',
            'inventory',
            'info',
            i,
            `${named(ctx, i)} works in batches of ${size}: cases wait for their batch to fill. Give the map's demand to size the wait.`,
            0,
            0,
          ),
        );
      }
    }
    return out;
  },
};
