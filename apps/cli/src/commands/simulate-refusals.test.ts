import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../run';
import { FLAG_RANGES } from '../simulation-flags';
import { captureIo } from '../test-support/capture-io';
import { busyReferralMap, busyReferralMapWith, referralMap } from '../test-support/maps';
import {
  expected,
  SMALL,
  SMALL_OPTIONS,
  simulateFile,
  simulateJson,
} from '../test-support/simulate-run';
import { makeTempDir, type TempDir } from '../test-support/temp-files';

/*
 * What `procmap simulate` refuses, and how it says so: a valid map that cannot be simulated
 * (exit 1, each problem saying what to add), a file that is not a valid map (exit 1), input that
 * cannot be read and bad flags (exit 2), and its help. What it prints for a map it can run is in
 * simulate.test.ts.
 */

describe('procmap simulate refuses what it cannot run, and says how', () => {
  let dir: TempDir;
  let busy = '';
  beforeAll(async () => {
    dir = await makeTempDir();
    busy = await dir.writeJson('busy.procmap.json', busyReferralMap());
  });
  afterAll(async () => {
    await dir.remove();
  });

  describe('given a valid map that cannot be simulated', () => {
    it('when it has no demand, then it exits 1 and the message says what to add', async () => {
      // given: the referral map as it is, with no settings.demand
      const file = await dir.writeJson('no-demand.procmap.json', referralMap());
      // when
      const { code, stdout, stderr } = await simulateFile(file);
      const asJson = await simulateJson(file);
      // then
      expect(code).toBe(1);
      expect(stderr).toBe('');
      const json = asJson.json as unknown as {
        file: string;
        simulated: boolean;
        problems: { code: string; message: string }[];
      };
      expect(asJson.code).toBe(1);
      expect(json.file).toBe(file);
      expect(json.simulated).toBe(false);
      const problem = json.problems.find((p) => p.code === 'no-demand');
      expect(problem?.message).toMatch(/demand/);
      expect(stdout.split('\n')[0]).toBe(
        `✗ ${file}: cannot be simulated — ${json.problems.length === 1 ? '1 problem' : `${json.problems.length} problems`}`,
      );
      expect(stdout).toContain(`\n  error    ${problem?.message}\n`);
    });

    it('when no step is where cases begin, then it exits 1 and says to add a start step', async () => {
      // given: no step of kind start, and a flow from the end back to the first step, so every
      // step has a flow into it
      const map = busyReferralMapWith((m) => {
        m.steps[0] = { ...m.steps[0], kind: 'task' };
        m.flows.push({ id: 'f4', from: 's4', to: 's1' });
      });
      const file = await dir.writeJson('no-start.procmap.json', map);
      // when
      const { code, stdout } = await simulateFile(file, ...SMALL);
      const asJson = await simulateJson(file, ...SMALL);
      // then
      expect(code).toBe(1);
      const { problems } = asJson.json as unknown as {
        problems: { code: string; message: string }[];
      };
      const problem = problems.find((p) => p.code === 'no-start');
      expect(problem?.message).toMatch(/start step/);
      expect(stdout).toContain(`\n  error    ${problem?.message}\n`);
    });
  });

  describe('given a file that is not a valid map', () => {
    it('when simulated, then it exits 1 with exactly what procmap validate prints', async () => {
      // given
      const file = await dir.writeJson('bad.procmap.json', { ...busyReferralMap(), version: 9 });
      const validate = captureIo();
      await run(['validate', file], validate.io);
      const validateJson = captureIo();
      await run(['validate', file, '--json'], validateJson.io);
      // when
      const { code, stdout } = await simulateFile(file, ...SMALL);
      const asJson = await simulateFile(file, '--json');
      // then
      expect(code).toBe(1);
      expect(stdout).toBe(validate.stdout());
      expect(stdout).toContain('✗');
      expect(asJson.code).toBe(1);
      expect(asJson.stdout).toBe(validateJson.stdout());
    });
  });

  describe('given input that cannot be read', () => {
    it.each([
      ['missing', null],
      ['not JSON', '{ "format": "procmap", '],
      ['empty', ''],
    ])(
      'when the file is %s, then it exits 2 with the same message as analyze',
      async (what, content) => {
        // given
        const file =
          content === null
            ? `${dir.path}/nowhere.procmap.json`
            : await dir.write(`${what.replace(' ', '-')}.procmap.json`, content);
        const analyzed = captureIo();
        await run(['analyze', file], analyzed.io);
        // when
        const { code, stdout, stderr } = await simulateFile(file);
        // then
        expect(code).toBe(2);
        expect(stdout).toBe('');
        expect(stderr).toMatch(/^procmap: /);
        expect(stderr).toBe(analyzed.stderr());
      },
    );
  });

  describe('given bad flags', () => {
    it.each([
      [['--cases', 'lots'], '--cases needs a whole number from 1 to 10,000,000, got "lots"'],
      [['--cases', '0'], '--cases needs a whole number from 1 to 10,000,000, got 0'],
      [['--replications', '0'], '--replications needs a whole number from 1 to 1,000, got 0'],
      [['--replications', '5000'], '--replications needs a whole number from 1 to 1,000, got 5000'],
      [['--warmup', '-5'], '--warmup needs a whole number from 0 to 10,000,000, got -5'],
      [['--seed', '1.5'], '--seed needs a whole number, got "1.5"'],
      [['--seed'], 'option --seed needs a value'],
      [['--json=1'], 'option --json takes no value'],
      [['--speed', '2'], 'unknown option --speed'],
    ])(
      'when given %j, then it exits 2 before reading the file, saying what is wrong',
      async (flags, message) => {
        // given: a file that does not exist, to show the flags are checked first
        const file = `${dir.path}/nowhere.procmap.json`;
        // when
        const { code, stdout, stderr } = await simulateFile(file, ...flags);
        // then
        expect(code).toBe(2);
        expect(stdout).toBe('');
        expect(stderr).toBe(
          `procmap simulate: ${message}\nRun "procmap simulate --help" for usage.\n`,
        );
      },
    );

    it.each([
      [[], 'missing the file to simulate'],
      [['a.json', 'b.json'], 'expected one file, got 2'],
    ])('when given %j as files, then it exits 2', async (argv, message) => {
      // given
      const out = captureIo();
      // when
      const code = await run(['simulate', ...argv], out.io);
      // then
      expect(code).toBe(2);
      expect(out.stderr()).toBe(
        `procmap simulate: ${message}\nRun "procmap simulate --help" for usage.\n`,
      );
    });
  });

  it('given --help, then it shows the usage, the flags and the exit codes, and exits 0', async () => {
    // given
    const out = captureIo();
    // when
    const code = await run(['simulate', '--help'], out.io);
    // then
    expect(code).toBe(0);
    const help = out.stdout();
    expect(help).toContain(
      'procmap simulate <file> [--json] [--scenario ID] [--cases N] [--replications R] [--seed S]',
    );
    for (const flag of [
      '--cases N',
      '--replications R',
      '--warmup W',
      '--seed S',
      '--json',
      '--scenario ID',
    ]) {
      expect(help).toContain(`\n  ${flag}`);
    }
    expect(help).toContain(
      'a run is 10000 cases, 10 replications and seed 1, with a warm-up chosen',
    );
    // The ranges the help gives are those the flags take.
    const grouped = new Intl.NumberFormat('en-GB');
    for (const key of ['cases', 'replications', 'warmup'] as const) {
      const [least, most] = FLAG_RANGES[key];
      const range = `(${grouped.format(least)} to ${grouped.format(most)})`;
      const line = help.split('\n').findIndex((l) => l.startsWith(`  --${key} `));
      expect(
        help
          .split('\n')
          .slice(line, line + 2)
          .join(' '),
      ).toContain(range);
    }
    expect(help).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*\n(.*\n)* {2}2 /);
  });

  it('given stderr is a terminal, when run with --json, then stdout still carries the JSON alone', async () => {
    // given
    const out = captureIo();
    const io = { ...out.io, stderrIsTerminal: true };
    // when
    const code = await run(['simulate', busy, '--json', ...SMALL], io);
    // then
    expect(code).toBe(0);
    expect(JSON.parse(out.stdout())).toEqual(expected(busyReferralMap(), SMALL_OPTIONS));
  });
});
