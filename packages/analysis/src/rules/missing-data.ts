import { named, namesOf } from '../context';
import { KIND } from '../graph';
import { counted, finding, listOf, type Rule } from '../finding';
import { round3 } from '../metrics';
import type { Finding } from '../types';

/**
 * Problems of the map itself, so that every figure can be trusted or its gap seen: tasks without
 * processTime, decisions whose probabilities do not sum to 1, steps without a known role, flows
 * to missing steps, repeated step ids, no start step, loops no case leaves.
 */
export const missingData: Rule = {
  id: 'missing-data',
  run(ctx) {
    const { g, visits } = ctx;
    const p = g.problems;
    const out: Finding[] = [];
    const add = (
      severity: Finding['severity'],
      message: string,
      steps: number[] = [],
      edges: number[] = [],
      flowIds: string[] = [],
    ) =>
      out.push(
        finding(ctx, 'missing-data', {
          waste: null,
          severity,
          steps,
          edges,
          flowIds,
          message,
          timeAtStake: 0,
        }),
      );
    const names = (steps: readonly number[]) => listOf(namesOf(ctx, steps));

    if (g.steps.length > 0 && !g.kind.includes(KIND.start)) {
      const entries = visits.entries;
      add(
        'warning',
        entries.length > 0
          ? `The map has no start step; cases are taken to begin at ${names(entries)}, which nothing flows into.`
          : 'The map has no start step and every step has a flow into it: no figure can be computed.',
        [...entries],
      );
    }
    if (p.missingProcessTime.length > 0) {
      add(
        'info',
        `${counted(p.missingProcessTime.length, 'step')} ${p.missingProcessTime.length === 1 ? 'has' : 'have'} no ` +
          `hands-on time and ${p.missingProcessTime.length === 1 ? 'counts' : 'count'} as 0 min: ${names(p.missingProcessTime)}.`,
        [...p.missingProcessTime],
      );
    }
    for (const { step, sum } of p.badDecisions) {
      const edges: number[] = [];
      for (let k = g.outStart[step] as number; k < (g.outStart[step + 1] as number); k++) {
        edges.push(g.outEdges[k] as number);
      }
      add(
        'warning',
        `The branches of ${named(ctx, step)} have probabilities summing to ${round3(sum)}, not 1; ` +
          'they were scaled to 1 for the figures.',
        [step],
        edges,
      );
    }
    if (p.unknownRole.length > 0) {
      add(
        'warning',
        `${counted(p.unknownRole.length, 'step')} ${p.unknownRole.length === 1 ? 'has' : 'have'} no role, or a role ` +
          `that is not in the map, and ${p.unknownRole.length === 1 ? 'counts' : 'count'} in no role's workload: ${names(p.unknownRole)}.`,
        [...p.unknownRole],
      );
    }
    if (p.danglingFlows.length > 0) {
      const ends: number[] = [];
      for (const f of p.danglingFlows) {
        for (const id of [f.from, f.to]) {
          const i = g.indexOf.get(id as string);
          if (i !== undefined) ends.push(i);
        }
      }
      add(
        'warning',
        `${counted(p.danglingFlows.length, 'flow')} ${p.danglingFlows.length === 1 ? 'leads' : 'lead'} to or from a step ` +
          `that is not in the map and ${p.danglingFlows.length === 1 ? 'was' : 'were'} left out: ` +
          `${listOf(p.danglingFlows.map((f) => String(f.id)))}.`,
        ends,
        [],
        p.danglingFlows.map((f) => f.id),
      );
    }
    if (p.duplicateStepIds.length > 0) {
      const ids = [...new Set(p.duplicateStepIds)];
      add(
        'warning',
        `${ids.length === 1 ? 'A step id is' : 'Step ids are'} used more than once; only the first of each counts: ${listOf(ids)}.`,
        ids.map((id) => g.indexOf.get(id) as number),
      );
    }
    for (const loop of visits.loops) {
      if (loop.exits) continue;
      add(
        'warning',
        `No case ever leaves the loop through ${names(loop.steps)}; it was counted as passed once.`,
        [...loop.steps],
        [...loop.backEdges],
      );
    }
    return out;
  },
};
