import { type AnalysisResult, expectedVisits } from '@procmap/analysis';
import { type Flow, indexMap, type ProcessMap } from '@procmap/model';

/*
 * CSV for spreadsheets: RFC 4180 (comma, CRLF, fields quoted when they hold a comma, quote or
 * line break; quotes doubled). A text cell that a spreadsheet could run as a formula is
 * prefixed with a single quote (OWASP's advice on CSV injection), so user text is only ever
 * shown as text — see `startsLikeFormula` for which cells, and docs/export.md for why.
 */

export type CsvTable = 'steps' | 'findings';

/** OWASP's and ASVS's list: a cell whose very first character is one of these is neutralised. */
const FIRST_CHAR = /^[=+\-@\t\r\n\0]/;

/**
 * What a spreadsheet may drop before it looks for a formula: Unicode white space (space, tab,
 * line breaks, no-break spaces, U+3000 …), control characters (NUL is deleted on import by both
 * Excel and LibreOffice) and invisible format characters (zero-width space and joiners, word
 * joiner, byte-order mark, bidirectional marks, soft hyphen).
 */
const IGNORABLE = /^[\s\p{Cc}\p{Cf}]+/u;

const SIGNS = new Set(['=', '+', '-', '@']);

/**
 * A formula sign: = + - @, or a character that stands for one — the full-width ＝ ＋ － ＠ that
 * Japanese Excel evaluates like the ASCII ones, the other compatibility forms of the four signs
 * (small ﹦, superscript ⁺ …; their NFKC form is the sign), and ー (U+30FC), reported to OWASP
 * with the full-width signs as a double-byte minus.
 */
function isSign(char: string): boolean {
  return SIGNS.has(char) || SIGNS.has(char.normalize('NFKC')) || char === '\u30fc';
}

/**
 * Whether a text cell could start a formula in some spreadsheet: its first character is on
 * OWASP's list, or its first character after anything ignorable is a formula sign.
 */
function startsLikeFormula(text: string): boolean {
  if (FIRST_CHAR.test(text)) return true;
  const first = text.replace(IGNORABLE, '').codePointAt(0);
  return first !== undefined && isSign(String.fromCodePoint(first));
}

/** One cell: neutralised against formula injection, then quoted per RFC 4180 when needed. */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text =
    typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
  if (typeof value !== 'number' && startsLikeFormula(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The byte-order mark a CSV file starts with: Excel reads a CSV as UTF-8 only when it sees it,
 * and without it shows "é" as "Ã©". Files people download or write get it; text piped to other
 * tools does not.
 */
export const CSV_BOM = '\uFEFF';

/** Rows to CSV text: CRLF after every record, the header first. */
export function csvRows(rows: readonly (readonly unknown[])[]): string {
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places;

/**
 * A table of the map as CSV: `steps` (each step's data and its per-case figures from the
 * analysis: expected visits, wait and lead-time contribution) or `findings` (most time at
 * stake first, with the steps they concern).
 */
export function toCsv(
  map: ProcessMap,
  analysis: AnalysisResult,
  table: CsvTable = 'steps',
): string {
  const index = indexMap(map);
  const label = (id: string) => index.step(id as never)?.label ?? id;
  if (table === 'findings') {
    const rows: unknown[][] = [
      [
        'rank',
        'rule',
        'waste',
        'severity',
        'time_at_stake_min',
        'message',
        'step_ids',
        'steps',
        'roles',
      ],
    ];
    analysis.findings.forEach((f, i) => {
      rows.push([
        i + 1,
        f.rule,
        f.waste ?? '',
        f.severity,
        round(f.timeAtStake),
        f.message,
        f.stepIds.join('; '),
        f.stepIds.map(label).join('; '),
        f.roleIds.map((id) => index.role(id)?.name ?? id).join('; '),
      ]);
    });
    return csvRows(rows);
  }
  const visits = expectedVisits(map);
  const findingCount = new Map<string, number>();
  for (const f of analysis.findings)
    for (const id of new Set(f.stepIds)) findingCount.set(id, (findingCount.get(id) ?? 0) + 1);
  const lead = analysis.metrics.leadTime;
  const lanePlace = new Map<string, number>(index.lanes.map((r, i) => [r.id, i]));
  const rows: unknown[][] = [
    [
      'id',
      'role',
      'kind',
      'label',
      'process_time_min',
      'wait_time_min',
      'value_class',
      'activity',
      'complete_accurate',
      'batch_size',
      'data_entered',
      'systems',
      'notes',
      'expected_visits',
      'process_min_per_case',
      'wait_min_per_case',
      'lead_min_per_case',
      'share_of_lead_time',
      'findings',
      // Last, so that sheets reading the columns before them by position keep working.
      'process_variation',
      'wait_variation',
      // What an import needs to rebuild the map (docs/interop/csv.md): the lane's id, the
      // flows leaving the step, as step ids with the flows' labels and probabilities in the
      // same order ("s2; s3", "Yes; No", "0.8; 0.2"), and the lane's place from the top.
      'role_id',
      'next',
      'next_labels',
      'next_probabilities',
      'role_order',
    ],
  ];
  for (const s of map.steps) {
    const v = visits.get(s.id) ?? 0;
    const p = (s.processTime ?? 0) * v;
    const w = (s.waitTime ?? 0) * v;
    const out = index.outgoing(s.id);
    rows.push([
      s.id,
      index.role(s.roleId)?.name ?? s.roleId,
      s.kind,
      s.label,
      s.processTime,
      s.waitTime,
      s.valueClass,
      s.activity,
      s.completeAccurate,
      s.batchSize,
      tags(s.dataEntered),
      tags(s.systems),
      s.notes,
      round(v, 4),
      round(p),
      round(w),
      round(p + w),
      lead > 0 ? round((p + w) / lead, 4) : '',
      findingCount.get(s.id) ?? 0,
      variation(s.processVariation),
      variation(s.waitVariation),
      s.roleId,
      ...next(out),
      lanePlace.get(s.roleId) ?? '',
    ]);
  }
  return csvRows(rows);
}

/**
 * The flows leaving a step as three cells: the steps they go to, their labels and their
 * probabilities, in the same order; the last two empty when no flow has one. Defensive like
 * `tags`: a label or probability of the wrong type is an empty place in its list.
 */
function next(out: readonly Flow[]): [string, string, string] {
  const label = (f: Flow) => (typeof f.label === 'string' ? f.label : '');
  const probability = (f: Flow) =>
    typeof f.probability === 'number' && Number.isFinite(f.probability)
      ? String(f.probability)
      : '';
  const list = (cell: (f: Flow) => string) =>
    out.some((f) => cell(f) !== '') ? out.map(cell).join('; ') : '';
  return [out.map((f) => String(f.to)).join('; '), list(label), list(probability)];
}

/**
 * A time variation as one cell a person can read and a sheet can split: the distribution, then
 * its parameters as name=value ("triangular min=5 max=30"); empty when the time does not vary by
 * choice. Defensive like `tags`: anything unexpected is an empty cell, never a failed export.
 */
function variation(value: unknown): string {
  if (typeof value !== 'object' || value === null) return '';
  const { distribution, ...rest } = value as Record<string, unknown>;
  if (typeof distribution !== 'string') return '';
  const params = ['min', 'max', 'cv']
    .filter((k) => typeof rest[k] === 'number' && Number.isFinite(rest[k]))
    .map((k) => `${k}=${rest[k]}`);
  return [distribution, ...params].join(' ');
}

/**
 * A tag list as one cell. Defensive: a map that skipped validation (a document written by some
 * other Yjs client) may hold anything here, and an export must not fail on it.
 */
function tags(list: unknown): string {
  return Array.isArray(list) ? list.filter((t) => typeof t === 'string').join('; ') : '';
}
