import { analyze } from '@procmap/analysis';
import { compareScenarios } from '@procmap/compare';
import { diffMaps, type ProcessMap, type Scenario, scenarioMap, validateMap } from '@procmap/model';
import { generateMap } from '@procmap/test-kit';
import { type BenchResult, compare, median, round3 } from './harness';

/*
 * Comparing scenarios (see "Scenarios" in docs/benchmarks.md):
 *
 * - scenarios.compare-1000 (the goal of the scenarios work): `compareScenarios` (what `procmap
 *   compare --json` and the Compare view compute) on a generated 1,000-step map with three
 *   scenarios, each a copy of its process with changes: four processes analysed (with the
 *   room's notes for each) and three diffs by id, against one analysis of that map in the same
 *   run. Four analyses make 4× the floor; the goal is 4.5×, which a quadratic diff would break.
 * - scenarios.compare-1000-one: the as-is and one scenario of the same map (floor 2×), against
 *   the same one analysis.
 *
 *   BENCH_SUITE=scenarios BENCH_OUT=bench/results/issue-19-scenarios.json npm run bench
 */

const STEPS = 1000;
/** Comparisons run before timing (see analysis.bench.ts). */
const WARM_UP = 40;

/**
 * A to-be made from the as-is the way a room makes one: every `every`-th task waits half as
 * long, every 25th step moves to the next role, every 40th is renamed, a role gains a person,
 * one flow is re-routed.
 */
function toBe(map: ProcessMap, id: string, every: number): Scenario {
  const roles = map.roles.map((r, i) =>
    i === 0 ? { ...r, headcount: (r.headcount ?? 1) + 1 } : r,
  );
  const steps = map.steps.map((s, i) => {
    let step = s;
    if (i % every === 0 && typeof s.waitTime === 'number') {
      step = { ...step, waitTime: s.waitTime / 2 };
    }
    if (i % 25 === 0) {
      const lane = map.roles.findIndex((r) => r.id === s.roleId);
      const next = map.roles[(lane + 1) % map.roles.length];
      if (next) step = { ...step, roleId: next.id };
    }
    if (i % 40 === 0) step = { ...step, label: `${s.label} (new)` };
    return step;
  });
  const flows = map.flows.map((f, i) =>
    i === 10 && map.flows[12] ? { ...f, to: map.flows[12].to } : f,
  );
  return { id, name: `To-be ${id}`, roles, steps, flows } as unknown as Scenario;
}

function withScenarios(base: ProcessMap, count: number): ProcessMap {
  const scenarios = Array.from({ length: count }, (_, i) => toBe(base, `to-be-${i + 1}`, 3 + i));
  const checked = validateMap(JSON.parse(JSON.stringify({ ...base, scenarios })));
  if (!checked.ok) throw new Error('the generated map with scenarios is not valid');
  return checked.map;
}

/** Median milliseconds of `run` over `rounds` timings, each after a garbage collection. */
function timed(run: () => unknown, rounds: number): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  const ms: number[] = [];
  for (let i = 0; i < rounds; i++) {
    gc?.();
    const start = performance.now();
    run();
    ms.push(performance.now() - start);
  }
  return round3(median(ms));
}

export default function scenarioBenchmarks(): BenchResult[] {
  const base = generateMap({ steps: STEPS, seed: 19 });
  const one = withScenarios(base, 1);
  const three = withScenarios(base, 3);
  const checked = compareScenarios(three);
  if (!checked.ok) throw new Error(checked.message);
  const changes = checked.comparison.scenarios[1]?.changes;
  const changed = changes ? changes.steps.changed.length : 0;
  // As in the analysis suite: V8 optimises the analysis late, so both sides run many times
  // first and the figures are the steady state of a long-lived process (the editor, the server).
  for (let i = 0; i < WARM_UP; i++) {
    analyze(one);
    compareScenarios(one);
    if (i % 4 === 0) compareScenarios(three);
  }
  const reference = { label: 'analyze(map), 1,000 steps', run: () => analyze(one) };
  const scenario = scenarioMap(one, 'to-be-1');
  if (!scenario.ok) throw new Error(scenario.message);
  // Where the comparison's time goes: the scenario's own analysis, and the diff by id.
  const parts = {
    scenarioAnalysisMs: timed(() => analyze(scenario.map), 31),
    diffMapsMs: timed(() => diffMaps(one, scenario.map), 31),
  };
  const oneScenario = compare({
    name: 'scenarios.compare-1000-one',
    measured: `compareScenarios on a generated ${STEPS}-step map and one scenario (${changed} steps changed: waits halved, steps moved lane, renamed; a role resized; a flow re-routed): both analysed with their notes, and diffed by id, against one analysis of the map`,
    subject: {
      label: 'compareScenarios(map): as-is and 1 scenario',
      run: () => compareScenarios(one),
    },
    reference,
    goal: 2.5,
    rounds: 31,
  });
  return [
    compare({
      name: 'scenarios.compare-1000',
      measured: `compareScenarios on the same ${STEPS}-step map with three scenarios (four processes analysed, three diffs) against one analysis of the map`,
      subject: {
        label: 'compareScenarios(map): as-is and 3 scenarios',
        run: () => compareScenarios(three),
      },
      reference,
      goal: 4.5,
      rounds: 31,
    }),
    { ...oneScenario, details: parts },
  ];
}
