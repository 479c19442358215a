import { type FormatSettings, formatNumber, formatShare, formatValue } from '@procmap/analysis';
import type { MetricChange, Verdict } from '@procmap/compare';
import { DANGER, INK, INK_MUTED, OK } from '../theme';
import { cleanText, truncate } from '../text';
import type { CaseStudy } from './case-study-data';
import type { ReportContext } from './report-context';
import { textRun } from './text-run';

/*
 * "Before and after": every headline figure of the as-is and the scenario, the change, and
 * whether that is better or worse in words and colour (from the metric's descriptor); then each
 * role's people, hands-on time per case and utilisation before and after.
 */

const VERDICT: Readonly<Record<Verdict, { words: string; color: string }>> = {
  better: { words: 'Better', color: OK },
  worse: { words: 'Worse', color: DANGER },
  same: { words: 'No change', color: INK_MUTED },
  neither: { words: 'Changed', color: INK_MUTED },
  unknown: { words: 'Not known', color: INK_MUTED },
};

const SIZE = 9.5;
const ROW = 15;

type Cell = { text: string; color?: string; bold?: boolean };

/** A table of rows whose cells each have their own colour. */
function coloured(
  { flow }: ReportContext,
  columns: readonly { title: string; x: number; w: number; end?: boolean }[],
  rows: readonly (readonly Cell[])[],
): void {
  const line = (cells: readonly Cell[], head: boolean) =>
    flow.items(
      columns.map((c, i) => {
        const cell = cells[i] ?? { text: '' };
        return textRun(
          c.end ? c.x + c.w : c.x,
          SIZE + 1,
          truncate(cell.text, c.w, SIZE, head || cell.bold ? 'bold' : 'normal'),
          {
            size: SIZE,
            weight: head || cell.bold ? 'bold' : 'normal',
            fill: head ? INK_MUTED : (cell.color ?? INK),
            anchor: c.end ? 'end' : 'start',
          },
        );
      }),
      ROW,
    );
  flow.ensure(ROW * Math.min(rows.length + 2, 8));
  line(
    columns.map((c) => ({ text: c.title })),
    true,
  );
  flow.rule();
  for (const r of rows) line(r, false);
  flow.y += 8;
}

/** The metric table, then the roles table. */
export function caseStudyFigures(report: ReportContext, study: CaseStudy): void {
  const { flow, formats } = report;
  flow.heading('Before and after', 2, 140);
  flow.text(
    'Each figure per case for the as-is and for this scenario, the change, and whether the change is for the better: less lead time is better, more right first time is better; a change in work that adds value or in takt time is neither.',
    { size: 9.5, color: INK_MUTED, after: 6 },
  );
  const c = flow.column;
  coloured(
    report,
    [
      { title: 'Figure', x: 0, w: c * 0.3 },
      { title: 'As-is', x: c * 0.3, w: c * 0.16, end: true },
      { title: 'To-be', x: c * 0.47, w: c * 0.16, end: true },
      { title: 'Change', x: c * 0.64, w: c * 0.18, end: true },
      { title: 'Reading', x: c * 0.86, w: c * 0.14 },
    ],
    study.metrics
      .filter((m) => m.before !== null || m.after !== null)
      .map((m) => {
        const v = VERDICT[m.verdict];
        return [
          { text: m.descriptor.label },
          { text: value(m, m.before, formats) },
          { text: value(m, m.after, formats), bold: true },
          { text: change(m, formats), color: v.color },
          { text: v.words, color: v.color, bold: m.verdict === 'better' || m.verdict === 'worse' },
        ];
      }),
  );
  rolesTable(report, study);
}

/** Each role: people, hands-on time per case and utilisation, as-is → to-be. */
function rolesTable(report: ReportContext, study: CaseStudy): void {
  const { flow, time } = report;
  if (study.roles.length === 0) return;
  flow.heading('Who does the work', 2, 100);
  flow.text(
    'Each role’s people, its hands-on time per case and how much of its people’s time the demand asks for (utilisation), as-is → to-be. At 100% or more a role cannot keep up.',
    { size: 9.5, color: INK_MUTED, after: 6 },
  );
  const people = (map: CaseStudy['asIs'], id: string) => {
    const n = map.roles.find((r) => r.id === id)?.headcount;
    return n === undefined ? '—' : formatNumber(n);
  };
  const work = (roles: CaseStudy['asIsAnalysis']['metrics']['roles'], id: string) => {
    const r = roles.find((x) => x.roleId === id);
    return r ? time(r.workPerCase) : '—';
  };
  const pct = (x: number | null) => (x === null ? 'n/a' : formatShare(x));
  const c = flow.column;
  coloured(
    report,
    [
      { title: 'Role', x: 0, w: c * 0.26 },
      { title: 'People', x: c * 0.27, w: c * 0.13, end: true },
      { title: 'Work per case', x: c * 0.41, w: c * 0.22, end: true },
      { title: 'Utilisation', x: c * 0.64, w: c * 0.2, end: true },
      { title: 'Reading', x: c * 0.86, w: c * 0.14 },
    ],
    study.roles.map((r) => {
      const before = r.presence === 'added' ? '—' : null;
      const after = r.presence === 'removed' ? '—' : null;
      const v =
        r.presence === 'added'
          ? { words: 'New role', color: INK_MUTED }
          : r.presence === 'removed'
            ? { words: 'Not involved', color: INK_MUTED }
            : r.verdict === 'idle'
              ? { words: 'No work left', color: INK_MUTED }
              : VERDICT[r.verdict];
      const pair = (a: string, b: string) => `${before ?? a} → ${after ?? b}`;
      return [
        { text: cleanText(r.name) || r.roleId },
        { text: pair(people(study.asIs, r.roleId), people(study.toBe, r.roleId)) },
        {
          text: pair(
            work(study.asIsAnalysis.metrics.roles, r.roleId),
            work(study.toBeAnalysis.metrics.roles, r.roleId),
          ),
        },
        { text: pair(pct(r.before), pct(r.after)) },
        { text: v.words, color: v.color },
      ];
    }),
  );
}

/** A figure as its descriptor writes it, "n/a" when missing. */
function value(m: MetricChange, v: number | null, formats: FormatSettings): string {
  return v === null ? 'n/a' : formatValue(m.descriptor.unit, v, formats);
}

/** The change with its sign: "−2 d 4 h", "+5.2 points", "—" when there is none. */
export function change(m: MetricChange, formats: FormatSettings): string {
  if (m.change === null) return 'n/a';
  if (m.verdict === 'same' || m.change === 0) return '—';
  const sign = m.change < 0 ? '−' : '+';
  const size = Math.abs(m.change);
  if (m.descriptor.unit === 'share') return `${sign}${formatNumber(size * 100)} points`;
  return `${sign}${formatValue(m.descriptor.unit, size, formats)}`;
}
