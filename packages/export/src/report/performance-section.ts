import {
  describeBottleneck,
  type FormatSettings,
  formatMetric,
  METRIC_DESCRIPTORS,
  type Metrics,
} from '@procmap/analysis';
import { INK_MUTED } from '../theme';
import { cleanText } from '../text';
import type { ReportContext } from './report-context';
import { textRun } from './text-run';

/**
 * "How the process performs": each headline figure, and a line saying what it means. On a page
 * of its own unless `samePage` (the reading guide heads that page).
 */
export function performanceSection(
  { flow, analysis, time, formats }: ReportContext,
  samePage = false,
): void {
  if (!samePage) flow.newPage();
  flow.heading('How the process performs');
  flow.text(
    'Figures are per case (one patient, one request), from the times the team gave on the map.',
    { color: INK_MUTED, after: 10 },
  );
  for (const [name, value, meaning] of metricRows(analysis.metrics, time, formats)) {
    flow.ensure(44);
    flow.items(
      [
        textRun(0, 11, name, { size: 11 }),
        textRun(flow.column, 11, value, { size: 11, anchor: 'end' }),
      ],
      16,
    );
    flow.text(meaning, { size: 9.5, color: INK_MUTED, after: 8 });
  }
}

/** The headline figures, named and written as in the editor and the command line. */
function metricRows(
  m: Metrics,
  time: (n: number) => string,
  formats: FormatSettings,
): [string, string, string][] {
  const rows: [string, string, string][] = [];
  for (const d of METRIC_DESCRIPTORS) {
    const value = formatMetric(m, d.key, formats);
    // A map without costs has no cost line at all: nothing to say about it to this reader.
    if (d.key === 'costPerCase' && value === null) continue;
    if (d.key === 'casesInProgress' && value === null) continue;
    rows.push([d.label, value ?? `n/a (${d.missing})`, d.meaning]);
  }
  if (m.bottleneck) {
    rows.push([
      'Bottleneck',
      cleanText(describeBottleneck(m.bottleneck)),
      m.bottleneck.basis === 'utilisation'
        ? 'The role whose people are busiest relative to demand, and the step that takes most of their time: it sets the pace of the whole process.'
        : 'The step with the longest work and wait: without demand figures, the likeliest place cases pile up.',
    ]);
  }
  if (m.longestWait) {
    rows.push([
      'Longest wait',
      `${cleanText(m.longestWait.label)}, ${time(m.longestWait.waitTime)}`,
      'The single wait that costs each case the most time.',
    ]);
  }
  return rows;
}
