import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { run } from './run';
import { captureIo } from './test-support/capture-io';

describe('procmap (no command)', () => {
  it.each([[['--help']], [['-h']], [[]]])(
    'given %j, when run, then it lists the commands with usage and examples',
    async (argv) => {
      // given
      const out = captureIo();
      // when
      const code = await run(argv, out.io);
      // then
      expect(code).toBe(0);
      const help = out.stdout();
      expect(help).toContain('Usage:\n  procmap <command> [options]');
      expect(help).toMatch(/Commands:\n {2}validate <file> +Check a map file/);
      expect(help).toContain('Examples:\n  procmap validate referral.procmap.json');
      expect(help).toMatch(/ {2}analyze <file> +Waste analysis/);
      expect(help).toContain('procmap analyze referral.procmap.json --json');
      expect(help).toMatch(/ {2}simulate <file> +Run cases through the map/);
      expect(help).toContain('procmap simulate referral.procmap.json --cases 5000 --seed 7');
    },
  );

  it('given --version, when run, then it prints the version from package.json', async () => {
    // given
    const manifest = JSON.parse(
      await readFile(new URL('../package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    const out = captureIo();
    // when
    const code = await run(['--version'], out.io);
    // then
    expect(code).toBe(0);
    expect(out.stdout()).toBe(`${manifest.version}\n`);
  });

  it.each([
    [['frobnicate', 'x.json'], 'procmap: unknown command "frobnicate"'],
    [['--frobnicate'], 'procmap: unknown option --frobnicate'],
    [['--version=2'], 'procmap: option --version takes no value'],
    [['--help', 'extra'], 'procmap: unexpected argument "extra"'],
  ])('given %j, when run, then it exits 2 with a hint to run --help', async (argv, message) => {
    // given
    const out = captureIo();
    // when
    const code = await run(argv, out.io);
    // then
    expect(code).toBe(2);
    expect(out.stdout()).toBe('');
    expect(out.stderr()).toBe(`${message}\nRun "procmap --help" for usage.\n`);
  });

  it('given "analyse", when run, then it is the analyze command under its British spelling', async () => {
    // given
    const british = captureIo();
    const american = captureIo();
    // when
    const code = await run(['analyse', '--help'], british.io);
    await run(['analyze', '--help'], american.io);
    // then
    expect(code).toBe(0);
    expect(british.stderr()).toBe('');
    expect(british.stdout()).toBe(american.stdout());
    expect(british.stdout()).toContain('procmap analyse <file> [--json]');
  });

  it('given a command named like an Object property, when run, then it is unknown', async () => {
    // given
    const out = captureIo();
    // when
    const code = await run(['toString'], out.io);
    // then
    expect(code).toBe(2);
  });
});
