import { INK_MUTED } from '../theme';
import type { ReportContext } from './report-context';
import { executiveSummary } from './summary';

/**
 * The executive summary, under the title: the largest gains, what the room voted for, what is
 * still open (`summary.ts` words them).
 */
export function summarySection({ flow, map, analysis }: ReportContext): void {
  const summary = executiveSummary(map, analysis);
  flow.heading('Executive summary', 2, 40);
  flow.text(summary.headline, { after: 8 });
  if (summary.gains.length > 0) {
    flow.text('The largest gains', { weight: 'bold', after: 3 });
    summary.gains.forEach((g, i) => {
      flow.text(`${i + 1}. ${g}`, { indent: 10, after: 4 });
    });
    flow.y += 4;
  }
  flow.ensure(10.5 * 1.35 * 2 + 3);
  flow.text('What the room voted for', { weight: 'bold', after: 3 });
  if (summary.voted.length === 0) {
    flow.text('No votes were placed on pain points or ideas.', { indent: 10, color: INK_MUTED });
  }
  for (const v of summary.voted) flow.text(`• ${v}`, { indent: 10, after: 3 });
  flow.y += 4;
  // The heading stays with the first question (or the line saying there are none).
  flow.ensure(10.5 * 1.35 * 2 + 3);
  flow.text('Questions still open', { weight: 'bold', after: 3 });
  if (summary.questions.length === 0) {
    flow.text('None: every question raised on the map was resolved.', {
      indent: 10,
      color: INK_MUTED,
    });
  }
  for (const q of summary.questions) flow.text(`• ${q}`, { indent: 10, after: 3 });
  if (summary.moreQuestions > 0) {
    flow.text(`…and ${summary.moreQuestions} more on the map.`, { indent: 10, color: INK_MUTED });
  }
  flow.y += 16;
}
