import { analyze, annotations } from '@procmap/analysis';
import { scenarioMap, validateMap } from '@procmap/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../run';
import { captureIo } from '../test-support/capture-io';
import { compareFile } from '../test-support/compare-run';
import { referralMap } from '../test-support/maps';
import { triageMap } from '../test-support/scenario-maps';
import { makeTempDir, type TempDir } from '../test-support/temp-files';

/*
 * `procmap compare` on the referral triage pair worked by hand in test-support/scenario-maps.ts:
 * as-is lead time 231 min (3 h 51 min), two handoffs, £13 a case, clerks 71.1% and nurse 44.4%
 * utilised; to-be "online" 39 min, no handoff, £9 a case, nurse 80%, clerk 0%. So the to-be's
 * changes are 231 − 39 = 192 min (3 h 12 min) less lead time, 2 handoffs fewer, £4 less a case,
 * the clerk 71.1 points less busy (better) and the nurse 35.6 points more (worse). The second
 * scenario, "Two triage sessions", only halves the wait before triage: 171 min (2 h 51 min).
 * Simulation and its refusals are in compare-simulate.test.ts.
 */

/** A line of a table: the label padded to 26 columns, then the cells. */
const row = (label: string, ...cells: string[]) => `  ${label.padEnd(26)}${cells.join('')}`;

type Entry = { id: string; name: string; metrics: unknown; changes?: unknown } & Record<
  string,
  unknown
>;

describe('procmap compare', () => {
  let dir: TempDir;
  let triage = '';
  beforeAll(async () => {
    dir = await makeTempDir();
    triage = await dir.writeJson('triage.procmap.json', triageMap());
  });
  afterAll(async () => {
    await dir.remove();
  });

  it('prints the metrics side by side with each change and, in words, whether it is better', async () => {
    // when
    const { code, stdout, stderr } = await compareFile(triage, '--scenarios', 'online');
    // then
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(`Comparison of "Referral triage" (${triage}) — the as-is and 1 scenario`);
    expect(lines).toContain(
      '  To-be: online (online) — 4 steps, 2 roles: The nurse triages and books',
    );
    // The as-is column is as wide as its widest cell ("3 h 51 min") and three spaces.
    expect(lines).toContain(row('', 'As-is'.padEnd(13), 'To-be: online'));
    expect(lines).toContain(row('Lead time', '3 h 51 min   ', '39 min (-3 h 12 min, better)'));
    expect(lines).toContain(row('Handoffs per case', '2'.padEnd(13), '0 (-2, better)'));
    expect(lines).toContain(
      row('Staff cost per case', '£13.00'.padEnd(13), '£9.00 (-£4.00, better)'),
    );
    expect(lines).toContain(row('Work that adds value', '5 min'.padEnd(13), '5 min (same)'));
    expect(lines).toContain(
      row('Process cycle efficiency', '2.2%'.padEnd(13), '12.8% (+10.6 pts, better)'),
    );
    // Utilisation by role: the clerk's work is gone, the nurse now does it.
    const roles = lines.indexOf('Utilisation by role');
    expect(lines.slice(roles + 2, roles + 4)).toEqual([
      row('Clerk', '71.1%   ', '0% (-71.1 pts, no work left)'),
      row('Nurse', '44.4%   ', '80% (+35.6 pts, worse)'),
    ]);
  });

  it('lists what the scenario changes by step label, and the ideas it puts into practice', async () => {
    // when
    const { stdout } = await compareFile(triage, '--scenarios', 'online');
    // then
    const from = stdout.indexOf('What "To-be: online" changes from the as-is\n');
    expect(from).toBeGreaterThan(0);
    expect(stdout.slice(from).split('\n').slice(1)).toEqual([
      '  Steps',
      '    removed  "Key in"',
      '    moved    "Referral arrives": lane Clerk → Nurse',
      '    changed  "Triage": wait before 2 h → 30 min',
      '    moved    "Book": lane Clerk → Nurse',
      '    changed  "Book": process time 6 min → 4 min, wait before 30 min → 0 min',
      '    moved    "Booked": lane Clerk → Nurse',
      '  Flows',
      '    added    "Referral arrives" → "Triage"',
      '    removed  "Referral arrives" → "Key in"',
      '    removed  "Key in" → "Triage"',
      '  Roles',
      '    changed  "Clerk": people 2 → 1',
      '  Ideas it puts into practice',
      '    "Referrals through the portal" (Ana, 3 votes)',
      '',
    ]);
  });

  it('with --json, gives the as-is first, then each scenario with analyze --json’s answer and its changes by id', async () => {
    // when
    const { code, stdout, stderr } = await compareFile(triage, '--json');
    // then
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const json = JSON.parse(stdout) as { scenarios: Entry[] };
    expect(Object.keys(json)).toEqual(['scenarios']);
    const [asIs, online, session] = json.scenarios;
    expect(json.scenarios.map((s) => s.id)).toEqual(['as-is', 'online', 'session']);
    expect(Object.keys(asIs ?? {})).toEqual(['id', 'name', 'metrics']);
    expect(asIs?.name).toBe('As-is');
    expect(Object.keys(online ?? {})).toEqual([
      'id',
      'name',
      'description',
      'ideas',
      'metrics',
      'changes',
    ]);
    expect(online?.ideas).toEqual(['c1']);
    // metrics: exactly what `procmap analyze --json [--scenario ID]` prints for that process.
    for (const entry of json.scenarios) {
      const analysed = captureIo();
      await run(['analyze', triage, '--json', '--scenario', entry.id], analysed.io);
      expect(entry.metrics).toEqual(JSON.parse(analysed.stdout()));
    }
    // the figures worked by hand
    const metrics = (e: Entry | undefined) =>
      (e?.metrics as { metrics: Record<string, number> } | undefined)?.metrics ?? {};
    expect([metrics(asIs).leadTime, metrics(online).leadTime, metrics(session).leadTime]).toEqual([
      231, 39, 171,
    ]);
    expect([metrics(asIs).handoffs, metrics(online).handoffs]).toEqual([2, 0]);
    expect([metrics(asIs).costPerCase, metrics(online).costPerCase]).toEqual([13, 9]);
    expect(online?.changes).toEqual({
      steps: {
        added: [],
        removed: ['key'],
        changed: [
          { id: 'arrives', fields: ['roleId'] },
          { id: 'triage', fields: ['waitTime'] },
          { id: 'book', fields: ['roleId', 'processTime', 'waitTime'] },
          { id: 'booked', fields: ['roleId'] },
        ],
      },
      flows: { added: ['t1'], removed: ['f1', 'f2'], changed: [] },
      roles: { added: [], removed: [], changed: [{ id: 'clerk', fields: ['headcount'] }] },
    });
    expect(session?.changes).toEqual({
      steps: { added: [], removed: [], changed: [{ id: 'triage', fields: ['waitTime'] }] },
      flows: { added: [], removed: [], changed: [] },
      roles: { added: [], removed: [], changed: [] },
    });
    expect(stdout).toBe(`${JSON.stringify(json, null, 2)}\n`);
  });

  it('with --scenarios, compares only those, in the order given, the as-is always first', async () => {
    // when
    const both = await compareFile(triage, '--json', '--scenarios', 'session, online');
    const one = await compareFile(triage, '--json', '--scenarios', 'session,as-is,session');
    // then
    const ids = (s: string) => (JSON.parse(s) as { scenarios: Entry[] }).scenarios.map((e) => e.id);
    expect(ids(both.stdout)).toEqual(['as-is', 'session', 'online']);
    expect(ids(one.stdout)).toEqual(['as-is', 'session']);
    // and the table's columns follow the same order
    const human = await compareFile(triage, '--scenarios', 'session,online');
    expect(human.stdout).toContain(
      row(
        'Lead time',
        '3 h 51 min   ',
        '2 h 51 min (-1 h, better)   ',
        '39 min (-3 h 12 min, better)',
      ),
    );
  });

  it('refuses an unknown scenario with exit 2, naming the scenarios the map has', async () => {
    // when
    const { code, stdout, stderr } = await compareFile(triage, '--scenarios', 'online,to-be');
    const json = await compareFile(triage, '--json', '--scenarios', 'to-be');
    // then
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'procmap compare: no scenario "to-be" in this map: use "as-is", "online", "session"\nRun "procmap compare --help" for usage.\n',
    );
    expect(json.code).toBe(2);
    expect(json.stdout).toBe('');
  });

  it('given a map without scenarios, compares the as-is alone and says how to add one', async () => {
    // given
    const file = await dir.writeJson('plain.procmap.json', referralMap());
    // when
    const human = await compareFile(file);
    const json = await compareFile(file, '--json');
    // then
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('— the as-is and 0 scenarios\n');
    expect(human.stdout).toContain('This map has no scenarios yet');
    expect(human.stdout).toContain(row('Lead time', '5.4 d'));
    const validation = validateMap(referralMap());
    if (!validation.ok) throw new Error('fixture');
    const asIs = scenarioMap(validation.map, 'as-is');
    if (!asIs.ok) throw new Error(asIs.message);
    expect(JSON.parse(json.stdout)).toEqual({
      scenarios: [
        {
          id: 'as-is',
          name: 'As-is',
          metrics: JSON.parse(
            JSON.stringify({ ...analyze(asIs.map), annotations: annotations(asIs.map) }),
          ),
        },
      ],
    });
  });
});
