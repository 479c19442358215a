import type { Comment } from '@procmap/model';
import { DANGER, IDEA, INK_MUTED, OK, PAIN } from '../theme';
import type { PageFlow } from './page-flow';
import type { ReportContext } from './report-context';
import { textRun } from './text-run';
import { commentVotes } from './votes';

/** "What the team said": the pain points, then the ideas, most votes first. */
export function commentsSection(report: ReportContext): void {
  const { flow, map } = report;
  flow.heading('What the team said');
  const said = (map.comments ?? [])
    .map((c, order) => ({ c, order, votes: commentVotes(c) }))
    .filter(({ c }) => c.kind === 'pain-point' || c.kind === 'idea')
    .sort((a, b) => (b.votes ?? 0) - (a.votes ?? 0) || a.order - b.order);
  if (said.length === 0)
    flow.text('No pain points or ideas were recorded on this map.', { color: INK_MUTED });
  for (const kind of ['pain-point', 'idea'] as const) {
    const list = said.filter((s) => s.c.kind === kind);
    if (list.length === 0) continue;
    flow.heading(kind === 'pain-point' ? 'Pain points' : 'Ideas', 2);
    for (const { c, votes } of list) commentBlock(flow, c, votes, report);
  }
}

/** One comment: its votes and what it is on, its text, who wrote it and its replies. */
function commentBlock(
  flow: PageFlow,
  c: Comment,
  votes: number | undefined,
  { stepName, index }: Pick<ReportContext, 'stepName' | 'index'>,
) {
  flow.ensure(40);
  const color = c.kind === 'pain-point' ? PAIN : IDEA;
  const target =
    typeof c.targetId !== 'string'
      ? 'the whole map'
      : index.step(c.targetId as never)
        ? stepName(c.targetId)
        : index.flow(c.targetId as never)
          ? 'a flow'
          : 'a removed item';
  const voteText =
    votes === undefined ? 'no votes recorded' : votes === 1 ? '1 vote' : `${votes} votes`;
  flow.items(
    [
      { type: 'rect', x: 0, y: 3, w: 10, h: 10, rx: 5, fill: color },
      textRun(16, 12, `${voteText} · on ${target}${c.resolved ? ' · resolved' : ''}`, {
        size: 9,
        fill: votes ? (c.kind === 'pain-point' ? DANGER : OK) : INK_MUTED,
      }),
    ],
    16,
  );
  flow.text(c.text, { indent: 16, size: 10.5, after: 1 });
  flow.text(
    `— ${c.author}${c.waste ? ` · waste: ${c.waste}` : ''}${c.replies?.length ? ` · ${c.replies.length} repl${c.replies.length === 1 ? 'y' : 'ies'}` : ''}`,
    {
      indent: 16,
      size: 9,
      color: INK_MUTED,
      after: 10,
    },
  );
}
