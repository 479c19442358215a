import { readdirSync, readFileSync } from 'node:fs';
import { analyze } from '@procmap/analysis';
import { CSV_BOM, toCsv } from '@procmap/export';
import { type ProcessMap, validateMap } from '@procmap/model';
import { mapBuilder } from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';
import { importCsv } from './import-csv';

/*
 * The export's steps table read back: every example map, through toCsv with the byte-order mark
 * a downloaded file has, comes back with its lanes, steps and flows.
 */

const EXAMPLES = new URL('../../../../examples/', import.meta.url);
const examples = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.procmap.json'))
  .sort();

function load(name: string): ProcessMap {
  const checked = validateMap(JSON.parse(readFileSync(new URL(name, EXAMPLES), 'utf8')));
  if (!checked.ok) throw new Error(`${name} is not a valid map`);
  return checked.map;
}

function reimport(map: ProcessMap): ProcessMap {
  const result = importCsv(CSV_BOM + toCsv(map, analyze(map), 'steps'));
  if (!result.ok) throw new Error(result.message);
  expect(validateMap(result.map).ok).toBe(true);
  return result.map;
}

const EMPTY_LIST = (v: unknown) => (Array.isArray(v) && v.length === 0 ? undefined : v);

/** What a step's row carries: everything but its position and fields the table has no column for. */
function stepFacts(map: ProcessMap) {
  const role = new Map(map.roles.map((r) => [r.id, r.name]));
  return map.steps.map((s) => ({
    id: s.id,
    role: role.get(s.roleId),
    roleId: s.roleId,
    kind: s.kind,
    label: s.label,
    processTime: s.processTime,
    waitTime: s.waitTime,
    valueClass: s.valueClass,
    activity: s.activity,
    completeAccurate: s.completeAccurate,
    batchSize: s.batchSize,
    dataEntered: EMPTY_LIST(s.dataEntered),
    systems: EMPTY_LIST(s.systems),
    notes: s.notes === '' ? undefined : s.notes,
    processVariation: s.processVariation,
    waitVariation: s.waitVariation,
  }));
}

const flowFacts = (map: ProcessMap) =>
  map.flows
    .map((f) => ({
      from: f.from,
      to: f.to,
      label: f.label || undefined,
      probability: f.probability,
    }))
    .sort((a, b) => `${a.from} ${a.to}`.localeCompare(`${b.from} ${b.to}`));

/** The lanes that hold a step, in lane order: a lane with no step has no row to come back from. */
const usedRoles = (map: ProcessMap) => {
  const used = new Set(map.steps.map((s) => s.roleId));
  return [...map.roles]
    .filter((r) => used.has(r.id))
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
    .map((r) => ({ id: r.id, name: r.name }));
};

describe('round trip through the CSV export', () => {
  it('finds the example maps', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples)('given %s, then roles, steps and flows come back as they were', (name) => {
    const map = load(name);
    const back = reimport(map);
    expect(stepFacts(back)).toEqual(stepFacts(map));
    expect(flowFacts(back)).toEqual(flowFacts(map));
    expect(back.roles.map((r) => ({ id: r.id, name: r.name }))).toEqual(usedRoles(map));
  });

  it.each(examples)('given %s, then the import adds nothing and says nothing is wrong', (name) => {
    const map = load(name);
    const result = importCsv(toCsv(map, analyze(map), 'steps'));
    if (!result.ok) throw new Error(result.message);
    const codes = result.notes.map((n) => n.code);
    expect(codes).not.toContain('start-added');
    expect(codes).not.toContain('end-added');
    expect(codes).not.toContain('unknown-step');
    expect(codes).not.toContain('chained');
    // The analysis' figures are the export's own columns, read by nobody.
    const ignored = result.notes.find((n) => n.code === 'columns-ignored');
    expect(ignored?.message).toContain('"expected_visits"');
    expect(ignored?.message).not.toContain('"label"');
  });

  it('given labels, lanes, notes and tags a spreadsheet would run as formulas, then the export quotes them and the import gives them back as written', () => {
    const map = mapBuilder('Hostile')
      .role('r', '@role')
      .role('q', '\u3000\uff20team')
      .start('a', 'r', '=1+1')
      .task('b', 'q', '-3, "quoted"', { notes: '+SUM(A1:A9)', systems: ['=cmd|" /C calc"!A0'] })
      .task('c', 'r', "'tis the season", { dataEntered: ['@mention', 'plain'] })
      .end('z', 'q', '\u00a0\u200b+1')
      .chain('a', 'b', 'c', 'z')
      .build();
    expect(stepFacts(reimport(map))).toEqual(stepFacts(map));
  });

  it('given a step id that starts like a formula, then its row and the rows going to it still link up', () => {
    const map = mapBuilder('Ids')
      .role('r', 'R')
      .start('-a', 'r', 'In')
      .task('=b', 'r', 'Work')
      .end('@c', 'r', 'Out')
      .chain('-a', '=b', '@c')
      .build();
    const back = reimport(map);
    expect(back.steps.map((s) => s.id)).toEqual(['-a', '=b', '@c']);
    expect(flowFacts(back)).toEqual(flowFacts(map));
  });
});
