import type { PDFPage } from 'pdf-lib';
import { INK_MUTED } from '../theme';
import { caseStudyChanges, caseStudyMap } from './case-study-changes';
import type { CaseStudy } from './case-study-data';
import { caseStudyFigures } from './case-study-figures';
import { caseStudyIdeas } from './case-study-ideas';
import { caseStudyOpening } from './case-study-opening';
import { caseStudySimulation } from './case-study-simulation';
import { decisionParagraph } from './decision';
import type { ReportContext } from './report-context';

/*
 * The case study of one scenario, after the as-is report: the decision and what it buys, the
 * figures before and after, what changes, the ideas it takes up, both processes simulated, and
 * the scenario's map with its differences marked. Each part is a function of its own; this file puts them in order.
 */

/** Writes the case study; returns its map tiles (for the footers). */
export function caseStudySection(
  report: ReportContext,
  study: CaseStudy,
  options: { readonly date?: string },
): ReadonlySet<PDFPage> {
  caseStudyOpening(report, study);
  caseStudyFigures(report, study);
  caseStudyChanges(report, study);
  caseStudyIdeas(report, study);
  caseStudySimulation(report, study);
  // The map last: on a wide process it runs to pages of tiles, which would split the argument.
  return caseStudyMap(report, study, options);
}

/** The proposal on the title page: the same paragraph that opens the case study. */
export function proposalBrief(report: ReportContext, study: CaseStudy): void {
  const { flow } = report;
  flow.heading(`The proposal: ${study.name}`, 2, 60);
  flow.text(decisionParagraph(study, report.formats), { after: 4 });
  flow.text('Its case study follows the report on the as-is, at the end.', {
    size: 9.5,
    color: INK_MUTED,
    after: 14,
  });
}
