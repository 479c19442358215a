import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { truncate } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImportNote } from '@procmap/interop';
import { type ProcessMap, validateMap } from '@procmap/model';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../run';
import { captureIo } from '../test-support/capture-io';
import { expectedImport, importRun, interopFixture } from '../test-support/import-run';
import { makeTempDir, type TempDir } from '../test-support/temp-files';

/*
 * `procmap import`: another tool's file as a map file on stdout or -o, the notes of what was
 * approximated on stderr, and refusals that name the place and write nothing.
 */

const LANES = interopFixture('bpmn/bpmnjs-lanes.bpmn');
const SIMPLE = interopFixture('bpmn/miwg-A.1.0.bpmn');
const SWIMLANES = interopFixture('drawio/business-swimlane.xml');

/** The map a command printed, checked to be a valid map. */
function validMap(text: string): ProcessMap {
  const checked = validateMap(JSON.parse(text));
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.map;
}

const noteLines = (notes: readonly ImportNote[]) =>
  notes.map((n) => `procmap import: ${n.message}\n`).join('');

describe('procmap import', () => {
  let dir: TempDir;
  beforeAll(async () => {
    dir = await makeTempDir();
  });
  afterAll(async () => {
    await dir.remove();
  });
  // The note that records what was approximated carries the time of the import: one clock.
  const NOW = '2026-05-04T08:30:00.000Z';
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(NOW));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps what was approximated in the map, as one note on the map at the time of the import', async () => {
    const { code, stdout } = await importRun(SIMPLE);
    expect(code).toBe(0);
    const notes = (validMap(stdout).comments ?? []).filter((c) => c.author === 'Import');
    expect(notes).toEqual([
      {
        id: 'import-notes',
        kind: 'note',
        author: 'Import',
        text: 'Imported from miwg-A.1.0.bpmn (BPMN 2.0). What was approximated: 5 nodes in no lane put in Unassigned.',
        createdAt: NOW,
      },
    ]);
  });

  describe('given a BPMN file', () => {
    it('writes the map to stdout as indented JSON, and the notes to stderr one a line', async () => {
      const expected = await expectedImport(LANES);
      const { code, stdout, stderr } = await importRun(LANES);
      expect(code).toBe(0);
      expect(stdout.endsWith('}\n')).toBe(true);
      expect(stdout).toContain('\n  "roles": [');
      const map = validMap(stdout);
      expect(map.roles.map((r) => r.name)).toEqual(expected.map.roles.map((r) => r.name));
      expect(map.roles.map((r) => r.name)).toContain('Nested_Lane_A');
      expect(map.steps.map((s) => s.label)).toEqual(expected.map.steps.map((s) => s.label));
      // the notes, and nothing else, on stderr; nothing of them in the JSON
      expect(expected.notes.length).toBeGreaterThan(0);
      expect(stderr).toBe(noteLines(expected.notes));
      expect(stdout).not.toContain('procmap import:');
    });

    it('given -o -, writes the same map to stdout', async () => {
      const [plain, dash] = await Promise.all([importRun(SIMPLE), importRun(SIMPLE, '-o', '-')]);
      expect(dash.code).toBe(0);
      expect(dash.stdout).toBe(plain.stdout);
    });

    it('given -o FILE, writes the map there, says so on stdout and the notes on stderr', async () => {
      const out = join(dir.path, 'simple.procmap.json');
      const { code, stdout, stderr } = await importRun(SIMPLE, '-o', out);
      expect(code).toBe(0);
      expect(stdout).toBe(`Wrote ${out} (BPMN 2.0: 5 steps, 1 role)\n`);
      expect(stderr).toBe(noteLines((await expectedImport(SIMPLE)).notes));
      const written = readFileSync(out, 'utf8');
      expect(written).toBe((await importRun(SIMPLE)).stdout);
      expect(validMap(written).steps.map((s) => s.label)).toEqual([
        'Start Event',
        'Task 1',
        'Task 2',
        'Task 3',
        'End Event',
      ]);
    });

    it('given --json, prints { map, notes } on stdout and nothing on stderr', async () => {
      const expected = await expectedImport(LANES);
      const { code, stdout, stderr } = await importRun(LANES, '--json');
      expect(code).toBe(0);
      expect(stderr).toBe('');
      const json = JSON.parse(stdout) as { map: unknown; notes: ImportNote[] };
      expect(Object.keys(json)).toEqual(['map', 'notes']);
      expect(json.notes).toEqual(expected.notes);
      expect(validateMap(json.map).ok).toBe(true);
    });

    it('given --json and -o FILE, the file gets the map and stdout the notes', async () => {
      const out = join(dir.path, 'lanes.procmap.json');
      const { code, stdout, stderr } = await importRun(LANES, '--json', '-o', out);
      expect(code).toBe(0);
      expect(stderr).toBe('');
      const json = JSON.parse(stdout);
      expect(json).toEqual({
        file: LANES,
        output: out,
        format: 'bpmn',
        notes: (await expectedImport(LANES)).notes,
      });
      expect(validMap(readFileSync(out, 'utf8')).roles.length).toBeGreaterThan(0);
    });
  });

  it('given a CSV file, makes a step of each row, named after the file', async () => {
    const file = await dir.write(
      'referral steps.csv',
      '\uFEFFStep,Role,Process time,Wait time\nWrite referral,GP,10 min,\nBook clinic,Ward clerk,5 min,2 d\n',
    );
    const { code, stdout, stderr } = await importRun(file);
    expect(code).toBe(0);
    const map = validMap(stdout);
    expect(map.title).toBe('referral steps');
    expect(map.roles.map((r) => r.name)).toEqual(['GP', 'Ward clerk']);
    const tasks = map.steps.filter((s) => s.kind === 'task');
    expect(tasks.map((s) => [s.label, s.processTime])).toEqual([
      ['Write referral', 10],
      ['Book clinic', 5],
    ]);
    expect(stderr).toContain('procmap import: 2 roles created from the "Role" column.');
  });

  it('given a draw.io diagram saved as .xml, reads it as draw.io by its content', async () => {
    const { code, stdout } = await importRun(SWIMLANES);
    expect(code).toBe(0);
    const map = validMap(stdout);
    expect(map.roles.map((r) => r.name)).toContain('Sales Admin');
    expect(map.steps.map((s) => s.label)).toContain('Credit Management');
  });

  it('given --format csv for a BPMN file, reads it as the format says', async () => {
    const { code, stderr } = await importRun(SIMPLE, '--format', 'csv');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^procmap import: .*miwg-A\.1\.0\.bpmn:\d+: /);
  });

  describe('refusals write nothing', () => {
    const refused = async (name: string, content: string | Uint8Array, ...flags: string[]) => {
      const file = await dir.write(name, content);
      const out = join(dir.path, `${name}.procmap.json`);
      const ran = await importRun(file, '-o', out, ...flags);
      expect(existsSync(out)).toBe(false);
      expect(ran.stdout).toBe('');
      return { ...ran, file };
    };

    it('given malformed XML, names the line and column of the fault', async () => {
      const bpmn =
        '<?xml version="1.0"?>\n<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">\n  <process id="p">\n</definitions>\n';
      const { code, stderr, file } = await refused('broken.bpmn', bpmn);
      expect(code).toBe(1);
      expect(stderr).toMatch(
        new RegExp(
          `^procmap import: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:1: .*not well-formed XML.*\n$`,
        ),
      );
    });

    it('given a DOCTYPE, refuses it before parsing, saying why', async () => {
      const xml =
        '<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">&x;</definitions>\n';
      const { code, stderr, file } = await refused('xxe.bpmn', xml);
      expect(code).toBe(1);
      expect(stderr.startsWith(`procmap import: ${file}:2:1: `)).toBe(true);
      expect(stderr).toContain('document type or entities');
      expect(stderr).not.toContain('root:');
    });

    it('given --json, the refusal is JSON on stdout with its place', async () => {
      const file = await dir.write('doctype.xml', '<!DOCTYPE x>\n<mxfile/>\n');
      const { code, stdout, stderr } = await importRun(file, '--json');
      expect(code).toBe(1);
      expect(stderr).toBe('');
      expect(JSON.parse(stdout)).toMatchObject({
        file,
        imported: false,
        error: { code: 'unsafe-xml', line: 1 },
      });
    });

    it('given a file of no format procmap knows, says what it imports', async () => {
      const { code, stderr, file } = await refused(
        'odd.xml',
        '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
      );
      expect(code).toBe(1);
      expect(stderr).toBe(
        `procmap import: ${file}: procmap cannot tell what kind of file this is. It imports BPMN 2.0 (.bpmn), draw.io diagrams (.drawio) and spreadsheets of steps (.csv).\n`,
      );
    });

    it('given a Visio drawing renamed .bpmn, refuses it for what it is (exit 1)', async () => {
      const file = join(dir.path, 'process.bpmn');
      writeFileSync(file, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0, 0x08, 0, 0, 0]));
      const { code, stdout, stderr } = await importRun(file);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toBe(
        `procmap import: ${file}: This looks like a zip file (for example a Visio .vsdx or an Excel .xlsx: save the sheet as CSV), not a BPMN, draw.io or CSV file.\n`,
      );
    });

    it('given an unknown --format, is misuse (exit 2), before reading the file', async () => {
      const { code, stderr } = await importRun(join(dir.path, 'none.vsdx'), '--format', 'visio');
      expect(code).toBe(2);
      expect(stderr).toBe(
        'procmap import: unknown format "visio": use bpmn, csv, drawio (or leave --format out to tell by the file)\nRun "procmap import --help" for usage.\n',
      );
    });

    it('given a missing file, exits 2 saying so', async () => {
      const file = join(dir.path, 'missing.bpmn');
      const { code, stdout, stderr } = await importRun(file);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(`procmap import: ${file}: no such file\n`);
    });

    it('given a file over the limit, refuses it by its size on disk, without reading it', async () => {
      // given: 11 MB of nothing, made sparse so the test writes no data
      const file = await dir.write('huge.csv', '');
      await truncate(file, 11 * 1024 * 1024);
      const out = join(dir.path, 'huge.procmap.json');
      // when
      const { code, stdout, stderr } = await importRun(file, '-o', out);
      // then
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toBe(
        `procmap import: ${file}: the file is 11 MiB; procmap imports files of up to 10 MiB\n`,
      );
      expect(existsSync(out)).toBe(false);
    });

    it('given Excel’s UTF-16 "Unicode text" or its Windows-1252 CSV, keeps every letter', async () => {
      const text = 'Step\tRole\nTri – 5 €\tInfirmière\n';
      const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
      const cp1252 = Buffer.from(
        [
          ...Buffer.from('Step,Role\nTri ', 'latin1'),
          0x96,
          ...Buffer.from(' 5 ', 'latin1'),
          0x80,
        ].concat([...Buffer.from(',Infirmi', 'latin1'), 0xe8, ...Buffer.from('re\n', 'latin1')]),
      );
      for (const [name, bytes] of [
        ['unicode.txt.csv', utf16],
        ['excel.csv', cp1252],
      ] as const) {
        const file = await dir.write(name, bytes);
        const { code, stdout, stderr } = await importRun(file);
        expect(code, stderr).toBe(0);
        const map = validMap(stdout);
        expect(map.steps.map((s) => s.label)).toContain('Tri – 5 €');
        expect(map.roles.map((r) => r.name)).toEqual(['Infirmière']);
      }
    });
  });

  it('given --help, prints the usage with the formats and exit codes', async () => {
    const { code, stdout } = await importRun('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('procmap import <file> [-o out] [--format bpmn|csv|drawio] [--json]');
    expect(stdout).toContain('Files over 10 MiB');
    expect(stdout).toContain('Exit codes:');
  });

  it('is listed in the main help', async () => {
    const out = captureIo();
    await run(['--help'], out.io);
    expect(out.stdout()).toMatch(/\n {2}import <file> +A BPMN 2\.0 file/);
  });
});
