import type { ProcessMap } from '@procmap/model';
import { FIXTURES, generateMap, mapBuilder } from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';
import { analyze } from './index';
import { DAY_SETTINGS, findingsOf } from './test-helpers';

/*
 * The time at stake of a finding is what the lead time would gain without its waste; the figures
 * that can be added up (uniqueTimeAtStake) never add up to more than the lead time.
 */

/** The map with these decision flows (from → to) at probability 0: the loop taken away. */
function withoutRework(map: ProcessMap, flows: readonly (readonly [string, string])[]): ProcessMap {
  const copy = structuredClone(map) as unknown as {
    flows: { from: string; to: string; probability?: number }[];
  };
  for (const [from, to] of flows) {
    const flow = copy.flows.find((f) => f.from === from && f.to === to);
    if (!flow) throw new Error(`no flow ${from} → ${to}`);
    flow.probability = 0;
  }
  return copy as unknown as ProcessMap;
}

/** Lead time with the loop, minus lead time with its rework branches at 0, by analysing both. */
function leadTimeAdded(map: ProcessMap, flows: readonly (readonly [string, string])[]): number {
  return analyze(map).metrics.leadTime - analyze(withoutRework(map, flows)).metrics.leadTime;
}

/** Fill in a claim (50 min), check it; 20% go to "Ask for missing details" (255 min wait) and back. */
function claimWithRequest(): ProcessMap {
  return mapBuilder('Claim with request', { settings: DAY_SETTINGS })
    .role('clerk', 'Clerk', { headcount: 3 })
    .start('start', 'clerk', 'Claim arrives')
    .task('fill', 'clerk', 'Fill in claim', { processTime: 50 })
    .task('check', 'clerk', 'Check claim', { processTime: 0 })
    .decision('ok?', 'clerk', 'Complete?')
    .task('ask', 'clerk', 'Ask for missing details', { processTime: 0, waitTime: 255 })
    .end('end', 'clerk', 'Claim accepted')
    .chain('start', 'fill', 'check', 'ok?')
    .branch('ok?', 'ask', 0.2, 'Incomplete')
    .branch('ok?', 'end', 0.8, 'Complete')
    .chain('ask', 'fill')
    .build();
}

describe('rework-loop: the time at stake is the lead time the loop adds', () => {
  it('given a 20% loop whose body is 50 + 255 min, then it puts 0.25 × 305 = 76.25 min at stake', () => {
    const map = claimWithRequest();
    const [loop] = findingsOf(analyze(map), 'rework-loop');
    // 1 / (1 - 0.2) = 1.25 passes: 0.25 extra of filling in (50) and of the request (255),
    // whose first trip is itself rework
    expect(loop?.timeAtStake).toBe(76.25);
    expect(leadTimeAdded(map, [['ok?', 'ask']])).toBeCloseTo(76.25, 2);
    expect(loop?.message).toContain('1 h 16 min less');
    // the branch that sends work round again is named with the flow back
    expect(loop?.flowIds).toHaveLength(2);
  });

  const cases: [name: keyof typeof FIXTURES, flows: [string, string][]][] = [
    ['invoice-approval', [['matched', 'query']]],
    ['hospital-discharge', [['tto-ok', 'query-tto']]],
    [
      'outpatient-referral',
      [
        ['complete', 'return-gp'],
        ['triage-outcome', 'request-info'],
      ],
    ],
    ['outpatient-referral', [['attends', 'dna']]],
  ];
  it.each(cases)(
    'given %s, then each loop puts at stake the lead time with it minus without it (%j)',
    (name, flows) => {
      const map = FIXTURES[name]();
      const added = leadTimeAdded(map, flows);
      const loops = findingsOf(analyze(map), 'rework-loop');
      const [from, to] = flows[0] as [string, string];
      const flowId = map.flows.find((f) => f.from === from && f.to === to)?.id;
      const loop = loops.find((f) => f.flowIds.includes(flowId as never));
      expect(loop, 'the loop is found').toBeDefined();
      expect(added).toBeGreaterThan(1);
      expect(loop?.timeAtStake).toBeCloseTo(added, 1);
    },
  );

  it('given a loop beside parallel work, then the gain counts the critical path only', () => {
    // Admit, then bloods (10 min after 20, re-taken 25% of the time) beside history (40 min).
    const map = mapBuilder('Admission', { settings: DAY_SETTINGS })
      .role('ward', 'Ward', { headcount: 4 })
      .start('start', 'ward', 'Patient arrives')
      .task('admit', 'ward', 'Admit patient', { processTime: 5 })
      .task('bloods', 'ward', 'Take bloods', { processTime: 10, waitTime: 20 })
      .decision('ok?', 'ward', 'Sample usable?')
      .task('history', 'ward', 'Take history', { processTime: 40 })
      .task('plan', 'ward', 'Agree care plan', { processTime: 5 })
      .end('end', 'ward', 'Admitted')
      .chain('start', 'admit', 'bloods', 'ok?')
      .branch('ok?', 'plan', 0.75, 'Usable')
      .branch('ok?', 'bloods', 0.25, 'Haemolysed')
      .chain('admit', 'history', 'plan', 'end')
      .build();
    const [loop] = findingsOf(analyze(map), 'rework-loop');
    // with the loop the bloods branch takes 30 / 0.75 = 40 min, level with history: no gain
    const added = leadTimeAdded(map, [['ok?', 'bloods']]);
    expect(added).toBeCloseTo(0, 6);
    expect(loop?.timeAtStake).toBe(0);
    // a longer wait puts the bloods branch on the critical path: 50 / 0.75 = 66.67 vs 40
    const slower = structuredClone(map);
    (slower.steps.find((s) => s.id === 'bloods') as { waitTime: number }).waitTime = 40;
    const [again] = findingsOf(analyze(slower), 'rework-loop');
    const addedSlower = leadTimeAdded(slower, [['ok?', 'bloods']]);
    expect(addedSlower).toBeCloseTo(66.67 - 50, 1);
    expect(again?.timeAtStake).toBeCloseTo(addedSlower, 1);
  });

  it('given a flow back from a task with two ways out, then it does not blame decision probabilities', () => {
    const map = mapBuilder('Task loop', { settings: DAY_SETTINGS })
      .role('a', 'A')
      .start('start', 'a', 'Start')
      .task('x', 'a', 'Draft letter', { processTime: 5 })
      .task('y', 'a', 'Proofread letter', { processTime: 5 })
      .end('end', 'a', 'Sent')
      .chain('start', 'x', 'y', 'end')
      .flow('y', 'x')
      .build();
    const [loop] = findingsOf(analyze(map), 'rework-loop');
    expect(loop?.severity).toBe('critical');
    expect(loop?.message).not.toContain('decision probabilities');
    expect(loop?.message).toContain(
      '“Proofread letter” is not a decision but has more than one way out',
    );
  });
});

describe('headline gains never add up to more than the lead time', () => {
  /** A generated map with some tasks given a second way out: parallel work, loops and all. */
  function withParallel(map: ProcessMap, seed: number): ProcessMap {
    const copy = structuredClone(map) as ProcessMap & { flows: unknown[] };
    const steps = copy.steps;
    for (let i = 1; i + 3 < steps.length; i += 7 + (seed % 5)) {
      const s = steps[i];
      if (s?.kind !== 'task') continue;
      copy.flows.push({ id: `par${i}`, from: s.id, to: steps[i + 3]?.id });
    }
    return copy;
  }

  const SEEDS = Array.from({ length: 30 }, (_, i) => i + 1);
  it.each(SEEDS)('given generated map %i, with and without parallel work', (seed) => {
    const base = generateMap({
      steps: 30 + ((seed * 53) % 300),
      seed,
      roles: 1 + (seed % 5),
      decisionRate: 0.15,
      loopRate: 0.12,
    });
    for (const map of [base, withParallel(base, seed)]) {
      const { metrics, findings } = analyze(map);
      let sum = 0;
      for (const f of findings) {
        expect(f.uniqueTimeAtStake).toBeGreaterThanOrEqual(0);
        expect(f.uniqueTimeAtStake).toBeLessThanOrEqual(f.timeAtStake + 1e-9);
        expect(f.timeAtStake).toBeLessThanOrEqual(metrics.leadTime + 0.01);
        sum += f.uniqueTimeAtStake;
      }
      expect(sum).toBeLessThanOrEqual(metrics.leadTime + 1e-6);
      // findings are listed by their gain, largest first
      for (let k = 1; k < findings.length; k++) {
        expect(findings[k - 1]?.timeAtStake).toBeGreaterThanOrEqual(findings[k]?.timeAtStake ?? 0);
      }
    }
  });

  it.each([3, 7, 11, 19])(
    'given generated map %i, then every rework loop is worth the lead time it adds',
    (seed) => {
      const map = generateMap({ steps: 120, seed, loopRate: 0.15 });
      const loops = findingsOf(analyze(map), 'rework-loop');
      expect(loops.length).toBeGreaterThan(0);
      for (const loop of loops) {
        // the generator labels every flow that sends work back "Rework"
        const rework = map.flows
          .filter((f) => f.label === 'Rework' && loop.flowIds.includes(f.id))
          .map((f) => [f.from as string, f.to as string] as [string, string]);
        expect(rework.length).toBeGreaterThan(0);
        expect(loop.timeAtStake).toBeCloseTo(leadTimeAdded(map, rework), 1);
      }
    },
  );

  it('given a long wait that is also the bottleneck role’s queue, then it is counted once', () => {
    const map = mapBuilder('Queue', { settings: DAY_SETTINGS })
      .role('a', 'A', { headcount: 1 })
      .start('start', 'a', 'Start')
      .task('x', 'a', 'Assess', { processTime: 12, waitTime: 900, valueClass: 'waste' })
      .end('end', 'a', 'End')
      .chain('start', 'x', 'end')
      .build();
    const { metrics, findings } = analyze(map);
    // long wait, bottleneck and non-value-adding all name the same 900-minute queue
    expect(findings.filter((f) => f.timeAtStake >= 900).length).toBeGreaterThanOrEqual(3);
    const total = findings.reduce((t, f) => t + f.uniqueTimeAtStake, 0);
    expect(total).toBeCloseTo(metrics.leadTime, 6); // 912: the queue once, the work once
    expect(findings[0]?.uniqueTimeAtStake).toBe(findings[0]?.timeAtStake);
  });
});
