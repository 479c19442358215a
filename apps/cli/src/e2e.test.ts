import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from './run';
import { captureIo } from './test-support/capture-io';
import { referralMap, referralMapWith } from './test-support/maps';
import { makeTempDir, type TempDir } from './test-support/temp-files';

/*
 * End to end: the real launcher (bin/procmap.js, tsx, no build) in a child process.
 */

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const bin = join(repoRoot, 'apps/cli/bin/procmap.js');
const SLOW = 30_000; // a cold tsx start on a loaded machine; no assertion depends on time

interface Ran {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node apps/cli/bin/procmap.js ...args` from the repo root (or `cwd`). */
function procmap(
  args: readonly string[],
  cwd = repoRoot,
  command = process.execPath,
): Promise<Ran> {
  const argv = command === process.execPath ? [bin, ...args] : [...args];
  const env = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined };
  return new Promise((resolve) => {
    execFile(command, argv, { cwd, env }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));

describe('procmap, run as a process', () => {
  let dir: TempDir;
  beforeAll(async () => {
    dir = await makeTempDir();
  });
  afterAll(async () => {
    await dir.remove();
  });

  it('given a valid map, when validated, then it exits 0 with an uncoloured summary', {
    timeout: SLOW,
  }, async () => {
    // given
    const file = await dir.writeJson('referral.procmap.json', referralMap());
    // when
    const { code, stdout, stderr } = await procmap(['validate', file]);
    // then
    expect(code).toBe(0);
    expect(stdout).toBe(
      `✓ ${file}: valid procmap map "Outpatient referral" — 2 roles, 4 steps, 3 flows, 1 comment\n`,
    );
    expect(stderr).toBe('');
  });

  it('given a relative path, when run from another directory, then the path is resolved there', {
    timeout: SLOW,
  }, async () => {
    // given
    await dir.writeJson('here.procmap.json', referralMap());
    // when
    const { code, stdout } = await procmap(['validate', 'here.procmap.json'], dir.path);
    // then
    expect(code).toBe(0);
    expect(stdout).toMatch(/^✓ here\.procmap\.json: valid procmap map/);
  });

  it('given an invalid map, when validated with --json, then it exits 1 and the JSON lists the problems', {
    timeout: SLOW,
  }, async () => {
    // given
    const file = await dir.writeJson(
      'bad.procmap.json',
      referralMapWith((m) => {
        m.steps[0] = { ...m.steps[0], kind: 'begin' };
      }),
    );
    // when
    const { code, stdout } = await procmap(['validate', file, '--json']);
    // then
    expect(code).toBe(1);
    const json = JSON.parse(stdout) as { valid: boolean; problems: { path: string }[] };
    expect(json.valid).toBe(false);
    expect(json.problems.map((p) => p.path)).toEqual(['steps[0].kind']);
  });

  it('given a valid map, when analysed with --json, then it exits 0 with the metrics and findings', {
    timeout: SLOW,
  }, async () => {
    // given
    const file = await dir.writeJson('analyze.procmap.json', referralMap());
    // when
    const { code, stdout, stderr } = await procmap(['analyze', file, '--json']);
    // then
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const json = JSON.parse(stdout) as { metrics: { leadTime: number }; findings: unknown[] };
    expect(json.metrics.leadTime).toBe(2410);
    expect(json.findings.length).toBeGreaterThan(0);
  });

  it('given the hospital discharge template, when simulated with --json in two processes, then both print the same result as in memory, with nothing on stderr', {
    timeout: SLOW,
  }, async () => {
    // given: a 25-step template with demand; a pipe, not a terminal, so no progress line
    const file = 'examples/hospital-discharge.procmap.json';
    const args = [
      'simulate',
      file,
      '--json',
      '--cases',
      '2000',
      '--replications',
      '3',
      '--seed',
      '4',
    ];
    const inMemory = captureIo();
    await run(args, inMemory.io);
    // when
    const [one, other] = await Promise.all([procmap(args), procmap(args)]);
    // then
    expect(one.code).toBe(0);
    expect(one.stderr).toBe('');
    expect(JSON.parse(one.stdout)).toMatchObject({ cases: 2000, replications: 3, seed: 4 });
    expect(other.stdout).toBe(one.stdout);
    expect(one.stdout).toBe(inMemory.stdout());
  });

  it('given a bad flag, when simulated, then it exits 2 with one line and a hint on stderr', {
    timeout: SLOW,
  }, async () => {
    // when
    const { code, stdout, stderr } = await procmap([
      'simulate',
      'examples/hospital-discharge.procmap.json',
      '--replications',
      '0',
    ]);
    // then
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'procmap simulate: --replications needs a whole number from 1 to 1,000, got 0\nRun "procmap simulate --help" for usage.\n',
    );
  });

  it('given a missing file, when validated, then it exits 2 with one line on stderr', {
    timeout: SLOW,
  }, async () => {
    // given
    const file = join(dir.path, 'missing.procmap.json');
    // when
    const { code, stdout, stderr } = await procmap(['validate', file]);
    // then
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`procmap: ${file}: no such file\n`);
  });

  it('given a file that is not JSON, when validated, then it exits 2 and names the line and column', {
    timeout: SLOW,
  }, async () => {
    // given
    const file = await dir.write('typo.procmap.json', '{\n  "format": "procmap",\n  title: ""\n}');
    // when
    const { code, stderr } = await procmap(['validate', file]);
    // then
    expect(code).toBe(2);
    expect(stderr).toBe(
      `procmap: ${file}: not valid JSON at line 3, column 3: property names must be in double quotes\n`,
    );
  });

  it('given --help and --version, when run, then they print help and the version', {
    timeout: SLOW,
  }, async () => {
    // when
    const [help, version] = await Promise.all([procmap(['--help']), procmap(['--version'])]);
    // then
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('validate <file>');
    expect(help.stdout).toContain('Commands:');
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('given an unknown command, when run, then it exits 2 and hints at --help', {
    timeout: SLOW,
  }, async () => {
    // when
    const { code, stderr } = await procmap(['lint', 'x.json']);
    // then
    expect(code).toBe(2);
    expect(stderr).toBe('procmap: unknown command "lint"\nRun "procmap --help" for usage.\n');
  });

  it('given the bin link npm creates, when run, then it works like the launcher', {
    timeout: SLOW,
  }, async () => {
    // given
    const link = join(repoRoot, 'node_modules/.bin/procmap');
    // when
    const { code, stdout } = await procmap(['--version'], repoRoot, link);
    // then
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('given export -o -, when the format is binary, then stdout carries the PDF byte for byte', {
    timeout: SLOW,
  }, async () => {
    // given
    const file = await dir.writeJson('binary.procmap.json', referralMap());
    const out = join(dir.path, 'binary.pdf');
    const args = ['export', file, '--format', 'pdf', '--date', '1 December 2026'];
    expect((await procmap([...args, '-o', out])).code).toBe(0);
    // when
    const stdout = await new Promise<Buffer>((resolve, reject) => {
      execFile(
        process.execPath,
        [bin, ...args, '-o', '-'],
        { encoding: 'buffer' },
        (error, bytes) => (error ? reject(error) : resolve(bytes)),
      );
    });
    // then
    expect(stdout.equals(readFileSync(out))).toBe(true);
  });

  it('given a BPMN file, when imported, then stdout is the map alone and stderr the notes', {
    timeout: SLOW,
  }, async () => {
    // given: a collaboration with lanes nested in lanes, which the import has to flatten
    const file = 'packages/interop/fixtures/bpmn/bpmnjs-lanes.bpmn';
    // when
    const { code, stdout, stderr } = await procmap(['import', file]);
    // then
    expect(code).toBe(0);
    const map = JSON.parse(stdout) as { format: string; roles: { name: string }[] };
    expect(map.format).toBe('procmap');
    expect(map.roles.map((r) => r.name)).toContain('Nested_Lane_A');
    const lines = stderr.split('\n').filter((line) => line !== '');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^procmap import: \d+ /);
  });

  it('given a reader that closes the pipe early, when there is much output, then it does not crash', {
    timeout: SLOW,
  }, async () => {
    // given: a map with thousands of problems, far more output than a pipe buffers
    const steps = Array.from({ length: 5000 }, (_, i) => ({
      id: `s${i}`,
      roleId: 'x',
      kind: 'nope',
      label: '',
    }));
    const file = await dir.writeJson('huge.procmap.json', { ...referralMap(), steps });
    // when: the reader takes the first chunk and goes away, like `| head -1`
    const child = spawn(process.execPath, [bin, 'validate', file], { cwd: repoRoot });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await exited(child);
    // then
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });
});
