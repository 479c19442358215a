import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../run';
import { captureIo } from '../test-support/capture-io';
import { referralMap, referralMapWith } from '../test-support/maps';
import { makeTempDir, type TempDir } from '../test-support/temp-files';

/** Runs `procmap validate <file> [...flags]` in memory. */
async function validate(file: string, ...flags: string[]) {
  const out = captureIo();
  const code = await run(['validate', file, ...flags], out.io);
  return { code, stdout: out.stdout(), stderr: out.stderr() };
}

/** Runs `procmap validate <file> --json` and parses what it printed. */
async function validateJson(file: string) {
  const result = await validate(file, '--json');
  return { ...result, json: JSON.parse(result.stdout) as Record<string, unknown> };
}

describe('procmap validate', () => {
  let dir: TempDir;
  beforeAll(async () => {
    dir = await makeTempDir();
  });
  afterAll(async () => {
    await dir.remove();
  });

  describe('given a valid map', () => {
    it('when validated, then it exits 0 with a one-line summary', async () => {
      // given
      const file = await dir.writeJson('referral.procmap.json', referralMap());
      // when
      const { code, stdout, stderr } = await validate(file);
      // then
      expect(code).toBe(0);
      expect(stdout).toBe(
        `✓ ${file}: valid procmap map "Outpatient referral" — 2 roles, 4 steps, 3 flows, 1 comment\n`,
      );
      expect(stderr).toBe('');
    });

    it('when validated with --json, then it prints the summary as JSON', async () => {
      // given
      const file = await dir.writeJson('referral.procmap.json', referralMap());
      // when
      const { code, json } = await validateJson(file);
      // then
      expect(code).toBe(0);
      expect(json).toEqual({
        file,
        valid: true,
        summary: { title: 'Outpatient referral', roles: 2, steps: 4, flows: 3, comments: 1 },
        problems: [],
      });
    });

    it('when the file starts with a UTF-8 BOM, then it is still valid', async () => {
      // given
      const file = await dir.write('bom.procmap.json', `\uFEFF${JSON.stringify(referralMap())}`);
      // when
      const { code } = await validate(file);
      // then
      expect(code).toBe(0);
    });
  });

  describe('given a valid map with a step in an unknown role', () => {
    const withNurse = () =>
      referralMapWith((m) => {
        m.steps[3] = { ...m.steps[3], roleId: 'nurse' };
      });

    it('when validated, then it exits 0 and lists the warning under the summary', async () => {
      // given
      const file = await dir.writeJson('nurse.procmap.json', withNurse());
      // when
      const { code, stdout } = await validate(file);
      // then
      expect(code).toBe(0);
      const lines = stdout.trimEnd().split('\n');
      expect(lines[0]).toMatch(/^✓ .*: valid procmap map "Outpatient referral" — .*; 1 warning$/);
      expect(lines[1]).toBe('  warning  steps[3].roleId: unknown role "nurse"');
      expect(lines).toHaveLength(2);
    });

    it('when validated with --json, then the warning is in problems', async () => {
      // given
      const file = await dir.writeJson('nurse.procmap.json', withNurse());
      // when
      const { code, json } = await validateJson(file);
      // then
      expect(code).toBe(0);
      expect(json.valid).toBe(true);
      expect(json.problems).toEqual([
        {
          path: 'steps[3].roleId',
          code: 'unknown-role',
          message: 'unknown role "nurse"',
          severity: 'warning',
        },
      ]);
    });
  });

  describe('given an invalid map', () => {
    const broken = () =>
      referralMapWith((m) => {
        delete m.format;
        m.title = 42; // wrong type
        m.steps[1] = { ...m.steps[1], kind: 'activity' }; // unknown kind
        m.flows[2] = { ...m.flows[2], probability: 1.5 }; // outside 0..1
        m.roles[1] = { ...m.roles[1], id: 'gp' }; // duplicate id
      });

    it('when validated, then it exits 1 and prints every problem with its JSON path', async () => {
      // given
      const file = await dir.writeJson('bad.procmap.json', broken());
      // when
      const { code, stdout } = await validate(file);
      // then
      expect(code).toBe(1);
      const lines = stdout.trimEnd().split('\n');
      expect(lines[0]).toMatch(/^✗ .*bad\.procmap\.json: \d+ problems/);
      for (const path of [
        'format',
        'title',
        'roles[1].id',
        'steps[1].kind',
        'flows[2].probability',
      ]) {
        expect(
          lines.some((l) => l.startsWith(`  error    ${path}: `)),
          path,
        ).toBe(true);
      }
      expect(stdout).toContain('  error    title: expected text, got 42');
      expect(stdout).toContain('  error    flows[2].probability: must be at most 1, got 1.5');
    });

    it('when it also has warnings, then the header counts errors and warnings apart', async () => {
      // given: a duplicate role id leaves the clerk's steps in an unknown role
      const file = await dir.writeJson(
        'mixed.procmap.json',
        referralMapWith((m) => {
          m.roles[1] = { ...m.roles[1], id: 'gp' };
        }),
      );
      // when
      const { code, stdout } = await validate(file);
      // then
      expect(code).toBe(1);
      expect(stdout.split('\n')[0]).toMatch(/: 3 problems \(1 error, 2 warnings\)$/);
      expect(stdout).toContain('  warning  steps[2].roleId: unknown role "clerk"');
    });

    it('when validated with --json, then every problem has path, code, message and severity', async () => {
      // given
      const file = await dir.writeJson('bad.procmap.json', broken());
      // when
      const { code, json } = await validateJson(file);
      // then
      expect(code).toBe(1);
      expect(json.valid).toBe(false);
      expect(json.summary).toBeUndefined();
      const problems = json.problems as { path: string; code: string; severity: string }[];
      expect(problems.map((p) => [p.path, p.code])).toEqual(
        expect.arrayContaining([
          ['format', 'missing'],
          ['title', 'wrong-type'],
          ['roles[1].id', 'duplicate-id'],
          ['steps[1].kind', 'bad-value'],
          ['flows[2].probability', 'out-of-range'],
        ]),
      );
      for (const p of problems)
        expect(Object.keys(p).sort()).toEqual(['code', 'message', 'path', 'severity']);
    });

    it('when the JSON is not an object, then it exits 1 with a root problem', async () => {
      // given
      const file = await dir.write('list.procmap.json', '[1, 2]');
      // when
      const { code, stdout } = await validate(file);
      // then
      expect(code).toBe(1);
      expect(stdout).toContain(
        '  error    (root): expected a procmap map (a JSON object), got a list',
      );
    });
  });

  describe('given a file that cannot be validated', () => {
    it('when it is empty, then it exits 2 with a message on stderr', async () => {
      // given
      const file = await dir.write('empty.procmap.json', '');
      // when
      const { code, stdout, stderr } = await validate(file);
      // then
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(`procmap: ${file}: the file is empty\n`);
    });

    it('when it does not exist, then it exits 2 with a message on stderr', async () => {
      // given
      const file = join(dir.path, 'missing.procmap.json');
      // when
      const { code, stderr } = await validate(file);
      // then
      expect(code).toBe(2);
      expect(stderr).toBe(`procmap: ${file}: no such file\n`);
    });

    it('when it is not JSON, then it exits 2 and says at which line and column', async () => {
      // given
      const file = await dir.write(
        'typo.procmap.json',
        '{\n  "format": "procmap"\n  "version": 1\n}\n',
      );
      // when
      const { code, stderr } = await validate(file);
      // then
      expect(code).toBe(2);
      expect(stderr).toMatch(
        /^procmap: .*typo\.procmap\.json: not valid JSON at line 3, column 3: /,
      );
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    });

    it.each([
      ['empty', 'empty.procmap.json', ''],
      ['not-json', 'typo.procmap.json', '{"format": procmap}'],
    ])(
      'when it is %s and --json is given, then the error is JSON on stdout',
      async (expected, name, text) => {
        // given
        const file = await dir.write(name, text);
        // when
        const { code, json, stderr } = await validateJson(file);
        // then
        expect(code).toBe(2);
        expect(stderr).toBe('');
        expect(json).toMatchObject({ file, valid: false, error: { code: expected } });
        expect(typeof (json.error as { message: unknown }).message).toBe('string');
      },
    );

    it('when it is missing and --json is given, then the error code is not-found', async () => {
      // given
      const file = join(dir.path, 'missing.procmap.json');
      // when
      const { code, json } = await validateJson(file);
      // then
      expect(code).toBe(2);
      expect(json).toEqual({
        file,
        valid: false,
        error: { code: 'not-found', message: 'no such file' },
      });
    });

    it('when the bad JSON is reported with --json, then line and column are fields', async () => {
      // given
      const file = await dir.write('typo.procmap.json', '{\n  "format": "procmap",\n}');
      // when
      const { json } = await validateJson(file);
      // then
      expect(json.error).toMatchObject({ code: 'not-json', line: 2, column: 22 });
    });
  });

  describe('given a misused command', () => {
    it.each([
      [[], 'missing the file to validate'],
      [['a.json', 'b.json'], 'expected one file, got 2'],
      [['a.json', '--jsn'], 'unknown option --jsn'],
      [['a.json', '--json=yes'], 'option --json takes no value'],
    ])('when run with %j, then it exits 2 and hints at --help', async (args, message) => {
      // given
      const out = captureIo();
      // when
      const code = await run(['validate', ...args], out.io);
      // then
      expect(code).toBe(2);
      expect(out.stderr()).toBe(
        `procmap validate: ${message}\nRun "procmap validate --help" for usage.\n`,
      );
    });

    it('when asked for help, then it prints usage and exit codes', async () => {
      // given
      const out = captureIo();
      // when
      const code = await run(['validate', '--help'], out.io);
      // then
      expect(code).toBe(0);
      expect(out.stdout()).toContain('procmap validate <file> [--json]');
      expect(out.stdout()).toContain('Exit codes:');
    });
  });

  describe('given a terminal that shows colour', () => {
    it('when the map is invalid, then the mark and severity are coloured', async () => {
      // given
      const file = await dir.writeJson('bad.procmap.json', { ...referralMap(), title: 1 });
      const out = captureIo(true);
      // when
      await run(['validate', file], out.io);
      // then
      expect(out.stdout()).toContain('\u001b[31m✗\u001b[39m');
      expect(out.stdout()).toContain('\u001b[31merror  \u001b[39m  title:');
    });

    it('when a title holds control characters, then they are escaped, not sent to the terminal', async () => {
      // given
      const file = await dir.writeJson('evil.procmap.json', {
        ...referralMap(),
        steps: [{ id: 's1', roleId: '\u001b[2Jx', kind: 'task', label: '' }],
        flows: [],
      });
      // when
      const { stdout } = await validate(file);
      // then
      expect(stdout).not.toContain('\u001b');
      expect(stdout).toContain('unknown role "\\u001b[2Jx"');
    });

    it('when a title or id holds bidi controls, then they are escaped, so no line is reordered', async () => {
      // given: every bidi control, in the title and in an unknown role id
      const bidi = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c';
      const file = await dir.writeJson(
        'bidi.procmap.json',
        referralMapWith((m) => {
          m.title = `invoice \u202eFDP.exe\u202c ${bidi}`;
          (m.steps[1] as Record<string, unknown>).roleId = `nurse\u2067x\u2069`;
        }),
      );
      // when
      const { code, stdout } = await validate(file);
      // then
      expect(code).toBe(0);
      expect(stdout).not.toMatch(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
      expect(stdout).toContain(
        '"invoice \\u202eFDP.exe\\u202c \\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f\\u061c"',
      );
      expect(stdout).toContain('unknown role "nurse\\u2067x\\u2069"');
    });
  });
});
