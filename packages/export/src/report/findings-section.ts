import type { Finding } from '@procmap/analysis';
import { INK_MUTED, SEVERITY_COLOR } from '../theme';
import type { PageFlow } from './page-flow';
import type { ReportContext } from './report-context';
import { textRun } from './text-run';

const WASTE_NAMES: Readonly<Record<string, string>> = {
  transport: 'Transport (moving work between people)',
  inventory: 'Inventory (work piling up)',
  motion: 'Motion',
  waiting: 'Waiting',
  overproduction: 'Overproduction',
  overprocessing: 'Over-processing (doing more than needed)',
  defects: 'Defects (rework and errors)',
  skills: 'Unused skills',
};

/** "Where time is lost": the first `max` findings in full, largest gain first; then a count. */
export function findingsSection(report: ReportContext, max: number): void {
  const { flow, analysis } = report;
  flow.heading('Where time is lost');
  flow.text(
    'Improvement points found on the map, largest gain first: the time one case would save if that waste were removed. Where two points name the same time (a long wait that is also a bottleneck’s queue), the later one says how much of its gain is new. Each names the kind of waste and the steps concerned.',
    {
      color: INK_MUTED,
      after: 10,
    },
  );
  analysis.findings.slice(0, max).forEach((f, i) => {
    findingBlock(flow, f, i + 1, report);
  });
  if (analysis.findings.length > max) {
    flow.text(`…and ${analysis.findings.length - max} more (all of them are in the CSV export).`, {
      color: INK_MUTED,
    });
  }
  if (analysis.findings.length === 0)
    flow.text('No findings: the map shows no waste the rules look for.');
}

/** One finding: its number and kind of waste, severity and time at stake, message and steps. */
function findingBlock(
  flow: PageFlow,
  f: Finding,
  n: number,
  { time, stepName }: Pick<ReportContext, 'time' | 'stepName'>,
) {
  flow.ensure(60);
  const color = SEVERITY_COLOR[f.severity];
  const kind = f.waste
    ? (WASTE_NAMES[f.waste] ?? f.waste)
    : f.rule === 'non-value-adding'
      ? 'Work that adds no value'
      : 'Gap in the map';
  const head = `${n}. ${kind}`;
  const overlap =
    f.uniqueTimeAtStake < f.timeAtStake
      ? f.uniqueTimeAtStake > 0
        ? ` (${time(f.uniqueTimeAtStake)} new)`
        : ' (counted above)'
      : '';
  const stake = f.timeAtStake > 0 ? `${time(f.timeAtStake)} a case at stake${overlap}` : '';
  flow.items(
    [
      { type: 'rect', x: 0, y: 2, w: 4, h: 13, fill: color },
      textRun(10, 12, head, { size: 11 }),
      textRun(flow.column, 12, `${f.severity}${stake ? ` · ${stake}` : ''}`, {
        size: 9.5,
        fill: color,
        anchor: 'end',
      }),
    ],
    17,
  );
  flow.text(f.message, { indent: 10, size: 10, after: 2 });
  if (f.stepIds.length > 0) {
    const names = f.stepIds.slice(0, 12).map(stepName).join(', ');
    const more = f.stepIds.length > 12 ? ` and ${f.stepIds.length - 12} more` : '';
    flow.text(`Steps: ${names}${more}`, { indent: 10, size: 9, color: INK_MUTED, after: 10 });
  } else flow.y += 8;
}
