import { describe, expect, it } from 'vitest';
import type { SimulationProblemCode, SimulationResult } from './result';
import { prepareSimulation, simulate } from './run';
import { singleQueue, type TestMap, testMap } from './test-maps';

/*
 * What the engine does beyond queueing theory: deterministic runs, batches, joins, costs,
 * warnings, and every reason a map cannot be simulated, each naming the step or role.
 */

function ok(map: ReturnType<typeof testMap>, options = {}): SimulationResult {
  const out = simulate(map, { cases: 2000, replications: 3, warmup: 100, ...options });
  if (!out.ok) throw new Error(out.problems.map((p) => p.message).join('; '));
  return out.result;
}

function problems(map: ReturnType<typeof testMap>, options = {}) {
  const out = simulate(map, options);
  if (out.ok) throw new Error('expected problems');
  return out.problems;
}

const fixedLine = (extra: Partial<TestMap> = {}): TestMap => ({
  perHour: 2,
  arrivals: 'even',
  roles: { a: 1 },
  steps: [
    { id: 'in', kind: 'start' },
    { id: 'x', processTime: 6 },
    { id: 'out', kind: 'end' },
  ],
  flows: [
    ['in', 'x'],
    ['x', 'out'],
  ],
  ...extra,
});

describe('the same seed, the same numbers', () => {
  const map = singleQueue(2, 12, 8);

  it('repeats exactly with one seed and differs with another', () => {
    const a = ok(map, { seed: 7 });
    expect(ok(map, { seed: 7 })).toEqual(a);
    const b = ok(map, { seed: 8 });
    expect(b.leadTime.mean).not.toBe(a.leadTime.mean);
    expect(b.leadTime.histogram).not.toEqual(a.leadTime.histogram);
  });

  it('gives the same answer run in small slices as in one go, as a worker runs it', () => {
    const whole = ok(map, { seed: 3 });
    const prepared = prepareSimulation(map, { cases: 2000, replications: 3, warmup: 100, seed: 3 });
    if (!prepared.ok) throw new Error('cannot simulate');
    const shares: number[] = [];
    while (!prepared.run.done) shares.push(prepared.run.advance(997));
    expect(prepared.run.result()).toEqual(whole);
    // Progress only goes forward and ends at 1.
    for (let k = 1; k < shares.length; k++)
      expect(shares[k] as number).toBeGreaterThanOrEqual(shares[k - 1] as number);
    expect(shares.at(-1)).toBe(1);
    expect(shares.length).toBeGreaterThan(10);
    expect(prepared.run.events).toBeGreaterThan(3 * 2 * 2100);
  });

  it('takes the map settings, overridden by the options', () => {
    const withSettings = {
      ...map,
      settings: {
        ...map.settings,
        simulation: { cases: 500, replications: 2, warmup: 0, seed: 5 },
      },
    };
    const fromMap = simulate(withSettings);
    if (!fromMap.ok) throw new Error('cannot simulate');
    expect(fromMap.result).toMatchObject({ cases: 500, replications: 2, warmup: 0, seed: 5 });
    const overridden = simulate(withSettings, { cases: 300, seed: 9 });
    if (!overridden.ok) throw new Error('cannot simulate');
    expect(overridden.result).toMatchObject({ cases: 300, replications: 2, warmup: 0, seed: 9 });
  });

  it('counts every measured case of every replication in the histogram once', () => {
    const result = ok(map, { cases: 1500, replications: 4 });
    const total = result.leadTime.histogram.reduce((s, b) => s + b.count, 0);
    expect(total).toBe(1500 * 4);
    for (const bin of result.leadTime.histogram) expect(bin.to).toBeGreaterThan(bin.from);
    expect(result.leadTime.p50).toBeLessThanOrEqual(result.leadTime.p90);
    expect(result.leadTime.p90).toBeLessThanOrEqual(result.leadTime.p95);
    expect(result.leadTime.p95).toBeLessThanOrEqual(result.leadTime.max);
  });
});

describe('routing', () => {
  it('waits for every parallel branch at the join, then goes on once', () => {
    const map = testMap({
      perHour: 1,
      arrivals: 'even',
      roles: { a: undefined },
      steps: [
        { id: 'in', kind: 'start' },
        { id: 'split', processTime: 1 },
        { id: 'short', processTime: 10 },
        { id: 'long', processTime: 30, waitTime: 5 },
        { id: 'join', processTime: 4 },
        { id: 'out', kind: 'end' },
      ],
      flows: [
        ['in', 'split'],
        ['split', 'short'],
        ['split', 'long'],
        ['short', 'join'],
        ['long', 'join'],
        ['join', 'out'],
      ],
    });
    const result = ok(map, { cases: 50, replications: 1, warmup: 0 });
    // 1 + the longer branch (5 + 30) + 4, every case alike.
    expect(result.leadTime.mean).toBe(40);
    expect(result.leadTime.max).toBe(40);
    expect(result.steps.find((s) => s.id === 'join')?.visits).toBe(1);
  });

  it('gathers a batch before it starts and lets its cases go together', () => {
    // A case every 10 min; three make a batch of 3 × 6 min of work. The first waits 20 min for
    // the others, the second 10, the third none: leads 38, 28, 18.
    const map = testMap(
      fixedLine({
        perHour: 6,
        steps: [
          { id: 'in', kind: 'start' },
          { id: 'x', processTime: 6, batchSize: 3 },
          { id: 'out', kind: 'end' },
        ],
      }),
    );
    const result = ok(map, { cases: 300, replications: 1, warmup: 0 });
    expect(result.leadTime.mean).toBe(28);
    expect(result.leadTime.max).toBe(38);
    expect(result.roles[0]?.utilisation).toBeCloseTo(0.6, 2);
    // The step's queue is the batch filling (20, 10 and 0 min); nobody waits for the person.
    expect(result.steps.find((s) => s.id === 'x')?.meanQueueTime).toBe(10);
    expect(result.roles[0]).toMatchObject({ meanQueueTime: 0, meanQueueLength: 0 });
  });

  it('costs a case the hands-on minutes of each role at its hourly cost', () => {
    const map = testMap(fixedLine({ costs: { a: 30 } }));
    // 6 min at £30 an hour.
    expect(ok(map).costPerCase).toBe(3);
    expect(ok(testMap(fixedLine())).costPerCase).toBeNull();
  });
});

describe('warnings', () => {
  it('finishes an overloaded role and says how fast its queue grows', () => {
    // 12 an hour at 8 min each for one person: 160% busy; 0.2 − 0.125 a minute, 450 min a day.
    const result = ok(singleQueue(1, 8, 12), { cases: 3000, replications: 2 });
    const warning = result.warnings.find((w) => w.code === 'overloaded');
    expect(warning?.roleId).toBe('clerk');
    expect(warning?.message).toMatch(
      /^Role clerk cannot keep up: the work asked of them is 1[56]\d% of their time; the queue grows by 3\d cases a day$/,
    );
    expect(result.roles[0]?.utilisation).toBeGreaterThan(0.99);
  });

  it('counts the growth in cases, not in visits, when cases come back for rework', () => {
    // 12 an hour; each case visits twice on average (half come back), 4 min a visit: 8 min of
    // work a case, as above: the role falls behind by (0.2 − 1/8) × 450 = 34 cases a day.
    const map = testMap({
      perHour: 12,
      roles: { clerk: 1 },
      steps: [
        { id: 'in', kind: 'start' },
        { id: 'x', processTime: 4, processVariation: { distribution: 'exponential' } },
        { id: 'd', kind: 'decision' },
        { id: 'out', kind: 'end' },
      ],
      flows: [
        ['in', 'x'],
        ['x', 'd'],
        ['d', 'x', 0.5],
        ['d', 'out', 0.5],
      ],
    });
    const warning = ok(map, { cases: 3000, replications: 2 }).warnings.find(
      (w) => w.code === 'overloaded',
    );
    expect(warning?.message).toMatch(/the queue grows by 3\d cases a day$/);
  });

  it('says when a role has no headcount and so never queues', () => {
    const result = ok(testMap(fixedLine({ roles: { a: undefined } })));
    expect(result.roles[0]).toMatchObject({ headcount: null, utilisation: null, meanQueueTime: 0 });
    expect(result.warnings.map((w) => w.code)).toContain('unlimited');
  });

  it('says when measuring began before the service had filled up, and suggests a warm-up', () => {
    // Two an hour, each case waiting a working week (2,250 min): 10 warm-up cases arrive in 300 min.
    const slow = testMap(
      fixedLine({
        steps: [
          { id: 'in', kind: 'start' },
          { id: 'x', processTime: 6, waitTime: 2250 },
          { id: 'out', kind: 'end' },
        ],
      }),
    );
    const short = ok(slow, { warmup: 10 });
    const warning = short.warnings.find((w) => w.code === 'short-warmup');
    expect(warning?.message).toMatch(
      /warm-up of 10 cases is over before a case gets through \(300 min of arrivals against a 2256 min lead time\).*Try a warm-up of 200 cases\.$/,
    );
    expect(ok(slow, { warmup: 200 }).warnings.map((w) => w.code)).not.toContain('short-warmup');
  });

  it('chooses a warm-up long enough for a case to get through when none is asked for', () => {
    const slow = testMap(
      fixedLine({
        steps: [
          { id: 'in', kind: 'start' },
          { id: 'x', processTime: 6, waitTime: 2250 },
          { id: 'out', kind: 'end' },
        ],
      }),
    );
    const out = simulate(slow, { cases: 300, replications: 2 });
    if (!out.ok) throw new Error('cannot simulate');
    // Two lead times (2 × 2,256 min) of arrivals at 2 an hour: 150.4, so at least the default 500.
    expect(out.result.warmup).toBe(500);
    const slower = testMap(
      fixedLine({
        perHour: 20,
        roles: { a: 3 },
        steps: [
          { id: 'in', kind: 'start' },
          { id: 'x', processTime: 6, waitTime: 2250 },
          { id: 'out', kind: 'end' },
        ],
      }),
    );
    const chosen = simulate(slower, { cases: 300, replications: 2 });
    if (!chosen.ok) throw new Error('cannot simulate');
    // 2 × 2,256 min × 1/3 a minute = 1,504: rounded up to two figures.
    expect(chosen.result.warmup).toBe(1600);
    // Chosen the same however many replications are asked for.
    const more = simulate(slower, { cases: 300, replications: 3 });
    expect(more.ok && more.result.warmup).toBe(1600);
    expect(chosen.result.warnings.map((w) => w.code)).not.toContain('short-warmup');
    const asked = { ...slower, settings: { ...slower.settings, simulation: { warmup: 20 } } };
    const given = simulate(asked, { cases: 300, replications: 2 });
    if (!given.ok) throw new Error('cannot simulate');
    expect(given.result.warmup).toBe(20);
    expect(given.result.warnings.map((w) => w.code)).toContain('short-warmup');
  });

  it('counts whole people', () => {
    const result = ok(testMap(fixedLine({ roles: { a: 1.6 } })));
    expect(result.roles[0]?.headcount).toBe(2);
    expect(result.warnings.find((w) => w.code === 'whole-people')?.message).toContain('1.6');
  });
});

describe('what cannot be simulated says why and where', () => {
  const codes = (list: readonly { code: SimulationProblemCode }[]) => list.map((p) => p.code);
  const withStep = (step: Record<string, unknown>) => {
    const map = testMap(fixedLine());
    return { ...map, steps: map.steps.map((s) => (s.id === 'x' ? { ...s, ...step } : s)) };
  };

  it('a map without demand or without a start', () => {
    const map = testMap(fixedLine());
    const noDemand = problems({ ...map, settings: {} });
    expect(codes(noDemand)).toEqual(['no-demand']);
    expect(noDemand[0]?.message).toMatch(/demand/i);
    const loop = testMap(
      fixedLine({
        flows: [
          ['in', 'x'],
          ['x', 'out'],
          ['out', 'in'],
        ],
      }),
    );
    const noStart = problems({ ...loop, steps: loop.steps.map((s) => ({ ...s, kind: 'task' })) });
    expect(codes(noStart)).toContain('no-start');
    expect(noStart.find((p) => p.code === 'no-start')?.message).toMatch(/start step/);
  });

  it('negative and NaN times, name the step', () => {
    for (const bad of [-5, Number.NaN, 'ten']) {
      const [p] = problems(withStep({ processTime: bad }));
      expect(p).toMatchObject({ code: 'bad-time', stepId: 'x' });
      expect(p?.message).toContain('Step x');
    }
  });

  it('a range with min above max, an unknown distribution, a mode outside its range', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [
        { processVariation: { distribution: 'triangular', min: 9, max: 3 } },
        /min is above the max/,
      ],
      [{ waitVariation: { distribution: 'gamma' } }, /unknown distribution "gamma"/],
      [{ processVariation: { distribution: 'triangular', min: 7, max: 9 } }, /outside its range/],
      [{ processVariation: { distribution: 'lognormal' } }, /cv/],
    ];
    for (const [field, words] of cases) {
      const [p] = problems(withStep(field));
      expect(p).toMatchObject({ code: 'bad-variation', stepId: 'x' });
      expect(p?.message).toMatch(words);
    }
  });

  it('probabilities that do not add up to 1', () => {
    const map = testMap(
      fixedLine({
        steps: [
          { id: 'in', kind: 'start' },
          { id: 'd', kind: 'decision' },
          { id: 'out', kind: 'end' },
          { id: 'x', processTime: 1 },
        ],
        flows: [
          ['in', 'd'],
          ['d', 'out', 0.5],
          ['d', 'x', 0.2],
          ['x', 'out'],
        ],
      }),
    );
    const [p] = problems(map);
    expect(p).toMatchObject({ code: 'bad-probabilities', stepId: 'd' });
    expect(p?.message).toContain('70%');
  });

  it('a loop no case leaves, and a role of nobody, instead of a run that never ends', () => {
    const loop = testMap(
      fixedLine({
        steps: [
          { id: 'in', kind: 'start' },
          { id: 'x', processTime: 1 },
          { id: 'y', processTime: 1 },
        ],
        flows: [
          ['in', 'x'],
          ['x', 'y'],
          ['y', 'x'],
        ],
      }),
    );
    expect(problems(loop)[0]).toMatchObject({ code: 'endless-loop', stepId: 'x' });
    const nobody = problems(testMap(fixedLine({ roles: { a: 0 } })));
    expect(nobody[0]).toMatchObject({ code: 'no-people', roleId: 'a', stepId: 'x' });
  });

  it('options out of range', () => {
    const map = testMap(fixedLine());
    for (const options of [
      { cases: 0 },
      { replications: 1.5 },
      { warmup: -1 },
      { seed: Number.NaN },
    ]) {
      const [p] = problems(map, options);
      expect(p?.code).toBe('bad-option');
    }
  });
});
