import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../export/chromium';
import { run } from '../run';
import { captureIo } from '../test-support/capture-io';
import { referralMap, referralMapWith } from '../test-support/maps';
import { makeTempDir, type TempDir } from '../test-support/temp-files';

/** Runs `procmap export ...args` in memory. */
async function exportMap(...args: string[]) {
  const out = captureIo();
  const code = await run(['export', ...args], out.io);
  return { code, stdout: out.stdout(), stderr: out.stderr() };
}

describe('procmap export', { timeout: 30_000 }, () => {
  let dir: TempDir;
  let file = '';
  beforeAll(async () => {
    dir = await makeTempDir();
    file = await dir.writeJson('referral.procmap.json', referralMap());
  });
  afterAll(async () => {
    await dir.remove();
  });

  it('given a valid map and no -o, then it writes an SVG in the current directory, not beside the map', async () => {
    // given a map in one directory and a user working in another
    const maps = join(dir.path, 'maps');
    const work = join(dir.path, 'work');
    mkdirSync(maps);
    mkdirSync(work);
    const input = await dir.writeJson('maps/referral.procmap.json', referralMap());
    // when exported without -o, run as a process from the working directory
    const bin = fileURLToPath(new URL('../../bin/procmap.js', import.meta.url));
    const ran = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      execFile(process.execPath, [bin, 'export', input], { cwd: work }, (error, stdout) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout }),
      );
    });
    // then the SVG is where the user is
    expect(ran.code).toBe(0);
    expect(ran.stdout).toBe('Wrote referral.svg (svg)\n');
    expect(existsSync(join(maps, 'referral.svg'))).toBe(false);
    const text = readFileSync(join(work, 'referral.svg'), 'utf8');
    expect(text).toMatch(/^<\?xml/);
    expect(text).toContain('>Book clinic</text>');
  });

  it('given --steps, then only those steps are drawn', async () => {
    const out = join(dir.path, 'two.svg');
    const { code } = await exportMap(file, '--steps', 's3,s4', '-o', out, '--no-findings');
    expect(code).toBe(0);
    const svg = readFileSync(out, 'utf8');
    expect(svg).toContain('>Book clinic</text>');
    expect(svg).not.toContain('>Write referral</text>');
  });

  it('given --format pdf alone, then the PDF is readable (tiled); --fit makes it one page', async () => {
    if (spawnSync('pdfinfo', ['-v']).error !== undefined) {
      if (process.env.CI) throw new Error('pdfinfo (poppler-utils) is needed in CI');
      return; // counted by poppler's pdfinfo; without it there is nothing to count with here
    }
    const pdfPages = (path: string) =>
      Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1]);
    const readable = join(dir.path, 'readable.pdf');
    const fitted = join(dir.path, 'fitted.pdf');
    expect((await exportMap(file, '--format', 'pdf', '-o', readable)).code).toBe(0);
    expect((await exportMap(file, '--format', 'pdf', '--fit', '-o', fitted)).code).toBe(0);
    expect(pdfPages(fitted)).toBe(1);
    expect(pdfPages(readable)).toBeGreaterThan(1);
  });

  it.each([
    ['pdf', '%PDF-'],
    ['report', '%PDF-'],
  ])('given --format %s, then it writes a PDF', async (format, magic) => {
    const out = join(dir.path, `out-${format}.pdf`);
    const { code } = await exportMap(
      file,
      '--format',
      format,
      '-o',
      out,
      '--page',
      'A3',
      '--landscape',
      '--tile',
    );
    expect(code).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe(magic);
  });

  it('given --format csv -o file, then the file starts with the byte-order mark Excel needs; stdout does not', async () => {
    const out = join(dir.path, 'steps.csv');
    const { code } = await exportMap(file, '--format', 'csv', '-o', out);
    expect(code).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString().split('\r\n')[0]).toMatch(/^id,role,kind,label,/);
    const piped = await exportMap(file, '--format', 'csv', '-o', '-');
    expect(piped.stdout.startsWith('id,role,kind,label,')).toBe(true);
  });

  it('given --format csv --table findings -o -, then the CSV goes to stdout', async () => {
    const { code, stdout } = await exportMap(
      file,
      '--format',
      'csv',
      '--table',
      'findings',
      '-o',
      '-',
    );
    expect(code).toBe(0);
    expect(stdout.split('\r\n')[0]).toBe(
      'rank,rule,waste,severity,time_at_stake_min,message,step_ids,steps,roles',
    );
    expect(stdout).toContain('long-wait');
  });

  /** Exports with `-o <file>` and with `-o -`, and checks stdout held exactly the file's bytes. */
  async function expectStdoutSameAsFile(format: string) {
    const out = join(dir.path, `same-${format}.out`);
    const options = ['--format', format, '--date', '1 December 2026'];
    const written = await exportMap(file, ...options, '-o', out);
    expect(written.code).toBe(0);
    const piped = captureIo();
    const code = await run(['export', file, ...options, '-o', '-'], piped.io);
    expect(code).toBe(0);
    expect(piped.stderr()).toBe('');
    const expected = readFileSync(out);
    expect(piped.stdoutBytes().length).toBe(expected.length);
    expect(piped.stdoutBytes().equals(expected)).toBe(true);
  }

  it.each(['svg', 'pdf', 'report'])(
    'given --format %s -o -, then stdout holds the very bytes -o <file> writes',
    (format) => expectStdoutSameAsFile(format),
  );

  it.skipIf(!findChromium())(
    'given --format png -o -, then stdout holds the very bytes -o <file> writes',
    () => expectStdoutSameAsFile('png'),
  );

  describe('given --steps', () => {
    it.each([
      [
        ['nope,nada'],
        `no steps "nope", "nada" in this map: --steps takes the ids of the map's steps`,
      ],
      [['s3,nope'], 'no step "nope" in this map:'],
      [[',,,'], '--steps names no step'],
      [[' , '], '--steps names no step'],
      [['s3', '--format', 'csv'], 'csv always covers the whole map: --steps selects steps for'],
      [['s3', '--format', 'report'], 'report always covers the whole map: --steps selects'],
    ])('%j, then it exits 2 saying %s and writes nothing', async (args, message) => {
      const out = join(dir.path, 'not-written.out');
      const { code, stdout, stderr } = await exportMap(file, '-o', out, '--steps', ...args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(`procmap export: ${message}`);
      expect(existsSync(out)).toBe(false);
    });
  });

  describe('given --format png and a Chromium that saves no PNG', () => {
    // Chromium exits 0 even when it could not save the screenshot: a stand-in that does the same
    it.each([
      ['saves nothing', 'exit 0', 'Chromium saved no screenshot'],
      [
        'saves something else',
        'for a; do case "$a" in --screenshot=*) echo hi > "$(echo "$a" | cut -d= -f2-)";; esac; done',
        'Chromium saved a screenshot that is not a PNG',
      ],
    ])('that %s, then it exits 2 and writes nothing', async (_, script, reason) => {
      const fake = await dir.write(`fake-chromium-${script.length}`, `#!/bin/sh\n${script}\n`);
      chmodSync(fake, 0o755);
      const out = join(dir.path, 'fake.png');
      const saved = process.env.PROCMAP_CHROMIUM;
      process.env.PROCMAP_CHROMIUM = fake;
      try {
        const { code, stdout, stderr } = await exportMap(file, '--format', 'png', '-o', out);
        expect(code).toBe(2);
        expect(stdout).toBe('');
        expect(stderr).toContain(`procmap export: cannot make the PNG with ${fake}: ${reason}`);
        expect(existsSync(out)).toBe(false);
      } finally {
        if (saved === undefined) delete process.env.PROCMAP_CHROMIUM;
        else process.env.PROCMAP_CHROMIUM = saved;
      }
    });
  });

  describe.skipIf(!findChromium())('given --format png and Chromium', () => {
    it('and an output in a missing directory, then it exits 2 naming it', async () => {
      const out = join(dir.path, 'no-such-dir', 'map.png');
      const { code, stdout, stderr } = await exportMap(file, '--format', 'png', '-o', out);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(`procmap export: cannot write ${out}: ENOENT`);
    });

    it('and an output that is a directory, then it exits 2 naming it', async () => {
      const { code, stdout, stderr } = await exportMap(file, '--format', 'png', '-o', dir.path);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(`procmap export: cannot write ${dir.path}: EISDIR`);
    });
  });

  it('given an invalid map, then it exits 1 with the validator’s messages', async () => {
    const bad = await dir.writeJson(
      'bad.procmap.json',
      referralMapWith((m) => {
        (m.steps[0] as Record<string, unknown>).roleId = 'nurse';
        (m.steps[1] as Record<string, unknown>).kind = 'banana';
      }),
    );
    const { code, stdout, stderr } = await exportMap(bad, '--format', 'pdf');
    expect(code).toBe(1);
    expect(`${stdout}${stderr}`).toContain('steps[1].kind');
    expect(existsSync(join(dir.path, 'bad.pdf'))).toBe(false);
  });

  it.each([
    [['missing.procmap.json'], 'no such file'],
    [['--format', 'gif'], 'unknown format "gif"'],
    [['--page', 'A5'], 'unknown page size "A5"'],
    [['--fit', '--tile'], 'choose one of --fit and --tile'],
    [['--bogus'], "Unknown option '--bogus'"],
  ])('given %j, then it exits 2 saying %s', async (args, message) => {
    const target = args[0]?.endsWith('.json') ? join(dir.path, args[0]) : file;
    const rest = args[0]?.endsWith('.json') ? args.slice(1) : args;
    const { code, stderr } = await exportMap(target, ...rest);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('given an output it cannot write, then it exits 2 naming it', async () => {
    const out = join(dir.path, 'no-such-dir', 'map.svg');
    const { code, stderr } = await exportMap(file, '-o', out);
    expect(code).toBe(2);
    expect(stderr).toContain(`cannot write ${out}`);
  });

  it('given --format png and no Chromium, then it exits 2 saying PNG needs Chromium', async () => {
    const saved = process.env.PROCMAP_CHROMIUM;
    process.env.PROCMAP_CHROMIUM = join(dir.path, 'no-chromium-here');
    try {
      const { code, stderr } = await exportMap(file, '--format', 'png');
      expect(code).toBe(2);
      expect(stderr).toContain('PNG needs Chromium');
    } finally {
      if (saved === undefined) delete process.env.PROCMAP_CHROMIUM;
      else process.env.PROCMAP_CHROMIUM = saved;
    }
  });

  it.skipIf(!findChromium())(
    'given --format png and Chromium, then it writes a PNG of the map',
    async () => {
      const out = join(dir.path, 'map.png');
      const { code } = await exportMap(file, '--format', 'png', '-o', out);
      expect(code).toBe(0);
      expect(readFileSync(out).subarray(1, 4).toString()).toBe('PNG');
    },
  );

  it('run as a process, then the launcher finds the bundled fonts and writes the report', async () => {
    const bin = fileURLToPath(new URL('../../bin/procmap.js', import.meta.url));
    const out = join(dir.path, 'process-report.pdf');
    const code = await new Promise<number | null>((resolve) => {
      execFile(process.execPath, [bin, 'export', file, '--format', 'report', '-o', out], (error) =>
        resolve(error ? (typeof error.code === 'number' ? error.code : null) : 0),
      );
    });
    expect(code).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('--help lists the formats and exit codes', async () => {
    const { code, stdout } = await exportMap('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('--format F    svg (default), pdf, png, csv, report or bpmn');
    expect(stdout).toContain('Exit codes:');
  });
});
