import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scenarioMap, validateMap } from '@procmap/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from './run';
import { captureIo } from './test-support/capture-io';
import { busyCopiesMap, triageMap } from './test-support/scenario-maps';
import { expected, SMALL, SMALL_OPTIONS } from './test-support/simulate-run';
import { makeTempDir, type TempDir } from './test-support/temp-files';

/*
 * `--scenario ID` on analyze, simulate and export: the command reads that scenario's process
 * instead of the as-is; "as-is" names the map's own; an unknown id exits 2 naming the ids the
 * map has. The triage map (test-support/scenario-maps.ts): as-is lead time 231 min with the step
 * "Key in"; the scenario "online" 39 min, without it.
 */

async function procmap(...args: string[]) {
  const out = captureIo();
  const code = await run(args, out.io);
  return { code, stdout: out.stdout(), stderr: out.stderr() };
}

/** The scenario `id` of a map document, as a map document of its own. */
function processDoc(doc: unknown, id: string): unknown {
  const validation = validateMap(doc);
  if (!validation.ok) throw new Error('the fixture is not a valid map');
  const found = scenarioMap(validation.map, id);
  if (!found.ok) throw new Error(found.message);
  return JSON.parse(JSON.stringify(found.map));
}

const UNKNOWN = 'no scenario "to-be" in this map: use "as-is", "online", "session"';

describe('--scenario', { timeout: 30_000 }, () => {
  let dir: TempDir;
  let triage = '';
  beforeAll(async () => {
    dir = await makeTempDir();
    triage = await dir.writeJson('triage.procmap.json', triageMap());
  });
  afterAll(async () => {
    await dir.remove();
  });

  describe('on analyze', () => {
    it('analyses the scenario’s process and says which it is', async () => {
      // when
      const json = await procmap('analyze', triage, '--json', '--scenario', 'online');
      const asIs = await procmap('analyze', triage, '--json', '--scenario', 'as-is');
      const plain = await procmap('analyze', triage, '--json');
      const human = await procmap('analyze', triage, '--scenario', 'online');
      // then
      expect(json.code).toBe(0);
      const online = JSON.parse(json.stdout);
      expect(online.metrics.leadTime).toBe(39);
      expect(online.metrics.handoffs).toBe(0);
      expect(JSON.parse(asIs.stdout).metrics.leadTime).toBe(231);
      expect(asIs.stdout).toBe(plain.stdout);
      expect(human.stdout.split('\n')[0]).toBe(
        `Analysis of "Referral triage", scenario "To-be: online" (${triage}) — 4 steps, 2 roles`,
      );
      expect(human.stdout).toContain('  Lead time                 39 min\n');
    });

    it('refuses an unknown scenario with exit 2, naming those the map has', async () => {
      const { code, stdout, stderr } = await procmap('analyze', triage, '--scenario', 'to-be');
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(`procmap analyze: ${UNKNOWN}\nRun "procmap analyze --help" for usage.\n`);
    });
  });

  describe('on simulate', () => {
    it('simulates the scenario’s process, with its own settings', async () => {
      // given: the busy referral map with copies of its process, one asking for seed 99
      const file = await dir.writeJson('copies.procmap.json', busyCopiesMap());
      // when
      const json = await procmap('simulate', file, '--json', '--scenario', 'reseeded', ...SMALL);
      const human = await procmap('simulate', triage, '--scenario', 'online', ...SMALL);
      // then
      expect(json.code).toBe(0);
      expect(JSON.parse(json.stdout)).toEqual(
        expected(processDoc(busyCopiesMap(), 'reseeded'), SMALL_OPTIONS),
      );
      expect(JSON.parse(json.stdout).seed).toBe(99);
      expect(human.code).toBe(0);
      expect(human.stdout.split('\n')[0]).toBe(
        `Simulation of "Referral triage", scenario "To-be: online" (${triage}) — 4 steps, 2 roles`,
      );
    });

    it('refuses an unknown scenario with exit 2, naming those the map has', async () => {
      const { code, stderr } = await procmap('simulate', triage, '--scenario', 'to-be', ...SMALL);
      expect(code).toBe(2);
      expect(stderr).toBe(
        `procmap simulate: ${UNKNOWN}\nRun "procmap simulate --help" for usage.\n`,
      );
    });
  });

  describe('on export', () => {
    it('draws the scenario’s process and takes --steps from its steps', async () => {
      // when
      const csv = await procmap(
        'export',
        triage,
        '--scenario',
        'online',
        '--format',
        'csv',
        '-o',
        '-',
      );
      const asIs = await procmap('export', triage, '--format', 'csv', '-o', '-');
      const svg = await procmap(
        'export',
        triage,
        '--scenario',
        'online',
        '--steps',
        'triage,book',
        '-o',
        '-',
      );
      const gone = await procmap(
        'export',
        triage,
        '--scenario',
        'online',
        '--steps',
        'key',
        '-o',
        '-',
      );
      // then
      expect(csv.code).toBe(0);
      expect(csv.stdout).toContain('Triage');
      expect(csv.stdout).not.toContain('Key in');
      expect(asIs.stdout).toContain('Key in');
      expect(svg.code).toBe(0);
      expect(svg.stdout).toContain('>Book</text>');
      expect(svg.stdout).not.toContain('>Referral arrives</text>');
      // "key" is a step of the as-is, not of the scenario
      expect(gone.code).toBe(2);
      expect(gone.stderr).toMatch(/^procmap export: .*"key"/);
    });

    it('passes the scenario to the report', async () => {
      // when
      const report = await procmap(
        'export',
        triage,
        '--scenario',
        'online',
        '--format',
        'report',
        '--date',
        '1 December 2026',
        '-o',
        '-',
      );
      // then
      expect(report.code).toBe(0);
      expect(report.stdout.startsWith('%PDF-')).toBe(true);
    });

    it('names the file after the scenario when no -o is given', async () => {
      // given a user working in a directory of their own
      const work = join(dir.path, 'work');
      mkdirSync(work);
      const bin = fileURLToPath(new URL('../bin/procmap.js', import.meta.url));
      // when
      const ran = await new Promise<{ code: number; stdout: string }>((resolve) => {
        execFile(
          process.execPath,
          [bin, 'export', triage, '--scenario', 'online'],
          { cwd: work },
          (error, stdout) => resolve({ code: error ? Number(error.code) : 0, stdout }),
        );
      });
      // then
      expect(ran.code).toBe(0);
      expect(ran.stdout).toBe('Wrote triage-online.svg (svg)\n');
      expect(existsSync(join(work, 'triage-online.svg'))).toBe(true);
    });

    it('refuses an unknown scenario with exit 2, naming those the map has', async () => {
      for (const format of ['svg', 'report']) {
        const { code, stderr } = await procmap(
          'export',
          triage,
          '--scenario',
          'to-be',
          '--format',
          format,
          '-o',
          '-',
        );
        expect(code).toBe(2);
        expect(stderr).toBe(`procmap export: ${UNKNOWN}\nRun "procmap export --help" for usage.\n`);
      }
    });
  });
});
