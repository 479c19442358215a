import { INK_MUTED } from '../theme';
import type { ReportContext } from './report-context';

/**
 * The title page's head: the map's title, the scenario its case study is of (when there is one),
 * the description, the date, how big the map is.
 */
export function titlePage(
  { flow, map, title }: ReportContext,
  date: string | undefined,
  caseStudy?: string,
): void {
  flow.newPage();
  // A case study's title page also holds its decision: less air above the title.
  flow.y = caseStudy ? 64 : 150;
  flow.text('Improvement report', { size: 14, color: INK_MUTED, after: 6 });
  flow.text(title, { size: 28, weight: 'bold', after: 10 });
  if (caseStudy) flow.text(`With the case study of “${caseStudy}”`, { size: 14, after: 10 });
  if (map.description) flow.text(map.description, { size: 12, color: INK_MUTED, after: 8 });
  if (date) flow.text(date, { size: 11, color: INK_MUTED, after: 18 });
  flow.text(
    `${map.steps.length} steps in ${map.roles.length} roles, ${map.flows.length} flows, ${(map.comments ?? []).length} comments.`,
    { size: 11, after: caseStudy ? 12 : 20 },
  );
}
