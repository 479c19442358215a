import { join } from 'node:path';
import { analyze, annotations } from '@procmap/analysis';
import type { ProcessMap } from '@procmap/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../run';
import { captureIo } from '../test-support/capture-io';
import { referralMap, referralMapWith } from '../test-support/maps';
import { makeTempDir, type TempDir } from '../test-support/temp-files';

/** Runs `procmap analyze <file> [...flags]` in memory. */
async function analyzeFile(file: string, ...flags: string[]) {
  const out = captureIo();
  const code = await run(['analyze', file, ...flags], out.io);
  return { code, stdout: out.stdout(), stderr: out.stderr() };
}

/** Runs `procmap analyze <file> --json` and parses what it printed. */
async function analyzeJson(file: string) {
  const result = await analyzeFile(file, '--json');
  return { ...result, json: JSON.parse(result.stdout) as Record<string, unknown> };
}

/*
 * The referral map: write referral (GP, 10 min) -> book clinic (clerk, after 2400 min, no
 * processTime) -> end. Default 7.5 h days: 2400 min = 5.3 d; lead time 2410 min = 5.4 d.
 */

describe('procmap analyze', () => {
  let dir: TempDir;
  beforeAll(async () => {
    dir = await makeTempDir();
  });
  afterAll(async () => {
    await dir.remove();
  });

  describe('given a valid map', () => {
    it('when analysed, then it prints the metrics in users’ words with units and the findings, largest gain first', async () => {
      // given
      const file = await dir.writeJson('referral.procmap.json', referralMap());
      // when
      const { code, stdout, stderr } = await analyzeFile(file);
      // then
      expect(code).toBe(0);
      expect(stderr).toBe('');
      const lines = stdout.split('\n');
      expect(lines[0]).toBe(`Analysis of "Outpatient referral" (${file}) — 4 steps, 2 roles`);
      expect(stdout).toContain('  Lead time                 5.4 d\n');
      expect(stdout).toContain('  Hands-on work             10 min\n');
      expect(stdout).toContain('  Handoffs per case         1\n');
      expect(stdout).toContain('  Takt time                 n/a (no demand given)\n');
      expect(stdout).not.toMatch(/processTime|completeAccurate|\(s\)/);
      expect(stdout).toContain('  Longest wait              "Book clinic", 5.3 d a case\n');
      expect(stdout).toContain('Findings (2), largest gain first');
      expect(stdout).toContain('  Together up to 5.3 d of the 5.4 d lead time a case');
      const first = lines.findIndex((l) => l.startsWith('  1. '));
      expect(lines[first]).toBe('  1. warning  Long wait (waiting) — 5.3 d a case');
      expect(lines[first + 1]).toMatch(/^ {5}“Book clinic” waits 5\.3 d before it starts/);
      expect(lines[first + 2]).toBe('     Steps: "Book clinic"');
      expect(lines[first + 3]).toBe('  2. info     Gap in the map');
    });

    it('given pain points and ideas with votes, then both outputs list them, most votes first', async () => {
      // given
      const map = {
        ...referralMap(),
        comments: [
          {
            id: 'c1',
            targetId: 's3',
            kind: 'pain-point',
            author: 'Amy',
            text: 'Letters sit in a tray',
            createdAt: '2026-11-01T10:00:00Z',
            votes: { a: 1 },
          },
          {
            id: 'c2',
            kind: 'idea',
            author: 'Bo',
            text: 'Email the letters',
            createdAt: '2026-11-01T11:00:00Z',
            votes: { a: 2, b: 1 },
          },
          {
            id: 'c3',
            kind: 'note',
            author: 'Cy',
            text: 'Just a note',
            createdAt: '2026-11-01T12:00:00Z',
          },
        ],
      };
      const file = await dir.writeJson('commented.procmap.json', map);
      // when
      const text = await analyzeFile(file);
      const { json } = await analyzeJson(file);
      // then
      expect(text.code).toBe(0);
      expect(text.stdout).toContain('From the room: pain points and ideas (2), most votes first');
      expect(text.stdout).toMatch(
        /Idea: Email the letters \(3 votes\)\n {2}Pain point: Letters sit in a tray — on "Book clinic" \(1 vote\)/,
      );
      expect(text.stdout).not.toContain('Just a note');
      expect(
        (json.annotations as { id: string; votes: number }[]).map((a) => [a.id, a.votes]),
      ).toEqual([
        ['c2', 3],
        ['c1', 1],
      ]);
    });

    it("when analysed with --json, then it prints { metrics, findings } and the room's annotations", async () => {
      // given
      const map = referralMap();
      const file = await dir.writeJson('referral.procmap.json', map);
      // when
      const { code, json, stderr } = await analyzeJson(file);
      // then
      expect(code).toBe(0);
      expect(stderr).toBe('');
      expect(Object.keys(json)).toEqual(['metrics', 'findings', 'annotations']);
      const { annotations: room, ...rest } = json;
      expect(rest).toEqual(JSON.parse(JSON.stringify(analyze(map as unknown as ProcessMap))));
      expect(room).toEqual(annotations(map as unknown as ProcessMap));
      expect((json.metrics as { leadTime: number }).leadTime).toBe(2410);
      const [finding] = json.findings as Record<string, unknown>[];
      expect(finding).toMatchObject({
        rule: 'long-wait',
        waste: 'waiting',
        severity: 'warning',
        stepIds: ['s3'],
        flowIds: [],
        timeAtStake: 2400,
      });
    });

    it('when demand is known, then a finding also shows its time at stake per period', async () => {
      // given
      const file = await dir.writeJson(
        'demand.procmap.json',
        referralMapWith((m) => {
          m.settings = { demand: { count: 4, per: 'day' } };
        }),
      );
      // when
      const { stdout } = await analyzeFile(file);
      // then: 2400 min a case x 4 cases = 9600 min = 21.3 d a day
      expect(stdout).toContain('Long wait (waiting) — 5.3 d a case, 21.3 d a day');
      // takt: 450 min / 4 = 112.5 min, shown to the minute
      expect(stdout).toContain('  Takt time                 1 h 53 min (4 cases a day)');
    });
  });

  describe('given a valid map with a step in an unknown role', () => {
    it('when analysed, then it exits 0, lists the warning and reports it as missing data', async () => {
      // given
      const file = await dir.writeJson(
        'nurse.procmap.json',
        referralMapWith((m) => {
          m.steps[2] = { ...m.steps[2], roleId: 'nurse' };
        }),
      );
      // when
      const { code, stdout } = await analyzeFile(file);
      // then
      expect(code).toBe(0);
      expect(stdout).toContain(
        '1 validator warning:\n  warning  steps[2].roleId: unknown role "nurse"',
      );
      expect(stdout).toMatch(
        /Gap in the map\n +1 step has no role, or a role that is not in the map, and counts in no role's workload: “Book clinic”/,
      );
    });
  });

  describe('given labels, names and comments holding bidi controls', () => {
    it('when analysed, then every one is escaped, so no line is reordered on the terminal', async () => {
      // given: U+202E (right-to-left override) would show "Book clinic" reversed, and the rest
      // of the line after it
      const file = await dir.writeJson(
        'bidi.procmap.json',
        referralMapWith((m) => {
          m.title = 'Referral \u2066evil\u2069';
          m.steps[2] = { ...m.steps[2], label: '\u202eBook clinic\u202c' };
          m.roles[1] = { ...m.roles[1], name: 'Clerk \u200f\u061c' };
          m.comments[0] = { ...m.comments[0], text: 'Late \u202bletters\u202c \u200e' };
        }),
      );
      // when
      const { code, stdout } = await analyzeFile(file);
      // then
      expect(code).toBe(0);
      expect(stdout).not.toMatch(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
      expect(stdout).toContain('Analysis of "Referral \\u2066evil\\u2069"');
      expect(stdout).toContain('"\\u202eBook clinic\\u202c", 5.3 d a case');
      expect(stdout).toContain('Clerk \\u200f\\u061c');
      expect(stdout).toContain('Late \\u202bletters\\u202c \\u200e');
    });
  });

  describe('given an invalid map', () => {
    const broken = () =>
      referralMapWith((m) => {
        m.title = 42;
        m.flows[2] = { ...m.flows[2], probability: 1.5 };
      });

    it("when analysed, then it exits 1 with the validator's messages", async () => {
      // given
      const file = await dir.writeJson('bad.procmap.json', broken());
      // when
      const { code, stdout } = await analyzeFile(file);
      // then
      expect(code).toBe(1);
      expect(stdout).toMatch(/^✗ .*bad\.procmap\.json: 2 problems\n/);
      expect(stdout).toContain('  error    title: expected text, got 42');
      expect(stdout).toContain('  error    flows[2].probability: must be at most 1, got 1.5');
      expect(stdout).not.toContain('Lead time');
    });

    it('when analysed with --json, then it exits 1 and the JSON lists the problems', async () => {
      // given
      const file = await dir.writeJson('bad.procmap.json', broken());
      // when
      const { code, json } = await analyzeJson(file);
      // then
      expect(code).toBe(1);
      expect(json).toMatchObject({ file, valid: false });
      expect((json.problems as { path: string }[]).map((p) => p.path)).toEqual([
        'title',
        'flows[2].probability',
      ]);
    });
  });

  describe('given a file that cannot be read', () => {
    it('when it does not exist, then it exits 2 with one line on stderr', async () => {
      // given
      const file = join(dir.path, 'missing.procmap.json');
      // when
      const { code, stdout, stderr } = await analyzeFile(file);
      // then
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(`procmap: ${file}: no such file\n`);
    });

    it('when it is not JSON, then it exits 2 and says where', async () => {
      // given
      const file = await dir.write(
        'typo.procmap.json',
        '{\n  "format": "procmap"\n  "version": 1\n}',
      );
      // when
      const { code, stderr } = await analyzeFile(file);
      // then
      expect(code).toBe(2);
      expect(stderr).toMatch(/not valid JSON at line 3, column 3: /);
    });

    it('when it is empty and --json is given, then the error is JSON on stdout', async () => {
      // given
      const file = await dir.write('empty.procmap.json', '');
      // when
      const { code, json, stderr } = await analyzeJson(file);
      // then
      expect(code).toBe(2);
      expect(stderr).toBe('');
      expect(json).toMatchObject({ file, valid: false, error: { code: 'empty' } });
    });
  });

  describe('given a misused command', () => {
    it.each([
      [[], 'missing the file to analyze'],
      [['a.json', 'b.json'], 'expected one file, got 2'],
      [['a.json', '--csv'], 'unknown option --csv'],
    ])('when run with %j, then it exits 2 and hints at --help', async (args, message) => {
      // given
      const out = captureIo();
      // when
      const code = await run(['analyze', ...args], out.io);
      // then
      expect(code).toBe(2);
      expect(out.stderr()).toBe(
        `procmap analyze: ${message}\nRun "procmap analyze --help" for usage.\n`,
      );
    });

    it('when asked for help, then it prints usage and exit codes', async () => {
      // given
      const out = captureIo();
      // when
      const code = await run(['analyze', '--help'], out.io);
      // then
      expect(code).toBe(0);
      expect(out.stdout()).toContain('procmap analyze <file> [--json]');
      expect(out.stdout()).toContain('Exit codes:');
    });
  });
});
