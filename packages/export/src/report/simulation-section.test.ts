import { analyze, formatMinutes, formatNumber } from '@procmap/analysis';
import type { ProcessMap } from '@procmap/model';
import {
  prepareSimulation,
  type RoleResult,
  SIMULATION_DEFAULTS,
  type SimulationWarning,
  simulate,
  summarise,
} from '@procmap/simulation';
import {
  EXPORT_FONTS as FONTS,
  flat,
  generateMap,
  HAS_PDFTOTEXT,
  hospitalDischarge,
  mapBuilder,
  outpatientReferral,
  pdfText,
} from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../index';
import type { TextItem } from '../scene';
import { DANGER } from '../theme';
import { leadTimeChart } from './lead-time-chart';
import {
  hasDemand,
  REPORT_SIMULATION_BUDGET,
  REPORT_SIMULATION_CAP,
  reportSimulationInputs,
} from './simulation-run';
import { roleStanding, utilisationRow } from './utilisation-bars';

/*
 * The report's simulation section: there when the map has demand, absent without, its figures
 * those of the run (two seeds, two sets of figures), an overloaded role named in words as well
 * as in red, and a map that cannot be simulated told why.
 */

/** One clerk who cannot keep up: 10 cases an hour of 8 minutes each, and a nurse with room. */
function overloadedClinic(): ProcessMap {
  return mapBuilder('Overloaded clinic', {
    settings: {
      hoursPerDay: 7.5,
      demand: { count: 10, per: 'hour' },
      simulation: { cases: 2000, replications: 3, warmup: 200, seed: 7 },
    },
  })
    .role('clerk', 'Booking clerk', { headcount: 1 })
    .role('nurse', 'Clinic nurse', { headcount: 4 })
    .start('in', 'clerk', 'Referral arrives')
    .task('book', 'clerk', 'Book appointment', {
      processTime: 8,
      processVariation: { distribution: 'exponential' },
    })
    .task('see', 'nurse', 'See patient', { processTime: 20 })
    .end('out', 'nurse', 'Seen')
    .chain('in', 'book', 'see', 'out')
    .build();
}

const withSettings = (map: ProcessMap, settings: NonNullable<ProcessMap['settings']>) =>
  ({ ...map, settings: { ...map.settings, ...settings } }) as ProcessMap;

const withoutDemand = (map: ProcessMap) => {
  const { demand: _, ...settings } = map.settings ?? {};
  return { ...map, settings } as ProcessMap;
};

const reportText = async (map: ProcessMap) =>
  flat(pdfText(await buildReport(map, analyze(map), FONTS, { date: '1 December 2026' })));

describe('which run the report makes', () => {
  it('given a map without demand, or with none, then there is nothing to simulate', () => {
    expect(hasDemand(outpatientReferral())).toBe(true);
    expect(hasDemand(withoutDemand(outpatientReferral()))).toBe(false);
    expect(
      hasDemand(withSettings(outpatientReferral(), { demand: { count: 0, per: 'day' } })),
    ).toBe(false);
  });

  it('given a map asking for more than a report affords, then it runs the cap and keeps what was asked', () => {
    const map = withSettings(outpatientReferral(), {
      simulation: { cases: 50_000, replications: 20, warmup: 300, seed: 9 },
    });
    const { inputs, capped } = reportSimulationInputs(map);
    expect(inputs).toEqual({ ...REPORT_SIMULATION_CAP, warmup: 300, seed: 9 });
    expect(capped).toEqual({ cases: 50_000, replications: 20 });
  });

  it('given a big map, then it runs fewer cases, warm-up and measured alike, within the budget', () => {
    // given: 300 steps, where 10,500 cases × 5 replications would take many seconds
    const map = generateMap({ steps: 300, seed: 300 });
    // when
    const { inputs, capped } = reportSimulationInputs(map);
    // then
    // The warm-up a run chooses for the map (long enough for a case to get through).
    const prepared = prepareSimulation(map, { cases: 1, replications: 1 });
    if (!prepared.ok) throw new Error('cannot simulate');
    const asked = { ...SIMULATION_DEFAULTS, warmup: prepared.run.options.warmup };
    expect(inputs.replications).toBe(REPORT_SIMULATION_CAP.replications);
    expect(
      (inputs.cases + inputs.warmup) * inputs.replications * map.steps.length,
    ).toBeLessThanOrEqual(REPORT_SIMULATION_BUDGET);
    expect(inputs.cases).toBeLessThan(REPORT_SIMULATION_CAP.cases);
    expect(inputs.warmup / (inputs.cases + inputs.warmup)).toBeCloseTo(
      asked.warmup / (asked.cases + asked.warmup),
      2,
    );
    expect(capped).toEqual({ cases: asked.cases, replications: asked.replications });
  });

  it('given a template, then the budget leaves it the whole cap', () => {
    const map = hospitalDischarge();
    expect(reportSimulationInputs(map).inputs).toEqual({
      ...REPORT_SIMULATION_CAP,
      warmup: SIMULATION_DEFAULTS.warmup,
      seed: SIMULATION_DEFAULTS.seed,
    });
  });

  it('given a map asking for a small run, then it runs exactly that', () => {
    const map = withSettings(outpatientReferral(), {
      simulation: { cases: 2000, replications: 3, warmup: 100, seed: 4 },
    });
    expect(reportSimulationInputs(map)).toEqual({
      inputs: { cases: 2000, replications: 3, warmup: 100, seed: 4 },
    });
  });
});

describe('a role’s utilisation bar', () => {
  const role = (id: string, utilisation: number | null): RoleResult => ({
    id,
    name: `Role ${id}`,
    headcount: utilisation === null ? null : 1,
    utilisation,
    meanQueueLength: 2,
    meanQueueTime: 45,
  });
  const overloaded: SimulationWarning = {
    code: 'overloaded',
    roleId: 'a',
    message: 'Role a cannot keep up',
  };
  const texts = (items: readonly { type: string }[]) =>
    items.filter((i): i is TextItem => i.type === 'text');

  it('given a role the run warns is overloaded, then its bar is red and says so in words', () => {
    const r = role('a', 1);
    expect(roleStanding(r, [overloaded])).toBe('overloaded');
    const { items } = utilisationRow(r, 'overloaded', 480, (m) => `${m} min`);
    const words = texts(items).map((t) => t.text);
    expect(words.join(' ')).toContain('Overloaded: cannot keep up');
    expect(words).toContain('100% busy');
    expect(words.join(' ')).toContain('Cases wait 45 min for it on average.');
    expect(items.some((i) => i.type === 'rect' && i.fill === DANGER)).toBe(true);
  });

  it('given a role with room, then nothing on its row is red and its words say it has room', () => {
    const r = role('b', 0.5);
    expect(roleStanding(r, [overloaded])).toBe('has-room');
    const { items } = utilisationRow(r, 'has-room', 480, (m) => `${m} min`);
    expect(texts(items).map((t) => t.text)).toContain('Has room');
    expect(texts(items).map((t) => t.text)).toContain('50% busy');
    expect(items.some((i) => ('fill' in i ? i.fill : undefined) === DANGER)).toBe(false);
  });

  it('given a role near its limit or without headcount, then its words say which', () => {
    expect(roleStanding(role('c', 0.9), [])).toBe('near-limit');
    expect(roleStanding(role('d', null), [])).toBe('unlimited');
  });
});

describe('the lead-time histogram', () => {
  const lead = {
    mean: 50,
    ci95: [48, 52] as const,
    p50: 35,
    p90: 110,
    p95: 140,
    max: 230,
    histogram: [
      { from: 0, to: 50, count: 600 },
      { from: 50, to: 100, count: 250 },
      { from: 100, to: 150, count: 100 },
      { from: 150, to: 200, count: 0 },
      { from: 200, to: 250, count: 50 },
    ],
  };

  it('draws one bar per non-empty bin, as tall as its count, and marks p50 and p90 in words', () => {
    const chart = leadTimeChart(lead, 400, (m) => `${m} min`, 450);
    const bars = chart.items.filter((i) => i.type === 'rect');
    expect(bars.map((b) => (b.type === 'rect' ? b.h : 0))).toEqual(
      [600, 250, 100, 50].map((c) => (c / 600) * (bars[0]?.type === 'rect' ? bars[0].h : 0)),
    );
    const words = chart.items.filter((i) => i.type === 'text').map((t) => t.text);
    expect(words).toContain('Half within 35 min');
    expect(words).toContain('9 in 10 within 110 min');
    // the tallest bar's share of all cases is the scale
    expect(words).toContain('60%');
  });

  it('given no bins, then nothing is drawn', () => {
    expect(leadTimeChart({ ...lead, histogram: [] }, 400, String, 450)).toEqual({
      items: [],
      height: 0,
    });
  });
});

describe.skipIf(!HAS_PDFTOTEXT)('the simulation section of the report', () => {
  it('given a map with demand, then the section shows the run’s summary, figures, roles and inputs', async () => {
    // given: the outpatient referral (40 referrals a day) at a small run
    const map = withSettings(outpatientReferral(), {
      simulation: { cases: 2000, replications: 3, warmup: 200, seed: 1 },
    });
    const hours = map.settings?.hoursPerDay ?? 7.5;
    const run = simulate(map, { cases: 2000, replications: 3, warmup: 200, seed: 1 });
    if (!run.ok) throw new Error(run.problems[0]?.message);
    const r = run.result;
    // when
    const text = await reportText(map);
    // then
    expect(text).toContain('Simulation');
    expect(text).toContain(flat(summarise(r, hours)));
    expect(text).toContain(`Half within ${formatMinutes(r.leadTime.p50, hours)}`);
    expect(text).toContain(`9 in 10 within ${formatMinutes(r.leadTime.p90, hours)}`);
    expect(text).toContain(`${formatNumber(r.throughputPerHour)} cases an hour`);
    expect(text).toContain(`${formatNumber(r.wip.mean)} cases`);
    const ci = r.leadTime.ci95 as readonly [number, number];
    expect(text).toContain(
      `${formatMinutes(r.leadTime.mean, hours)} ± ${formatMinutes((ci[1] - ci[0]) / 2, hours)} (95% interval)`,
    );
    for (const role of r.roles) expect(text).toContain(role.name);
    for (const w of r.warnings) expect(text).toContain(flat(w.message));
    expect(text).toContain(
      'Inputs: 2,000 cases in each of 3 replications (runs with their own random draws), after 200 warm-up cases that are not measured; random seed 1.',
    );
    expect(text).toContain('A simulation of working time');
    // a small run is not capped, so the report does not say it ran less
    expect(text).not.toContain('to stay quick');
  }, 60_000);

  it('given two seeds, then each report prints its own run’s figures', async () => {
    const hours = 7.5;
    const figures: string[][] = [];
    for (const seed of [1, 2]) {
      const map = withSettings(overloadedClinic(), {
        simulation: { cases: 2000, replications: 3, warmup: 200, seed },
      });
      const run = simulate(map, {});
      if (!run.ok) throw new Error(run.problems[0]?.message);
      const lead = run.result.leadTime;
      const text = await reportText(map);
      const shown = [
        `9 in 10 within ${formatMinutes(lead.p90, hours)}`,
        `Half of cases done within ${formatMinutes(lead.p50, hours)}`,
        `Longest case ${formatMinutes(lead.max, hours)}`,
      ];
      for (const words of shown) expect(text).toContain(words);
      figures.push(shown);
    }
    // the seeds gave different runs, so the same words cannot have come from anywhere else
    expect(figures[0]).not.toEqual(figures[1]);
  }, 60_000);

  it('given a role that cannot keep up, then the report names it overloaded in words and quotes the warning', async () => {
    const map = overloadedClinic();
    const run = simulate(map, {});
    if (!run.ok) throw new Error(run.problems[0]?.message);
    const warning = run.result.warnings.find((w) => w.code === 'overloaded');
    expect(warning?.roleId).toBe('clerk');
    const text = await reportText(map);
    expect(text).toMatch(/Booking clerk \d+% busy Overloaded: cannot keep up/);
    expect(text).toContain(flat(warning?.message ?? ''));
    expect(text).toMatch(/Clinic nurse \d+% busy Has room/);
    // Its lead times are not called steady: they grow with the run.
    expect(text).toContain('Not steady: a role cannot keep up');
    expect(text).not.toContain('narrow means steady');
  }, 60_000);

  it('given a map without demand, then the report has no simulation section', async () => {
    const text = await reportText(withoutDemand(outpatientReferral()));
    expect(text).toContain('Workload by role');
    expect(text).not.toContain('Simulation');
    expect(text).not.toContain('How busy each role is');
  }, 60_000);

  it('given a map that cannot be simulated, then the section says so with the first problem', async () => {
    // given: a decision whose branches add up to 70%
    const map = mapBuilder('Half-drawn triage', {
      settings: { demand: { count: 20, per: 'day' } },
    })
      .role('nurse', 'Nurse', { headcount: 2 })
      .start('in', 'nurse', 'Call comes in')
      .decision('d', 'nurse', 'Urgent?')
      .task('a', 'nurse', 'See today', { processTime: 10 })
      .task('b', 'nurse', 'Book later', { processTime: 5 })
      .end('out', 'nurse', 'Done')
      .flow('in', 'd')
      .branch('d', 'a', 0.3)
      .branch('d', 'b', 0.4)
      .chain('a', 'out')
      .chain('b', 'out')
      .build();
    const run = simulate(map, {});
    expect(run.ok).toBe(false);
    const first = run.ok ? '' : (run.problems[0]?.message ?? '');
    const text = await reportText(map);
    expect(text).toContain('Simulation');
    expect(text).toContain('the map cannot be simulated as it is');
    expect(text).toContain(flat(first));
    expect(text).not.toContain('How busy each role is');
  }, 60_000);

  it('given a map asking for a long run, then the report runs less and says so', async () => {
    const map = withSettings(overloadedClinic(), {
      simulation: { cases: 40_000, replications: 8, warmup: 200, seed: 3 },
    });
    const text = await reportText(map);
    expect(text).toContain(
      `A full run of this map is 40,000 cases × 8 replications; the report runs ${REPORT_SIMULATION_CAP.cases.toLocaleString('en-GB')} × ${Math.min(8, REPORT_SIMULATION_CAP.replications)} to stay quick`,
    );
  }, 60_000);
});
