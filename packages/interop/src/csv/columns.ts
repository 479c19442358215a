import {
  type CsvField,
  headerKey,
  isCsvField,
  SYNONYM_INDEX,
  type Synonym,
  TIME_FIELDS,
} from './fields';
import { isTimeUnit, type TimeUnit, UNIT_WORD_LIST, unitOf } from './times';
import { activityOf, kindOf, valueClassOf } from './values';

/*
 * Which field each column of a sheet holds. A header names a field when its key (fields.ts) is
 * one of the field's synonyms; failing that, a unit or a remark at its end is set aside
 * ("Wait (days)", "process_time_min", "Notes (optional)") and the rest is looked up. The step
 * label is given its column first, then every other field takes its best-ranked column, each
 * column one field at most. A column whose values are all words of a closed list (kinds of
 * work, step kinds, value classes) is not a label, and a column holds one of those lists only
 * if most of its values are words of it; a column of numbers only is the label only when no
 * other column can be. The caller's overrides come before all of this.
 */

export interface ColumnMatch {
  /** The column's place, from 0. */
  readonly index: number;
  readonly header: string;
  /** The field it holds, or null: ignored. */
  readonly field: CsvField | null;
  /**
   * For a time column, the unit its bare numbers are read in: the caller's choice, else the one
   * its header names ("Wait (h)"), else minutes; `unitFrom` says which.
   */
  readonly unit?: TimeUnit;
  readonly unitFrom?: UnitSource;
  /** Whether the caller chose this column's field. */
  readonly chosen: boolean;
}

/** Where a time column's unit comes from: the caller, the header, or the default (minutes). */
export type UnitSource = 'chosen' | 'header' | 'default';

/** The unit of a time column's bare numbers chosen by the caller, by header or by place. */
export type UnitOverrides = Readonly<Record<string, TimeUnit>>;

/** A column's field chosen by the caller, by header text (matched generously) or by place. */
export type ColumnOverrides = Readonly<Record<string, CsvField | null>>;

/** A header's last word as a unit: "Wait (h)", "wait_time_min", "Attente (en jours)". */
const UNIT_AT_END = new RegExp(
  `^(.*?)[\\s_\\-([{,/:.]+(?:(?:in|en)\\s+)?(${UNIT_WORD_LIST.join('|')})\\s*[)\\]}]?\\s*$`,
  'i',
);
const REMARK_AT_END = /^(.*?)\s*[([{][^)\]}]*[)\]}]\s*$/;

/** A header without accents, so "(días)" reads as "(dias)". */
const unaccented = (header: string) =>
  header
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .trim();

interface Candidate extends Synonym {
  readonly unit?: TimeUnit;
}

/** The unit a header is ("Hours") or names at its end ("Wait (h)", "wait_time_min"), if any. */
export function headerUnit(header: string): TimeUnit | undefined {
  const whole = unitOf(header.normalize('NFKC').replace(/[^\p{L}]+/gu, ''));
  if (whole) return whole;
  const found = UNIT_AT_END.exec(unaccented(header));
  return found ? unitOf(found[2] ?? '') : undefined;
}

/** The fields a header may name, with the unit it gives its numbers. */
export function candidatesOf(header: string): readonly Candidate[] {
  const direct = SYNONYM_INDEX.get(headerKey(header));
  if (direct) return direct;
  const unit = UNIT_AT_END.exec(unaccented(header));
  if (unit) {
    const timed = (SYNONYM_INDEX.get(headerKey(unit[1] ?? '')) ?? []).filter((s) =>
      TIME_FIELDS.has(s.field),
    );
    const u = headerUnit(header);
    if (timed.length > 0) return timed.map((s) => ({ ...s, ...(u ? { unit: u } : {}) }));
  }
  const remark = REMARK_AT_END.exec(header);
  if (remark) return SYNONYM_INDEX.get(headerKey(remark[1] ?? '')) ?? [];
  return [];
}

const CLOSED_LISTS: Partial<Record<CsvField, (cell: string) => string | undefined>> = {
  kind: kindOf,
  valueClass: valueClassOf,
  activity: activityOf,
};

/** Whether most non-blank values are words of a closed list (true when the column is blank). */
function mostlyWordsOf(values: readonly string[], of: (cell: string) => string | undefined) {
  const known = values.filter((v) => of(v) !== undefined).length;
  return known >= values.length * 0.8;
}

/**
 * Whether a column whose header may name the label holds, rather, the words of a closed list
 * its header may also name ("Activity": work, approval …).
 */
function listNotLabel(header: string, values: readonly string[]): boolean {
  return (
    values.length > 0 &&
    candidatesOf(header).some((c) => {
      const of = CLOSED_LISTS[c.field];
      return of !== undefined && mostlyWordsOf(values, of);
    })
  );
}

/** The columns a caller's override key names: a header (as written, then generously) or a place. */
export function columnOfKey(key: string, headers: readonly string[]): number | undefined {
  const exact = headers.indexOf(key);
  if (exact !== -1) return exact;
  const generous = headers.findIndex(
    (h) => headerKey(h) === headerKey(key) && headerKey(key) !== '',
  );
  if (generous !== -1) return generous;
  return /^\d+$/.test(key) && Number(key) < headers.length ? Number(key) : undefined;
}

export interface Matching {
  readonly columns: readonly ColumnMatch[];
  /** Override keys that name no column. */
  readonly unknownOverrides: readonly string[];
}

/**
 * The field of every column. `values(i)` gives a sample of column i's non-blank values (the
 * first few hundred are enough to tell a list of words from labels).
 */
export function matchColumns(
  headers: readonly string[],
  values: (index: number) => readonly string[],
  overrides: ColumnOverrides = {},
  units: UnitOverrides = {},
): Matching {
  const field = new Map<number, CsvField | null>();
  const unit = new Map<number, TimeUnit>();
  const chosen = new Set<number>();
  const taken = new Set<CsvField>();
  const unknownOverrides: string[] = [];
  for (const [key, value] of Object.entries(overrides)) {
    const index = columnOfKey(key, headers);
    if (index === undefined || (value !== null && !isCsvField(value))) {
      unknownOverrides.push(key);
      continue;
    }
    for (const [other, f] of field) if (f === value && value !== null) field.set(other, null);
    field.set(index, value);
    chosen.add(index);
    const u =
      value !== null && TIME_FIELDS.has(value) ? headerUnit(headers[index] ?? '') : undefined;
    if (u) unit.set(index, u);
    if (value !== null) taken.add(value);
  }
  const candidates = headers.flatMap((header, index) =>
    chosen.has(index) ? [] : candidatesOf(header).map((c) => ({ ...c, index })),
  );
  const fits = (c: Candidate & { index: number }) => {
    const list = CLOSED_LISTS[c.field];
    if (c.field === 'label') return !listNotLabel(headers[c.index] ?? '', values(c.index));
    return list === undefined || (c.rank === 0 && c.field !== 'activity')
      ? true
      : mostlyWordsOf(values(c.index), list);
  };
  const byRank = (a: Candidate & { index: number }, b: Candidate & { index: number }) =>
    a.rank - b.rank || a.index - b.index;
  // Numbers only ("Step: 1, 2, 3") make a label of last resort: such a column is rather an id.
  const numbered = new Set(
    candidates
      .filter((c) => c.field === 'label')
      .map((c) => c.index)
      .filter((i) => {
        const v = values(i);
        return v.length > 0 && v.every((x) => /^\d+(\.\d+)*$/.test(x.trim()));
      }),
  );
  const labelOrder = (a: Candidate & { index: number }, b: Candidate & { index: number }) =>
    Number(numbered.has(a.index)) - Number(numbered.has(b.index)) || byRank(a, b);
  const labelFirst = [
    ...candidates.filter((c) => c.field === 'label').sort(labelOrder),
    ...candidates.filter((c) => c.field !== 'label').sort(byRank),
  ];
  for (const c of labelFirst) {
    if (taken.has(c.field) || field.has(c.index) || !fits(c)) continue;
    field.set(c.index, c.field);
    taken.add(c.field);
    if (c.unit) unit.set(c.index, c.unit);
  }
  const chosenUnit = new Map<number, TimeUnit>();
  for (const [key, value] of Object.entries(units)) {
    const index = columnOfKey(key, headers);
    if (index === undefined || !isTimeUnit(value)) unknownOverrides.push(key);
    else chosenUnit.set(index, value);
  }
  const columns = headers.map((header, index): ColumnMatch => {
    const f = field.get(index) ?? null;
    const timed = f !== null && TIME_FIELDS.has(f);
    const picked = chosenUnit.get(index);
    const named = unit.get(index) ?? (timed ? headerUnit(header) : undefined);
    const u = picked ?? named;
    return {
      index,
      header,
      field: f,
      ...(timed
        ? { unit: u ?? 'min', unitFrom: picked ? 'chosen' : named ? 'header' : 'default' }
        : {}),
      chosen: chosen.has(index),
    };
  });
  return { columns, unknownOverrides };
}
