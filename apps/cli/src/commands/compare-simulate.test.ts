import type { SimulationResult } from '@procmap/simulation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../run';
import { captureIo } from '../test-support/capture-io';
import { compareFile } from '../test-support/compare-run';
import { busyReferralMap, referralMapWith } from '../test-support/maps';
import { busyCopiesMap, triageMap } from '../test-support/scenario-maps';
import { expected, SMALL, SMALL_OPTIONS, simulateJson } from '../test-support/simulate-run';
import { makeTempDir, type TempDir } from '../test-support/temp-files';

/*
 * `procmap compare --simulate`: every process simulated under one seed, so identical processes
 * give identical answers; then what the command refuses (exit 1 and 2) and its help. The map:
 * the busy referral map (seed 7 in its settings) with two exact copies of its process as
 * scenarios, one asking for seed 99, and one scenario with nothing mapped.
 */

type Entry = { id: string; simulation: SimulationResult & { simulated?: boolean } };

describe('procmap compare --simulate', () => {
  let dir: TempDir;
  let copies = '';
  beforeAll(async () => {
    dir = await makeTempDir();
    copies = await dir.writeJson('copies.procmap.json', busyCopiesMap());
  });
  afterAll(async () => {
    await dir.remove();
  });

  it('simulates every process under the as-is’s seed: identical copies, identical answers', async () => {
    // when
    const { code, stdout, stderr } = await compareFile(copies, '--json', '--simulate', ...SMALL);
    // then
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const [asIs, copy, reseeded, empty] = (JSON.parse(stdout) as { scenarios: Entry[] }).scenarios;
    // the as-is's answer is `procmap simulate --json`'s for the same options and seed
    expect(asIs?.simulation).toEqual(expected(busyReferralMap(), { ...SMALL_OPTIONS, seed: 7 }));
    expect(copy?.simulation).toEqual(asIs?.simulation);
    // the copy asking for seed 99 runs under seed 7 like the others
    expect(reseeded?.simulation).toEqual(asIs?.simulation);
    const alone = await simulateJson(copies, '--scenario', 'reseeded', ...SMALL, '--seed', '7');
    expect(reseeded?.simulation).toEqual(alone.json);
    // a process that cannot run says why, in its place
    expect(empty?.simulation.simulated).toBe(false);
    expect(
      (empty?.simulation as unknown as { problems: { code: string }[] } | undefined)?.problems.map(
        (p) => p.code,
      ),
    ).toContain('no-start');
  });

  it('takes --seed for every process', async () => {
    // when
    const { stdout } = await compareFile(copies, '--json', '--simulate', ...SMALL, '--seed', '3');
    // then
    const entries = (JSON.parse(stdout) as { scenarios: Entry[] }).scenarios;
    expect(entries.slice(0, 3).map((e) => e.simulation.seed)).toEqual([3, 3, 3]);
    expect(entries[1]?.simulation).toEqual(
      expected(busyReferralMap(), { ...SMALL_OPTIONS, seed: 3 }),
    );
  });

  it('on a terminal, shows the simulated figures side by side and why a process could not run', async () => {
    // when
    const { code, stdout, stderr } = await compareFile(
      copies,
      '--simulate',
      '--scenarios',
      'copy,empty',
      ...SMALL,
    );
    // then
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.split('\n');
    expect(lines).toContain('Simulated (seed 7 for every process)');
    const mean = lines.find((l) => l.startsWith('  Mean lead time'));
    expect(mean).toMatch(/ \(same\) +cannot be simulated$/);
    const at = lines.indexOf('  Nothing mapped cannot be simulated:');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toMatch(/^ {4}error {2}\S/);
  });
});

describe('procmap compare refuses what it cannot do, and says how', () => {
  let dir: TempDir;
  let triage = '';
  beforeAll(async () => {
    dir = await makeTempDir();
    triage = await dir.writeJson('triage.procmap.json', triageMap());
  });
  afterAll(async () => {
    await dir.remove();
  });

  const misuse = async (args: string[], message: string) => {
    const out = captureIo();
    const code = await run(['compare', ...args], out.io);
    expect(code).toBe(2);
    expect(out.stdout()).toBe('');
    expect(out.stderr()).toBe(
      `procmap compare: ${message}\nRun "procmap compare --help" for usage.\n`,
    );
  };

  it('exits 2 when misused, naming what is wrong, before reading the file', async () => {
    await misuse([], 'missing the file to compare');
    await misuse([triage, triage], 'expected one file, got 2');
    await misuse([triage, '--colour'], 'unknown option --colour');
    await misuse(
      [triage, '--scenarios', ' , '],
      '--scenarios needs scenario ids, separated by commas',
    );
    await misuse([triage, '--seed', '7'], '--seed is for --simulate, which was not given');
    await misuse(
      ['missing.procmap.json', '--simulate', '--cases', '0'],
      '--cases needs a whole number from 1 to 10,000,000, got 0',
    );
  });

  it('exits 2 for a file it cannot read, and 1 for one that is not a valid map, as validate says', async () => {
    // given
    const bad = await dir.writeJson(
      'bad.procmap.json',
      referralMapWith((m) => {
        m.steps[1] = { ...m.steps[1], kind: 'activity' };
      }),
    );
    // when
    const missing = await compareFile(`${dir.path}/none.procmap.json`);
    const invalid = await compareFile(bad);
    const invalidJson = await compareFile(bad, '--json');
    // then
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/none\.procmap\.json/);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toContain('steps[1].kind: unknown kind "activity"');
    expect(invalidJson.code).toBe(1);
    expect(JSON.parse(invalidJson.stdout)).toMatchObject({ valid: false });
  });

  it('has a help of its own, and procmap --help lists it', async () => {
    // when
    const help = captureIo();
    const code = await run(['compare', '--help'], help.io);
    const main = captureIo();
    await run(['--help'], main.io);
    // then
    expect(code).toBe(0);
    expect(help.stdout()).toContain(
      'procmap compare <file> [--json] [--scenarios a,b] [--simulate]',
    );
    expect(main.stdout()).toMatch(/\n {2}compare <file> {4}The as-is and its scenarios/);
    expect(main.stdout()).toContain('--scenario ID');
  });
});
