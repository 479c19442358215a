import { formatMinutes, formatNumber, formatShare } from '@procmap/analysis';
import { type SimulationResult, summarise } from '@procmap/simulation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { busyReferralMap, busyReferralMapWith } from '../test-support/maps';
import {
  expected,
  SMALL,
  SMALL_OPTIONS,
  simulateFile,
  simulateJson,
} from '../test-support/simulate-run';
import { makeTempDir, type TempDir } from '../test-support/temp-files';

/*
 * The busy referral map (test-support/maps.ts): 40 referrals a day; three GPs write each in 5 to
 * 30 min; one ward clerk books it in about 5 min after a 2400 min wait. Runs are kept small
 * (2000 cases, 3 replications) so the tests stay quick; every figure checked is the one the
 * simulation package computes for the same map and options.
 */

const HOURS_PER_DAY = 7.5;

/** A line of the report: label padded to 26 columns, as the analysis report lays them out. */
const row = (label: string, value: string) => `  ${label.padEnd(26)}${value}`;
const time = (minutes: number) => formatMinutes(minutes, HOURS_PER_DAY);

/** Start → seven tasks in series, each in a role of one person, its time `times[i]` → end. */
function seriesMap(times: readonly number[]) {
  const tasks = times.map((t, i) => ({
    id: `t${i + 1}`,
    roleId: `r${i + 1}`,
    kind: 'task',
    label: `Task ${i + 1}`,
    processTime: t,
    processVariation: { distribution: 'exponential' },
  }));
  const steps = [
    { id: 'start', roleId: 'r1', kind: 'start', label: 'Arrives' },
    ...tasks,
    { id: 'end', roleId: `r${times.length}`, kind: 'end', label: 'Done' },
  ];
  return {
    format: 'procmap',
    version: 1,
    id: 'series',
    title: 'Tasks in series',
    settings: { demand: { count: 60, per: 'day' } },
    roles: times.map((_, i) => ({ id: `r${i + 1}`, name: `Role ${i + 1}`, headcount: 1 })),
    steps,
    flows: steps.slice(1).map((s, i) => ({ id: `f${i + 1}`, from: steps[i]?.id, to: s.id })),
  };
}

describe('procmap simulate', () => {
  let dir: TempDir;
  let busy = '';
  beforeAll(async () => {
    dir = await makeTempDir();
    busy = await dir.writeJson('busy.procmap.json', busyReferralMap());
  });
  afterAll(async () => {
    await dir.remove();
  });

  describe('given a map that can be simulated', () => {
    it('when run with --json, then stdout is exactly the run’s result, pretty-printed, and it exits 0', async () => {
      // when
      const { code, stdout, stderr, json } = await simulateJson(busy, ...SMALL);
      // then
      expect(code).toBe(0);
      expect(stderr).toBe('');
      expect(json).toEqual(expected(busyReferralMap(), SMALL_OPTIONS));
      expect(stdout).toBe(`${JSON.stringify(json, null, 2)}\n`);
    });

    it('when run with --json, then every field of the documented result is there', async () => {
      // when
      const { json } = await simulateJson(busy, ...SMALL);
      // then: docs/simulation.md, "What a run reports"
      expect(Object.keys(json).sort()).toEqual(
        [
          'cases',
          'replications',
          'warmup',
          'seed',
          'leadTime',
          'throughputPerHour',
          'wip',
          'costPerCase',
          'roles',
          'steps',
          'warnings',
        ].sort(),
      );
      expect(Object.keys(json.leadTime).sort()).toEqual(
        ['mean', 'ci95', 'p50', 'p90', 'p95', 'max', 'histogram'].sort(),
      );
      expect(json.leadTime.ci95).toHaveLength(2);
      expect(json.leadTime.histogram.length).toBeGreaterThan(0);
      for (const bin of json.leadTime.histogram) {
        expect(Object.keys(bin).sort()).toEqual(['count', 'from', 'to']);
      }
      expect(Object.keys(json.wip)).toEqual(['mean']);
      expect(json.roles.map((r) => r.id)).toEqual(['gp', 'clerk']);
      for (const role of json.roles) {
        expect(Object.keys(role).sort()).toEqual(
          ['id', 'name', 'headcount', 'utilisation', 'meanQueueLength', 'meanQueueTime'].sort(),
        );
      }
      expect(json.steps.map((s) => s.id)).toEqual(['s1', 's2', 's3', 's4']);
      for (const step of json.steps) {
        expect(Object.keys(step).sort()).toEqual(
          ['id', 'label', 'visits', 'meanQueueTime', 'meanProcessTime', 'meanWaitTime'].sort(),
        );
      }
      expect([json.cases, json.replications, json.warmup, json.seed]).toEqual([2000, 3, 500, 1]);
    });

    it('when run twice with the same seed, then the JSON is the same to the byte', async () => {
      // when
      const first = await simulateFile(busy, '--json', ...SMALL, '--seed', '7');
      const second = await simulateFile(busy, '--json', ...SMALL, '--seed', '7');
      // then
      expect(first.code).toBe(0);
      expect(second.stdout).toBe(first.stdout);
    });

    it('when run with another seed, then the samples differ', async () => {
      // when
      const one = await simulateJson(busy, ...SMALL, '--seed', '7');
      const other = await simulateJson(busy, ...SMALL, '--seed', '8');
      // then
      expect(other.json.seed).toBe(8);
      expect(other.json.leadTime.mean).not.toBe(one.json.leadTime.mean);
      // The GPs' times are drawn from a triangular range: another seed, other draws.
      expect(other.json.steps[1]?.meanProcessTime).not.toBe(one.json.steps[1]?.meanProcessTime);
      expect(other.json.leadTime.max).not.toBe(one.json.leadTime.max);
    });

    it('when the map has settings.simulation, then they are used, and each flag given overrides its own field', async () => {
      // given
      const map = busyReferralMapWith((m) => {
        m.settings = {
          ...(m.settings as object),
          simulation: { cases: 1500, replications: 2, warmup: 50, seed: 11 },
        };
      });
      const file = await dir.writeJson('settings.procmap.json', map);
      // when
      const fromMap = await simulateJson(file);
      const overridden = await simulateJson(file, '--cases', '2000', '--seed', '5');
      // then
      expect(fromMap.code).toBe(0);
      expect(fromMap.json).toEqual(expected(map, {}));
      expect([fromMap.json.cases, fromMap.json.replications]).toEqual([1500, 2]);
      expect([fromMap.json.warmup, fromMap.json.seed]).toEqual([50, 11]);
      expect(overridden.json).toEqual(expected(map, { cases: 2000, seed: 5 }));
      expect([overridden.json.cases, overridden.json.replications]).toEqual([2000, 2]);
      expect([overridden.json.warmup, overridden.json.seed]).toEqual([50, 5]);
    });

    it('when run on a terminal, then it prints the inputs, the lead time, the flow, the roles, the queues and the summary from the same run', async () => {
      // given
      const r = expected(busyReferralMap(), { ...SMALL_OPTIONS, seed: 3 });
      // when
      const { code, stdout, stderr } = await simulateFile(busy, ...SMALL, '--seed', '3');
      // then
      expect(code).toBe(0);
      expect(stderr).toBe('');
      const lines = stdout.split('\n');
      expect(lines[0]).toBe(`Simulation of "Outpatient referral" (${busy}) — 4 steps, 2 roles`);
      const [lo, hi] = r.leadTime.ci95 ?? [Number.NaN, Number.NaN];
      const gp = r.roles[0] as SimulationResult['roles'][number];
      const clerk = r.roles[1] as SimulationResult['roles'][number];
      expect(lines).toEqual(
        expect.arrayContaining([
          'Run',
          row('Cases', '2,000 measured in each replication'),
          row('Replications', '3'),
          row('Warm-up', '500 cases before them, not measured'),
          row('Seed', '3'),
          row('Demand', '40 cases a day, at random (Poisson)'),
          'Lead time',
          row(
            'Mean',
            `${time(r.leadTime.mean)} (± ${time((hi - lo) / 2)}, 95% confidence interval of the mean)`,
          ),
          row('Half of cases within', `${time(r.leadTime.p50)} (p50)`),
          row('9 in 10 within', `${time(r.leadTime.p90)} (p90)`),
          row('19 in 20 within', `${time(r.leadTime.p95)} (p95)`),
          row('Longest', time(r.leadTime.max)),
          'Flow',
          row(
            'Throughput',
            `${formatNumber(r.throughputPerHour)} cases an hour (${formatNumber(r.throughputPerHour * HOURS_PER_DAY)} a day)`,
          ),
          row('Cases in progress', `${formatNumber(r.wip.mean)} cases on average`),
          'Roles',
          row(
            'GP',
            `3 people, ${formatShare(gp.utilisation ?? Number.NaN)} busy; ${formatNumber(gp.meanQueueLength)} cases waiting on average, ${time(gp.meanQueueTime)} a visit`,
          ),
          row(
            'Ward clerk',
            `1 person, ${formatShare(clerk.utilisation ?? Number.NaN)} busy; ${formatNumber(clerk.meanQueueLength)} cases waiting on average, ${time(clerk.meanQueueTime)} a visit`,
          ),
          'Where cases queue longest',
          'In one sentence',
          `  ${summarise(r, HOURS_PER_DAY)}`,
        ]),
      );
      // Both working steps queue for their people; the longer wait is listed first.
      const queued = r.steps
        .filter((s) => (s.meanQueueTime ?? 0) > 0)
        .sort((a, b) => (b.meanQueueTime ?? 0) * b.visits - (a.meanQueueTime ?? 0) * a.visits);
      expect(queued.map((s) => s.id).sort()).toEqual(['s2', 's3']);
      const first = lines.indexOf('Where cases queue longest') + 1;
      expect(lines.slice(first, first + 2)).toEqual(
        queued.map((s, i) => `  ${i + 1}. "${s.label}" — ${time(s.meanQueueTime ?? 0)} a case`),
      );
    });

    it('when the validator has warnings, then they are listed before the run, as analyze lists them', async () => {
      // given: the end step in a role the map does not have
      const map = busyReferralMapWith((m) => {
        m.steps[3] = { ...m.steps[3], roleId: 'nurse' };
      });
      const file = await dir.writeJson('nurse.procmap.json', map);
      // when
      const { code, stdout } = await simulateFile(file, ...SMALL);
      // then
      expect(code).toBe(0);
      expect(stdout).toContain(
        '\n\n1 validator warning:\n  warning  steps[3].roleId: unknown role "nurse"\n\nRun\n',
      );
    });

    it('when a role has no headcount, then its line says it had as many people as needed', async () => {
      // given
      const map = busyReferralMapWith((m) => {
        m.roles[0] = { id: 'gp', name: 'GP', order: 0 };
      });
      const file = await dir.writeJson('no-headcount.procmap.json', map);
      // when
      const { code, stdout } = await simulateFile(file, ...SMALL);
      // then
      expect(code).toBe(0);
      expect(stdout).toContain(`\n${row('GP', 'no headcount: as many people as needed')}\n`);
      const r = expected(map, SMALL_OPTIONS);
      expect(r.roles[0]?.headcount).toBeNull();
    });

    it('when cases queue at more than five steps, then the five where they wait longest a case are listed, longest first', async () => {
      // given: seven one-person roles, busy 13% to 93% of the day
      const map = seriesMap([1, 3, 6, 2, 7, 4, 5]);
      const file = await dir.writeJson('series.procmap.json', map);
      const r = expected(map, SMALL_OPTIONS);
      // when
      const { code, stdout } = await simulateFile(file, ...SMALL);
      // then
      expect(code).toBe(0);
      const ranked = r.steps
        .filter((s) => (s.meanQueueTime ?? 0) > 0)
        .sort((a, b) => (b.meanQueueTime ?? 0) * b.visits - (a.meanQueueTime ?? 0) * a.visits);
      expect(ranked).toHaveLength(7);
      const lines = stdout.split('\n');
      const first = lines.indexOf('Where cases queue longest') + 1;
      expect(lines.slice(first, first + 6)).toEqual([
        ...ranked
          .slice(0, 5)
          .map((s, i) => `  ${i + 1}. "${s.label}" — ${time(s.meanQueueTime ?? 0)} a case`),
        '',
      ]);
    });
  });

  describe('given a role that cannot keep up', () => {
    // One GP for 60 referrals a day of 15 min on average: 900 min of work in a 450 min day.
    const overloaded = () =>
      busyReferralMapWith((m) => {
        m.settings = { demand: { count: 60, per: 'day' } };
        m.roles[0] = { ...m.roles[0], headcount: 1 };
      });

    it('when simulated, then the run finishes, exits 0 and warns that the role is overloaded', async () => {
      // given
      const file = await dir.writeJson('overloaded.procmap.json', overloaded());
      // when
      const { code, json } = await simulateJson(file, ...SMALL);
      const report = await simulateFile(file, ...SMALL);
      // then
      expect(code).toBe(0);
      const warning = json.warnings.find((w) => w.code === 'overloaded');
      expect(warning?.roleId).toBe('gp');
      expect(json.roles[0]?.utilisation).toBeGreaterThan(0.95);
      expect(report.code).toBe(0);
      expect(report.stdout).toContain(`\nWarnings (${json.warnings.length})\n`);
      expect(report.stdout).toContain(`\n  warning  ${warning?.message}\n`);
    });
  });
});
