import {
  type FormatSettings,
  formatShare,
  formatValue,
  METRIC_DESCRIPTORS,
  type MetricUnit,
} from '@procmap/analysis';
import { metricChanges, type RoleVerdict, roleChanges } from '@procmap/compare';
import type { CompareColumn } from './compare-cache';

/*
 * The Compare view's tables as rows of text, from the columns (the as-is first): each headline
 * metric's figure per process and, for a scenario, its change from the as-is with the direction
 * in words and an arrow as well as a colour (WCAG 1.4.1), then each role's utilisation. Pure, so
 * what the view says is tested without a browser.
 */

/** One cell of a scenario (or the as-is's figure alone). */
export interface FigureCell {
  /** The figure as everywhere else ("1 h 10 min"), or "n/a". */
  readonly text: string;
  /** The change from the as-is with its arrow ("↓ 1 h 10 min"); absent for the as-is. */
  readonly change?: string;
  /** better or worse (coloured), same, neither, unknown; idle for a role left with no work. */
  readonly verdict?: RoleVerdict;
  /** The verdict in words, read with the change ("better", "worse", "no change"). */
  readonly words?: string;
}

export interface FigureRow {
  readonly key: string;
  readonly label: string;
  /** What the figure means (a tooltip, or why it is missing). */
  readonly hint: string;
  readonly cells: readonly FigureCell[];
}

/** The words said with a change: colour never says it alone. */
export function verdictWords(verdict: RoleVerdict): string {
  switch (verdict) {
    case 'better':
      return 'better';
    case 'worse':
      return 'worse';
    case 'same':
      return 'no change';
    case 'neither':
      return 'neither better nor worse';
    case 'idle':
      return 'no work left';
    default:
      return 'not comparable';
  }
}

const MINUS = '−';

/** A change in the metric's unit with an arrow for its direction: `↓ 1 h 10 min`, `↑ 9.5 pts`. */
export function signedChange(unit: MetricUnit, change: number, format: FormatSettings): string {
  if (change === 0) return '= 0';
  const arrow = change < 0 ? '↓' : '↑';
  const size = Math.abs(change);
  const text =
    unit === 'share' ? formatShare(size).replace('%', ' pts') : formatValue(unit, size, format);
  return `${arrow} ${change < 0 ? MINUS : '+'}${text}`;
}

const shown = (unit: MetricUnit, v: number | null, format: FormatSettings) =>
  v === null || !Number.isFinite(v) ? 'n/a' : formatValue(unit, v, format);

/** Every headline metric, in the descriptors' order, with a cell per column. */
export function metricRows(columns: readonly CompareColumn[]): FigureRow[] {
  const asIs = columns[0];
  if (!asIs) return [];
  const changes = columns.map((c) =>
    c === asIs ? null : metricChanges(asIs.analysis.metrics, c.analysis.metrics),
  );
  return METRIC_DESCRIPTORS.map((d, row) => ({
    key: d.key,
    label: d.label,
    hint: d.hint,
    cells: columns.map((c, i): FigureCell => {
      const text = shown(d.unit, c.analysis.metrics[d.key], c.format);
      const change = changes[i]?.[row];
      if (!change || (change.before === null && change.after === null)) return { text };
      if (change.verdict === 'same') {
        return { text, verdict: 'same', words: verdictWords('same') };
      }
      if (change.change === null || !Number.isFinite(change.change)) {
        return change.after === null
          ? { text }
          : { text, verdict: 'unknown', words: 'the as-is has none' };
      }
      return {
        text,
        change: signedChange(d.unit, change.change, c.format),
        verdict: change.verdict,
        words: verdictWords(change.verdict),
      };
    }),
  }));
}

/** Each role's utilisation: the as-is's roles, then those any scenario adds. */
export function roleRows(columns: readonly CompareColumn[]): FigureRow[] {
  const asIs = columns[0];
  if (!asIs) return [];
  const order: string[] = [];
  const names = new Map<string, string>();
  const cells = new Map<string, FigureCell[]>();
  const note = (id: string, name: string) => {
    if (!names.has(id)) {
      order.push(id);
      names.set(id, name);
      cells.set(
        id,
        columns.map(() => ({ text: 'not in it' })),
      );
    }
    return cells.get(id) as FigureCell[];
  };
  const utilisation = (v: number | null) => (v === null ? 'n/a' : formatShare(v));
  for (const r of asIs.analysis.metrics.roles) {
    note(r.roleId, r.name)[0] = { text: utilisation(r.utilisation) };
  }
  columns.forEach((c, i) => {
    if (i === 0) return;
    for (const r of roleChanges(asIs.analysis.metrics, c.analysis.metrics)) {
      const row = note(r.roleId, r.name);
      if (r.presence === 'removed') {
        row[i] = { text: 'not in it', verdict: 'unknown', words: 'role no longer involved' };
        continue;
      }
      const text = utilisation(r.after);
      if (r.presence === 'added') {
        row[i] = { text, verdict: 'unknown', words: 'new role' };
      } else if (r.before === null || r.after === null) {
        row[i] = { text };
      } else if (r.verdict === 'same') {
        row[i] = { text, verdict: 'same', words: verdictWords('same') };
      } else {
        row[i] = {
          text,
          change: signedChange('share', r.after - r.before, c.format),
          verdict: r.verdict,
          words: verdictWords(r.verdict),
        };
      }
    }
  });
  return order.map((id) => ({
    key: id,
    label: names.get(id) || 'Unnamed role',
    hint: 'Share of the role’s time the demand asks for',
    cells: cells.get(id) as FigureCell[],
  }));
}
