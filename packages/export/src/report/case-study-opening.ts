import { INK_MUTED } from '../theme';
import { cleanText } from '../text';
import { beforeAfterBars } from './before-after-bars';
import type { CaseStudy } from './case-study-data';
import { decisionParagraph } from './decision';
import type { ReportContext } from './report-context';

/*
 * The case study's first page: which scenario, what it is, the decision in one paragraph and
 * what it buys per case as bars, so a reader who stops there has what they need.
 */

/** The figures drawn as bars before and after. */
const BARS = ['leadTime', 'processTime', 'costPerCase'];

export function caseStudyOpening(report: ReportContext, study: CaseStudy): void {
  const { flow, formats } = report;
  flow.newPage();
  flow.text('Case study', { size: 12, color: INK_MUTED, after: 2 });
  flow.heading(study.name);
  flow.text(
    'A scenario of this map: the process as the team proposes to run it, set against the as-is described in the pages before. Every figure comes from the same analysis.',
    { color: INK_MUTED, after: 8 },
  );
  if (study.scenario.description) flow.text(study.scenario.description, { size: 11, after: 10 });
  flow.heading('The decision in brief', 2, 60);
  flow.text(decisionParagraph(study, formats), { size: 11.5, after: 14 });
  const chart = beforeAfterBars(study.metrics, BARS, flow.column, formats);
  if (chart.height === 0) return;
  flow.heading('What it buys, per case', 2, chart.height + 10);
  flow.items(chart.items, chart.height);
  flow.y += 10;
}

/** The note in the as-is report's summary when a map holds scenarios but none was chosen. */
export function scenariosNote({ flow, map }: ReportContext): void {
  const scenarios = map.scenarios ?? [];
  if (scenarios.length === 0) return;
  const names = scenarios.slice(0, 3).map((s) => `“${cleanText(s.name) || s.id}”`);
  if (scenarios.length > 3) names.push(`${scenarios.length - 3} more`);
  const which =
    names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  flow.text(
    `This map also holds ${scenarios.length === 1 ? 'a scenario' : `${scenarios.length} scenarios`} of how the process could run (${which}). This report describes the as-is; export it with a scenario chosen for that scenario’s case study.`,
    { size: 9.5, color: INK_MUTED, after: 10 },
  );
}
