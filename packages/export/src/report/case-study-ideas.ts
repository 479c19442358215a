import { IDEA, INK_MUTED, OK } from '../theme';
import type { CaseStudy } from './case-study-data';
import type { ReportContext } from './report-context';
import { textRun } from './text-run';

/* "The ideas it puts into practice": the room's idea comments the scenario names, with their votes. */

export function caseStudyIdeas(report: ReportContext, study: CaseStudy): void {
  const { flow, stepName, index } = report;
  flow.heading('The ideas it puts into practice', 2, 60);
  if (study.ideas.length === 0) {
    flow.text('The scenario names none of the ideas the team recorded on the map.', {
      color: INK_MUTED,
    });
    return;
  }
  flow.text('The team’s ideas this scenario takes up, most votes first.', {
    size: 9.5,
    color: INK_MUTED,
    after: 8,
  });
  for (const { comment, votes } of study.ideas) {
    flow.ensure(40);
    const target =
      typeof comment.targetId !== 'string'
        ? 'the whole map'
        : index.step(comment.targetId as never)
          ? stepName(comment.targetId)
          : 'a flow or removed step';
    const voteText =
      votes === undefined ? 'no votes recorded' : votes === 1 ? '1 vote' : `${votes} votes`;
    flow.items(
      [
        { type: 'rect', x: 0, y: 3, w: 10, h: 10, rx: 5, fill: IDEA },
        textRun(16, 12, `${voteText} · on ${target}`, { size: 9, fill: votes ? OK : INK_MUTED }),
      ],
      16,
    );
    flow.text(comment.text, { indent: 16, size: 10.5, after: 1 });
    flow.text(`— ${comment.author}`, { indent: 16, size: 9, color: INK_MUTED, after: 10 });
  }
}
